import { z } from 'zod';
import { listPageSchema } from '../list-page';
import { answerSchema, instant } from './answer-schemas';

/** What the operations endpoints every process serves answer (health, readiness, dead letters). */

export const healthSchema = answerSchema(
  'Health',
  z.object({
    status: z.enum(['ok', 'error', 'shutting_down']),
    info: z.record(z.string(), z.looseObject({ status: z.string() })).optional(),
    error: z.record(z.string(), z.looseObject({ status: z.string() })).optional(),
    details: z.record(z.string(), z.looseObject({ status: z.string() })),
  }),
);

export const readinessSchema = answerSchema(
  'Readiness',
  z.object({ status: z.enum(['ready', 'not ready']), ready: z.boolean(), checks: z.record(z.string(), z.object({ ready: z.boolean(), detail: z.unknown().optional() })) }),
);

export const deadLetterListSchema = listPageSchema(
  'DeadLetterList',
  answerSchema(
    'DeadLetter',
    z.object({
      id: z.string(),
      follower: z.string(),
      eventId: z.string(),
      eventType: z.string(),
      streamId: z.string(),
      position: z.string().nullable(),
      error: z.object({ name: z.string(), message: z.string(), stack: z.string().optional() }),
      attempts: z.number().int(),
      recordedAt: instant,
      replayedAt: instant.nullable(),
    }),
  ),
);

export const replayRequestedSchema = answerSchema('ReplayRequested', z.object({ follower: z.string(), streamsRequested: z.number().int() }));

export const metricsTextSchema = answerSchema('PrometheusText', z.string().meta({ description: 'Prometheus text exposition format 0.0.4.' }));
