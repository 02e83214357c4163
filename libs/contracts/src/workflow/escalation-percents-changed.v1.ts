import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

const percents = z.array(z.int().min(1).max(100)).max(5);

export const escalationPercentsChangedV1 = publicEvent({
  service: 'workflow',
  type: 'EscalationPercentsChanged',
  version: 1,
  description:
    "An administrator changed the escalation percentages (a system parameter): ascending shares of an SLA, the first the warning, each further one an escalation level. SLA clocks started from changedAt on use them instead of their process's; running clocks keep theirs. An empty list hands each clock back its process's policy. Stream system-parameter-escalationPercents.",
  data: z.strictObject({
    percents: percents.describe('The percentages in force from now on, ascending; empty: each process version\'s own'),
    previous: percents.describe('The percentages they replace'),
    actor: z
      .strictObject({
        id: z.string(),
        kind: z.enum(['user', 'partner', 'service', 'system']),
      })
      .describe('Who changed them'),
    reason: z.string().nullable(),
    changedAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      percents: [50, 80, 100],
      previous: [],
      actor: { id: 'admin-1', kind: 'user' },
      reason: 'complaint escalation rules of December',
      changedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
