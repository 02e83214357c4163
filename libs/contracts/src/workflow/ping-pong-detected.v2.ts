import { z } from 'zod';
import { publicEvent, upcastFrom } from '../published-language/public-event';
import { PARTY_KINDS, PING_PONG_SIDE_RULE, party, pingPongSideOfVersion1 } from './party';
import { pingPongDetectedV1 } from './ping-pong-detected.v1';

const side = z.strictObject({
  party: party(PARTY_KINDS).describe('A queue (a case transferred back and forth), a unit or a partner (a task asked and returned)'),
  supervisorId: z.string().nullable().describe('Null when the org directory names no supervisor'),
});

/**
 * v2 names the two sides with their kinds (`sides`). v1's `units[].unitId` held queue, unit and
 * partner ids alike; it stays, with the same ids, for v1 readers.
 */
export const pingPongDetectedV2 = publicEvent({
  service: 'workflow',
  type: 'PingPongDetected',
  version: 2,
  description:
    'The case bounced between the same two parties (queues, units or partners) more often than the policy allows; escalated to the supervisors of both.',
  data: z.strictObject({
    caseId: z.guid().describe('The case, as intake opened it'),
    units: z
      .array(
        z.strictObject({
          unitId: z.string().describe('The id of the matching `sides` party, whatever its kind'),
          supervisorId: z.string().nullable().describe('Null when the org directory names no supervisor'),
        }),
      )
      .min(2)
      .max(2)
      .describe('Deprecated, kept for v1 readers: the ids of `sides`, in the same order'),
    sides: z
      .array(side)
      .min(2)
      .max(2)
      .optional()
      .describe(
        'The two parties, the one that handed off first first. Always present from v2 on; optional only so v1 events stay valid (a reader upcasts them)',
      ),
    bounces: z.int().min(1).describe('How many times a hand-off between the two reversed direction'),
    maxBounces: z.int().min(0).describe("The policy's threshold at the time"),
    detectedAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      caseId: '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84',
      units: [
        { unitId: 'gd-complaints', supervisorId: 'sup-li' },
        { unitId: 'reseller-a', supervisorId: null },
      ],
      sides: [
        { party: { kind: 'QUEUE', id: 'gd-complaints' }, supervisorId: 'sup-li' },
        { party: { kind: 'PARTNER', id: 'reseller-a' }, supervisorId: null },
      ],
      bounces: 3,
      maxBounces: 2,
      detectedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
  upcastFrom: upcastFrom(
    pingPongDetectedV1,
    (v1) => ({ ...v1, sides: v1.units.map(pingPongSideOfVersion1) }),
    PING_PONG_SIDE_RULE,
  ),
});
