import { randomUUID } from 'node:crypto';
import { InMemoryEventStore } from '@collab/event-store';
import { allOf, CaseStreams } from './case-streams';

const metadata = { correlationId: 'corr-1', actor: { id: 'agent-li', kind: 'user' } } as const;
const event = (type: string, data: Record<string, unknown>) => ({ id: randomUUID(), type, data, metadata });

describe('reading a case’s streams', () => {
  const store = new InMemoryEventStore();
  const streams = new CaseStreams(store);

  beforeAll(async () => {
    await store.append('case-1', [
      event('CaseRegistered', { caseId: '1', openedAt: '2026-11-23T01:00:00.000Z' }),
      event('CaseQueued', { caseId: '1', queue: 'complaints', assignedAt: '2026-11-23T01:00:01.000Z' }),
      event('CollaborationTaskOpened', { caseId: '1', taskId: 'early', openedAt: '2026-11-23T02:00:00.000Z' }),
      event('CollaborationTaskOpened', { caseId: '1', taskId: 'late', openedAt: '2026-11-23T05:00:00.000Z' }),
    ], 'no_stream');
    await store.append('task-early', [
      event('CollaborationRequested', { caseId: '1', taskId: 'early', requestedAt: '2026-11-23T02:00:00.000Z' }),
      event('TaskAccepted', { caseId: '1', taskId: 'early', acceptedAt: '2026-11-23T04:00:00.000Z' }),
    ], 'no_stream');
    await store.append('task-late', [event('CollaborationRequested', { caseId: '1', taskId: 'late', requestedAt: '2026-11-23T05:00:00.000Z' })], 'no_stream');
    await store.append('task-of-another-case', [event('CollaborationRequested', { caseId: '2', taskId: 'other', requestedAt: '2026-11-23T03:00:00.000Z' })], 'no_stream');
  });

  it('gathers the case stream, the streams of the tasks it opened and its SLA stream, which may not exist yet', async () => {
    const records = await streams.of('1');
    expect(records.caseEvents).toHaveLength(4);
    expect(records.taskEvents.map((recorded) => `${recorded.streamId}/${recorded.type}`)).toEqual([
      'task-early/CollaborationRequested',
      'task-early/TaskAccepted',
      'task-late/CollaborationRequested',
    ]);
    expect(records.slaEvents).toEqual([]);
  });

  it('cuts every stream where it stood at asOf, and leaves out the tasks opened later', async () => {
    const records = await streams.of('1', new Date('2026-11-23T03:00:00.000Z'));
    expect(allOf(records).map((recorded) => recorded.type)).toEqual(['CaseRegistered', 'CaseQueued', 'CollaborationTaskOpened', 'CollaborationRequested']);
  });

  it('is nothing at all for a case never recorded', async () => expect(allOf(await streams.of('unknown'))).toEqual([]));
});
