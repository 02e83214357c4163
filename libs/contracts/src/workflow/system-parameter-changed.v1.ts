import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const systemParameterChangedV1 = publicEvent({
  service: 'workflow',
  type: 'SystemParameterChanged',
  version: 1,
  description:
    'An administrator changed a system parameter (系统参数); decisions made from changedAt on use the new value (intake: joinWindowMinutes; workflow: the others). Stream system-parameter-<name>.',
  data: z.strictObject({
    name: z.enum(['joinWindowMinutes', 'autoCloseMinutes', 'reopenWindowMinutes', 'pingPongMaxBounces']).describe('Which parameter'),
    value: z.int().describe('The value in force from now on, in the parameter\'s unit (minutes or bounces)'),
    previous: z.int().describe('The value it replaces'),
    actor: z
      .strictObject({
        id: z.string(),
        kind: z.enum(['user', 'partner', 'service', 'system']),
      })
      .describe('Who changed it'),
    reason: z.string().nullable(),
    changedAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      name: 'reopenWindowMinutes',
      value: 4320,
      previous: 10080,
      actor: { id: 'admin-1', kind: 'user' },
      reason: 'complaint handling rules of December',
      changedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
