import { z } from 'zod';
import { answerSchema, instant, listPageSchema } from '@collab/service-kit';

export const auditEntrySchema = answerSchema(
  'AuditEntry',
  z.strictObject({
    eventId: z.string(),
    service: z.string().meta({ description: 'The service that recorded it: intake, workflow or knowledge.' }),
    type: z.string().meta({ description: 'What happened: the published event type, e.g. SystemParameterChanged.' }),
    subject: z.string().meta({ description: 'What it happened to: the stream, e.g. case-<id> or system-parameter-<name>.' }),
    at: instant,
    actor: z.string().meta({ description: '<kind>:<id> of who did it (the person a service acted for, when it did).' }),
    via: z.string().nullable().meta({ description: '<kind>:<id> of the service that carried it out for the actor; null when the actor did it.' }),
    from: z
      .strictObject({ address: z.string(), userAgent: z.string().nullable() })
      .nullable()
      .meta({ description: "The request's client address (as the trusted proxies report it) and User-Agent; null for what no request caused." }),
    correlationId: z.string(),
  }),
);
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditListSchema = listPageSchema('AuditList', auditEntrySchema);
