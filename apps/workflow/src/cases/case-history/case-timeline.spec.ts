import type { RecordedEvent } from '@collab/event-store';
import { historyPage, occurredAtOf, streamAsOf } from './case-timeline';
import { keyAfter } from '@collab/service-kit';

const routing = { id: 'workflow.route-case', kind: 'service' } as const;

const recorded = (position: number, type: string, data: Record<string, unknown>, extra: Partial<RecordedEvent> = {}): RecordedEvent => ({
  id: `event-${position}`,
  streamId: 'case-1',
  streamVersion: position,
  position: BigInt(position),
  type,
  data,
  metadata: { correlationId: 'corr-1', causationId: 'intake-event-9', actor: routing },
  recordedAt: new Date('2026-11-20T12:00:00.000Z'),
  ...extra,
});

const registered = recorded(1, 'CaseRegistered', { caseId: 'case-1', openedAt: '2026-11-20T09:30:00.000Z' });
const assigned = recorded(2, 'CaseQueued', { caseId: 'case-1', queue: 'complaints', assignedAt: '2026-11-20T09:30:01.000Z' });
const started = recorded(3, 'CaseWorkStarted', { caseId: 'case-1', startedAt: '2026-11-20T10:00:00.000Z' });

describe('when an event happened', () => {
  it('is the time the event records for its business fact', () =>
    expect(occurredAtOf(assigned).toISOString()).toBe('2026-11-20T09:30:01.000Z'));

  it('is not a due time the event also carries', () => {
    const opened = recorded(4, 'CollaborationTaskOpened', { acceptDueAt: '2026-11-21T01:00:00.000Z', openedAt: '2026-11-20T11:00:00.000Z' });
    expect(occurredAtOf(opened).toISOString()).toBe('2026-11-20T11:00:00.000Z');
  });

  it('is the moment an SLA clock fired, not the due time it fired for', () => {
    const breached = recorded(7, 'SlaBreached', { clockKey: 'case:response', dueAt: '2026-11-20T10:00:00.000Z', breachedAt: '2026-11-20T10:00:02.000Z' });
    expect(occurredAtOf(breached).toISOString()).toBe('2026-11-20T10:00:02.000Z');
  });

  it('falls back to the metadata, then to when the store recorded it, for events it does not know', () => {
    const withMetadata = recorded(5, 'PartnerSaidHello', {}, { metadata: { correlationId: 'c', actor: routing, occurredAt: '2026-11-20T11:30:00.000Z' } });
    expect(occurredAtOf(withMetadata).toISOString()).toBe('2026-11-20T11:30:00.000Z');
    expect(occurredAtOf(recorded(6, 'PartnerWaved', { wavedBy: 'x' })).toISOString()).toBe('2026-11-20T12:00:00.000Z');
  });
});

describe('a stream as it stood at a moment', () => {
  const stream = [registered, assigned, started];

  it.each([
    ['before the case was opened', '2026-11-20T09:29:59.999Z', []],
    ['the instant it was opened', '2026-11-20T09:30:00.000Z', ['CaseRegistered']],
    ['between routing and work', '2026-11-20T09:45:00.000Z', ['CaseRegistered', 'CaseQueued']],
    ['after everything', '2026-11-21T00:00:00.000Z', ['CaseRegistered', 'CaseQueued', 'CaseWorkStarted']],
  ])('%s', (_when, asOf, types) => expect(streamAsOf(stream, new Date(asOf)).map((event) => event.type)).toEqual(types));

  it('stops at the first later event even if a following one claims an earlier time', () => {
    const skewed = recorded(4, 'CaseResolved', { resolvedAt: '2026-11-20T09:50:00.000Z' });
    expect(streamAsOf([...stream, skewed], new Date('2026-11-20T09:55:00.000Z')).map((event) => event.type)).toEqual(['CaseRegistered', 'CaseQueued']);
  });
});

describe('a page of history', () => {
  const task = recorded(3, 'CollaborationRequested', { requestedAt: '2026-11-20T11:00:00.000Z' }, { streamId: 'task-7', streamVersion: 1 });
  const events = [started, registered, task, assigned].map((event, index) => ({ ...event, position: BigInt([5, 1, 3, 2][index]!) }));

  it('lists every stream’s events in log order, with who, when and which request', () => {
    const page = historyPage(events, { after: 0n, limit: 10 });
    expect(page.items.map(({ position, stream, type }) => [position, stream, type])).toEqual([
      ['1', 'case-1', 'CaseRegistered'],
      ['2', 'case-1', 'CaseQueued'],
      ['3', 'task-7', 'CollaborationRequested'],
      ['5', 'case-1', 'CaseWorkStarted'],
    ]);
    expect(page.items[0]).toEqual({
      position: '1',
      stream: 'case-1',
      streamVersion: 1,
      type: 'CaseRegistered',
      occurredAt: '2026-11-20T09:30:00.000Z',
      recordedAt: '2026-11-20T12:00:00.000Z',
      actor: routing,
      via: null,
      correlationId: 'corr-1',
      causationId: 'intake-event-9',
      data: { caseId: 'case-1', openedAt: '2026-11-20T09:30:00.000Z' },
    });
    expect(page.page.next).toBeNull();
  });

  it('names the person a service acted for as the actor, and the service as the one it went through', () => {
    const person = { id: 'agent-li', kind: 'user' } as const;
    const onBehalf = { ...task, metadata: { correlationId: 'corr-1', causationId: 'e-3', actor: routing, onBehalfOf: person } };
    expect(historyPage([onBehalf], { after: 0n, limit: 1 }).items[0]).toMatchObject({ actor: person, via: routing });
  });

  it('pages on from the cursor it gives, to the last page', () => {
    const first = historyPage(events, { after: 0n, limit: 3 });
    expect(keyAfter(first.page.next ?? undefined)).toBe('3');
    const second = historyPage(events, { after: BigInt(keyAfter(first.page.next ?? undefined)!), limit: 3 });
    expect(second.items.map((event) => event.position)).toEqual(['5']);
    expect(second.page.next).toBeNull();
  });

  it('ends with no cursor when the page is exactly full', () =>
    expect(historyPage(events, { after: 0n, limit: 4 }).page.next).toBeNull());
});
