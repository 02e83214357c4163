import { z } from 'zod';
import { answerSchema, instant } from '@collab/service-kit';

/** What the operations monitor answers: the live figures, once or as server-sent events. */

const count = z.object({ key: z.string(), count: z.number().int() });
export type Count = z.infer<typeof count>;
const counts = z.array(count);

/** A KPI alert still standing: its KPI's figure crossed a threshold in a watched bucket and has not recovered. */
const openKpiAlert = z.object({
  kpiId: z.string(),
  version: z.number().int(),
  scope: z.string(),
  granularity: z.string(),
  bucket: z.string(),
  threshold: z.string(),
  standing: z.string(),
  value: z.number(),
  thresholdValue: z.number(),
  at: instant,
});
export type OpenKpiAlert = z.infer<typeof openKpiAlert>;

/** What the operations monitor (运营可视) shows: the backlog by channel, region and queue, cases at SLA risk, throughput and open KPI alerts. */
export const liveFiguresSchema = answerSchema(
  'LiveFigures',
  z.object({
    at: instant,
    backlog: z.object({ total: z.number().int(), byChannel: counts, byRegion: counts, byQueue: counts.meta({ description: 'Open cases per queue id (the queue that holds them), not per org unit.' }) }),
    slaRisk: z.object({ atRisk: z.number().int(), breached: z.number().int() }),
    throughput: z.object({ contactsLastHour: z.number().int(), resolvedLastHour: z.number().int(), contactsToday: z.number().int() }),
    kpiAlerts: z.object({
      open: z.number().int().meta({ description: 'KPI alerts crossed and not yet recovered (from collab.kpi.events.v1).' }),
      latest: z.array(openKpiAlert),
    }),
  }),
);
export type LiveFigures = z.infer<typeof liveFiguresSchema>;

export const liveFiguresStreamSchema = answerSchema(
  'LiveFiguresStream',
  z.string().meta({
    description:
      'Server-sent events (text/event-stream), never ending: each is `event: figures` with `data:` one LiveFigures as JSON ' +
      '(#/components/schemas/LiveFigures) — at once, on every change of the fact store (at most 4 a second) and every 5 s.',
    examples: ['event: figures\ndata: {"at":"2026-12-01T08:00:00.000Z","backlog":{"total":3,"byChannel":[],"byRegion":[],"byQueue":[]},"slaRisk":{"atRisk":0,"breached":0},"throughput":{"contactsLastHour":1,"resolvedLastHour":0,"contactsToday":5},"kpiAlerts":{"open":0,"latest":[]}}\n\n'],
  }),
);
