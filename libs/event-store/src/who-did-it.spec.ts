import { reactionMetadata, responsibleActorOf, type EventMetadata } from './event-store.port';

/* Who did it, one way: an event's actor appended it; a service acting for a person names them in onBehalfOf. */

const service = { id: 'workflow.collaboration-tasks', kind: 'service' } as const;
const agent = { id: 'agent-li', kind: 'user' } as const;
const cause = (metadata: EventMetadata) => ({ id: 'event-7', metadata });

describe('a service reacting to an event', () => {
  it('acts on behalf of the person who caused it, in their correlation, caused by the event', () =>
    expect(reactionMetadata(cause({ correlationId: 'corr-1', actor: agent }), service)).toEqual({
      correlationId: 'corr-1',
      causationId: 'event-7',
      actor: service,
      onBehalfOf: agent,
    }));

  it('keeps the person through a chain of services', () => {
    const first = reactionMetadata(cause({ correlationId: 'corr-1', actor: { id: 'cust-1', kind: 'customer' } }), service);
    expect(reactionMetadata(cause(first), { id: 'workflow.route-case', kind: 'service' })).toMatchObject({
      actor: { id: 'workflow.route-case' },
      onBehalfOf: { id: 'cust-1', kind: 'customer' },
    });
  });

  it('acts for nobody when a timer or another process caused it', () =>
    expect(reactionMetadata(cause({ correlationId: 'corr-1', actor: { id: 'sla-timers', kind: 'system' } }), service)).not.toHaveProperty('onBehalfOf'));
});

describe('who answers for an event', () => {
  it('is the person a service acted for, else the actor', () => {
    expect(responsibleActorOf({ correlationId: 'c', actor: service, onBehalfOf: agent })).toEqual(agent);
    expect(responsibleActorOf({ correlationId: 'c', actor: service })).toEqual(service);
  });
});
