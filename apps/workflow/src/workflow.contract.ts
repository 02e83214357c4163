import { eventSchema, schemaIdOf, type ServiceContract } from '@collab/contracts';

const published = (name: string, description: string) => ({
  version: 1,
  schema: eventSchema(schemaIdOf('workflow', name, 1)),
  description,
});

/** What workflow publishes on `collab.workflow.events.v1`. */
export const workflowContract: ServiceContract = {
  service: 'workflow',
  events: {
    CaseRegistered: published('CaseRegistered', 'Workflow took over a case intake opened.'),
    CaseAssigned: published('CaseAssigned', 'The case was put in a queue by a routing rule.'),
  },
};
