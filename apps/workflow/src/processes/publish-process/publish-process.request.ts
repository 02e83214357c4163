import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { normaliseRegion } from '@collab/domain-kernel';
import { AUDIENCES } from '@collab/service-kit';
import { PROCESS_ID_PATTERN } from '@collab/workflow-domain';

/*
 * The JSON shape only. What the values mean (SLA minutes whole and in order, escalation levels
 * ascending from level 1 at 100%, unique ids, a FRONT_LINE stage, calendars that exist) is the
 * domain's to judge, so a well-formed body gets every such problem named in one answer.
 */
const text = (max: number) =>
  z
    .string()
    .transform((value) => value.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(1, { message: 'must not be empty' })
        .max(max, { message: `must be at most ${max} characters` }),
    );

const values = z
  .array(z.string().max(200, { message: 'must be at most 200 characters' }))
  .max(100, { message: 'must list at most 100 values' });

const routingRule = z
  .object({
    id: z.string().max(100),
    when: z
      .object({
        channel: values.optional(),
        audience: values.optional(),
        requestType: values.optional(),
        category: values.optional(),
        // Spelt as intake spells a contact's region, so `bj` here routes a contact from `BJ` (the domain checks the form).
        region: z
          .array(z.string().max(200, { message: 'must be at most 200 characters' }).transform(normaliseRegion))
          .max(100, { message: 'must list at most 100 values' })
          .optional(),
        priority: values.optional(),
        language: values.optional(),
        customerTier: values.optional(),
        customerTag: values.optional(),
      })
      .strict(),
    queue: z.string().max(128),
  })
  .strict();

const stage = z
  .object({
    id: z.string().max(64),
    name: z.string().max(200),
    unitType: z.enum(['FRONT_LINE', 'DEPARTMENT', 'PARTNER']),
    sla: z
      .object({
        calendarId: z.string().max(64),
        responseWithinBusinessMinutes: z.number(),
        resolutionWithinBusinessMinutes: z.number(),
      })
      .strict(),
  })
  .strict();

const escalationLevel = z
  .object({
    level: z.number(),
    atPercent: z.number(),
    notify: z.enum(['UNIT_SUPERVISOR', 'PARENT_UNIT_SUPERVISOR']),
  })
  .strict();

export const publishProcessSchema = z
  .object({
    processId: z
      .string()
      .regex(PROCESS_ID_PATTERN, {
        message: 'must be a slug such as billing-complaints (lowercase letters, digits, hyphens)',
      }),
    /** The latest version this edit was based on; 0 for a new process. */
    expectedVersion: z
      .number()
      .int({ message: 'must be a whole number' })
      .min(0, { message: 'must be 0 (a new process) or the latest version' }),
    /** Why this version, for the record. */
    reason: text(500).optional(),
    name: z.string().max(200, { message: 'must be at most 200 characters' }),
    scope: z
      .object({
        requestTypes: values.optional(),
        categories: values.optional(),
        audiences: z.array(z.enum(AUDIENCES)).max(3).optional(),
      })
      .strict()
      .default({}),
    routingRules: z.array(routingRule).max(500, { message: 'must list at most 500 rules' }),
    fallback: z.object({ queue: z.string().max(128), ruleId: z.string().max(100) }).strict(),
    stages: z.array(stage).max(20, { message: 'must list at most 20 stages' }),
    escalation: z
      .object({
        warnAtPercent: z.number(),
        levels: z.array(escalationLevel).max(10, { message: 'must list at most 10 levels' }),
      })
      .strict(),
  })
  .strict();

export class PublishProcessRequest extends createZodDto(publishProcessSchema) {}
export type PublishProcessInput = z.infer<typeof publishProcessSchema>;
