import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { AUDIENCES, CHANNEL_ID_PATTERN, PRIORITIES, REQUEST_TYPES } from '@collab/intake-domain';
import { instantSchema } from '@collab/service-kit';

/** "If a contact of this kind arrived then": the fields of a contact that decide its promise. */
export const expectedTimesSchema = z
  .object({
    channel: z
      .string()
      .regex(CHANNEL_ID_PATTERN, { message: 'must be a registered channel id such as app or wechat' }),
    audience: z.enum(AUDIENCES),
    requestType: z.enum(REQUEST_TYPES),
    /** Chooses the process where one is scoped by category; left out, only processes for any category apply. */
    category: z.string().min(1).max(200).optional(),
    priority: z.enum(PRIORITIES).default('NORMAL'),
    /** Left out, the contact arrives now. */
    arrivesAt: instantSchema('must be an ISO 8601 date-time with offset, e.g. 2026-06-12T22:00:00+08:00').optional(),
  })
  .strict();

export class ExpectedTimesRequest extends createZodDto(expectedTimesSchema) {}
export type ExpectedTimesQuestion = z.infer<typeof expectedTimesSchema>;
