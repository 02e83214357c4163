import { eventSchema, schemaIdOf, type ServiceContract } from '@collab/contracts';

/** What intake publishes on `collab.intake.events.v1`. Events not listed here stay inside intake. */
export const intakeContract: ServiceContract = {
  service: 'intake',
  events: {
    CaseOpened: {
      version: 1,
      schema: eventSchema(schemaIdOf('intake', 'CaseOpened', 1)),
      description: 'A contact from a channel opened a new case.',
    },
  },
};
