import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const pingPongDetectedV1 = publicEvent({
  service: 'workflow',
  type: 'PingPongDetected',
  version: 1,
  description:
    'The case bounced between the same two units more often than the policy allows; escalated to the supervisors of both.',
  data: z.strictObject({
    caseId: z.guid().describe('The case, as intake opened it'),
    units: z
      .array(
        z.strictObject({
          unitId: z.string(),
          supervisorId: z.string().nullable().describe('Null when the org directory names no supervisor'),
        }),
      )
      .min(2)
      .max(2)
      .describe('The two units, the one that handed off first first'),
    bounces: z.int().min(1).describe('How many times a hand-off between the two reversed direction'),
    maxBounces: z.int().min(0).describe("The policy's threshold at the time"),
    detectedAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      caseId: '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84',
      units: [
        {
          unitId: 'gd-complaints',
          supervisorId: 'sup-li',
        },
        {
          unitId: 'gd-complaints',
          supervisorId: 'sup-li',
        },
      ],
      bounces: 1,
      maxBounces: 1,
      detectedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
