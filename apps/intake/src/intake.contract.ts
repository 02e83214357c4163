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
  },
};
