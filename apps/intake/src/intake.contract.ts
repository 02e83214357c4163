import { eventSchema, schemaIdOf, type ServiceContract } from '@collab/contracts';

/** What intake publishes on `collab.intake.events.v1`. Events not listed here stay inside intake. */
export const intakeContract: ServiceContract = {
  service: 'intake',
  events: {
    CaseOpened: {
      version: 2,
      schema: eventSchema(schemaIdOf('intake', 'CaseOpened', 2)),
      description: 'A contact from a registered channel opened a new case, with its number and customer.',
    },
    CaseAcknowledged: {
      version: 1,
      schema: eventSchema(schemaIdOf('intake', 'CaseAcknowledged', 1)),
      description: 'The requester was told the case number and the expected first-response and resolution times.',
    },
    ContactAppended: {
      version: 1,
      schema: eventSchema(schemaIdOf('intake', 'ContactAppended', 1)),
      description: 'A later contact joined an open case (same thread, or same customer and category within the window).',
    },
    ChannelRegistered: {
      version: 1,
      schema: eventSchema(schemaIdOf('intake', 'ChannelRegistered', 1)),
      description: 'A channel joined the channel registry: its kind, audiences, service-hours calendar, default language and whether it takes contacts.',
    },
    ChannelChanged: {
      version: 1,
      schema: eventSchema(schemaIdOf('intake', 'ChannelChanged', 1)),
      description: 'Some settings of a channel changed (name, audiences, calendar, default language); only the changed ones are carried.',
    },
    ChannelEnabled: {
      version: 1,
      schema: eventSchema(schemaIdOf('intake', 'ChannelEnabled', 1)),
      description: 'The channel takes contacts again.',
    },
    ChannelDisabled: {
      version: 1,
      schema: eventSchema(schemaIdOf('intake', 'ChannelDisabled', 1)),
      description: 'The channel takes no contacts until it is enabled again; contacts on it are refused.',
    },
    CategoryDefined: {
      version: 1,
      schema: eventSchema(schemaIdOf('intake', 'CategoryDefined', 1)),
      description: 'A category joined the managed category tree, under an active parent or as a root.',
    },
    CategoryRenamed: {
      version: 1,
      schema: eventSchema(schemaIdOf('intake', 'CategoryRenamed', 1)),
      description: "The category's names (per language) were replaced.",
    },
    CategoryRetired: {
      version: 1,
      schema: eventSchema(schemaIdOf('intake', 'CategoryRetired', 1)),
      description: 'New contacts may no longer use the category nor anything under it; past cases keep it.',
    },
    CalendarDefined: {
      version: 2,
      schema: eventSchema(schemaIdOf('intake', 'CalendarDefined', 2)),
      description:
        'A business calendar was defined; it carries the whole definition (time zone, weekly hours with breaks, announced holidays, holiday rules, make-up days, how far the announced holidays reach, on-call rota), so SLA timers count on the same one.',
    },
    CalendarRevised: {
      version: 2,
      schema: eventSchema(schemaIdOf('intake', 'CalendarRevised', 2)),
      description: "A business calendar's definition was replaced; it carries the whole new definition, not a diff.",
    },
    CalendarCoverageEnding: {
      version: 1,
      schema: eventSchema(schemaIdOf('intake', 'CalendarCoverageEnding', 1)),
      description:
        "A calendar's announced holidays run out within 60 days (once per announcedThrough): administrators add the next year's.",
    },
  },
};
