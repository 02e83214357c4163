import { z } from 'zod';
import { publicEvent, upcastFrom } from '../published-language/public-event';
import { CLOCK_HOLDER_RULE, PARTY_KINDS, clockHolderOfVersion1, party } from './party';
import { slaEscalatedV1 } from './sla-escalated.v1';

/**
 * v2 names who holds the work with its kind (`clockHolder`): v1's `holdingUnit` held a partner's id
 * when a partner's task clock escalated. `holdingUnit` stays, with the same id, for v1 readers.
 */
export const slaEscalatedV2 = publicEvent({
  service: 'workflow',
  type: 'SlaEscalated',
  version: 2,
  description:
    'A running SLA clock reached an escalation level; its supervisor is alerted about the work its holder (a unit or a partner) holds.',
  data: slaEscalatedV1.data.extend({
    holdingUnit: z
      .string()
      .nullable()
      .describe("Deprecated, kept for v1 readers: the id of `clockHolder` (a unit's or a partner's), null when it is null"),
    clockHolder: party(PARTY_KINDS)
      .nullable()
      .optional()
      .describe(
        "Who holds the work: the task's target (UNIT or PARTNER) for a task clock, the UNIT owning the case's queue when the level was reached for the case's clocks; null when the org directory knows none. Always present from v2 on; optional only so v1 events stay valid (a reader upcasts them)",
      ),
  }),
  examples: [
    {
      caseId: '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84',
      clockKey: 'task:2c4e6a8b-1d3f-4b5d-9e7f-0a2c4e6a8b1d:accept',
      taskId: '2c4e6a8b-1d3f-4b5d-9e7f-0a2c4e6a8b1d',
      level: 1,
      notify: 'UNIT_SUPERVISOR',
      holdingUnit: 'reseller-a',
      clockHolder: { kind: 'PARTNER', id: 'reseller-a' },
      supervisorUnit: 'reseller-a',
      supervisorId: 'sup-reseller',
      dueAt: '2026-11-23T03:00:00.000Z',
      escalatedAt: '2026-11-23T03:00:00.000Z',
    },
  ],
  upcastFrom: upcastFrom(slaEscalatedV1, (v1) => ({ ...v1, clockHolder: clockHolderOfVersion1(v1.holdingUnit) }), CLOCK_HOLDER_RULE),
});
