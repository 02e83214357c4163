import { z } from 'zod';
import { publicEvent, upcastFrom } from '../published-language/public-event';
import { CLOCK_HOLDER_RULE, PARTY_KINDS, clockHolderOfVersion1, party } from './party';
import { slaClockStartedV1 } from './sla-clock-started.v1';

/**
 * v2 names whose clock it is with its kind (`clockHolder`): v1's `holdingUnit` held a partner's id
 * on a partner's task. `holdingUnit` stays, with the same id, for v1 readers.
 */
export const slaClockStartedV2 = publicEvent({
  service: 'workflow',
  type: 'SlaClockStarted',
  version: 2,
  description: slaClockStartedV1.description,
  data: slaClockStartedV1.data.extend({
    holdingUnit: z
      .string()
      .nullable()
      .describe("Deprecated, kept for v1 readers: the id of `clockHolder` (a unit's or a partner's), null when it is null"),
    clockHolder: party(PARTY_KINDS)
      .nullable()
      .optional()
      .describe(
        "Whose clock it is: the task's target (UNIT or PARTNER) for a task clock; null for the case's clocks, held by the unit owning the case's queue when a level is reached. Always present from v2 on; optional only so v1 events stay valid (a reader upcasts them)",
      ),
  }),
  examples: [
    {
      caseId: '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84',
      clockKey: 'task:2c4e6a8b-1d3f-4b5d-9e7f-0a2c4e6a8b1d:accept',
      taskId: '2c4e6a8b-1d3f-4b5d-9e7f-0a2c4e6a8b1d',
      holdingUnit: 'reseller-a',
      clockHolder: { kind: 'PARTNER', id: 'reseller-a' },
      calendarId: 'cn-standard',
      targetMinutes: 60,
      startedAt: '2026-11-23T02:00:00.000Z',
      dueAt: '2026-11-23T03:00:00.000Z',
      warnAt: '2026-11-23T02:48:00.000Z',
      warnAtPercent: 80,
      escalations: [{ level: 1, atPercent: 100, notify: 'UNIT_SUPERVISOR', at: '2026-11-23T03:00:00.000Z' }],
    },
  ],
  upcastFrom: upcastFrom(slaClockStartedV1, (v1) => ({ ...v1, clockHolder: clockHolderOfVersion1(v1.holdingUnit) }), CLOCK_HOLDER_RULE),
});
