import { InMemoryEventStore } from '@collab/event-store';
import type { Decider } from '@collab/domain-kernel';
import { CommandHandler } from './command-handler';

/* A system's observation decided along with a person's command is attributed to the system, always. */

type Event = { type: 'HandedOff'; data: { to: string } } | { type: 'PingPongDetected'; data: { pair: string } };
const decider: Decider<{ to: string }, Event, number, { now: Date }> = {
  initialState: () => 0,
  evolve: (count) => count + 1,
  decide: (command) => [
    { type: 'HandedOff', data: { to: command.to } },
    { type: 'PingPongDetected', data: { pair: `a|${command.to}` } },
  ],
};
const detector = { id: 'workflow.ping-pong', kind: 'system' } as const;

describe('a command handler with observations', () => {
  it('appends the command’s events as its sender’s, and the observation as the observer’s, in one correlation', async () => {
    const store = new InMemoryEventStore();
    const handler = new CommandHandler(store, decider, { streamOf: () => 'case-1', retriesOnConflict: 0, observedBy: { PingPongDetected: detector } });
    const supervisor = { id: 'sup-wang', kind: 'user' } as const;
    await handler.handle({ to: 'billing' }, { now: new Date(0) }, { origin: { correlationId: 'corr-1', actor: supervisor } });
    const service = { id: 'workflow.collaboration-tasks', kind: 'service' } as const;
    await handler.handle({ to: 'network' }, { now: new Date(0) }, { metadata: { correlationId: 'corr-2', causationId: 'e-1', actor: service, onBehalfOf: supervisor } });

    const recorded = await store.readStream('case-1');
    expect(recorded.map((event) => [event.type, event.metadata])).toEqual([
      ['HandedOff', { correlationId: 'corr-1', actor: supervisor }],
      ['PingPongDetected', { correlationId: 'corr-1', actor: detector }],
      ['HandedOff', { correlationId: 'corr-2', causationId: 'e-1', actor: service, onBehalfOf: supervisor }],
      ['PingPongDetected', { correlationId: 'corr-2', causationId: 'e-1', actor: detector }],
    ]);
    await store.close();
  });
});
