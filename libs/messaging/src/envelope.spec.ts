import type { NewEvent, RecordedEvent } from '@collab/event-store';
import { actorOfExtension, toCollabEvent } from './envelope';
import { caseAcknowledged, caseOpened, intakeContract } from './testing/collab-fixtures';

const recorded = (event: NewEvent): RecordedEvent => ({ ...event, streamId: 'case-1', streamVersion: 1, position: 7n, recordedAt: new Date('2026-11-30T02:00:00Z') });

describe('the CloudEvents envelope names who did it, one way', () => {
  it('given an event a person appended themselves, then actor is that person and there is no actorvia', () => {
    const envelope = toCollabEvent(intakeContract, recorded(caseOpened()));

    expect(envelope.actor).toBe('user:agent-17');
    expect(envelope).not.toHaveProperty('actorvia');
  });

  it('given a service acting on a customer’s behalf, then actor is the customer and actorvia the service', () => {
    const event = caseAcknowledged();
    const onBehalf = { ...event, metadata: { correlationId: 'corr-1', actor: { kind: 'service', id: 'intake' }, onBehalfOf: { kind: 'customer', id: 'cust-a' } } } as const;

    const envelope = toCollabEvent(intakeContract, recorded(onBehalf));

    expect(envelope.actor).toBe('customer:cust-a');
    expect(envelope.actorvia).toBe('service:intake');
    expect(actorOfExtension(envelope.actor)).toEqual({ kind: 'customer', id: 'cust-a' });
  });
});
