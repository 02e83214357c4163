import { InMemoryEventStore, type StreamAppend } from '@collab/event-store';
import { DEFAULT_CASE_POLICY, workflowCaseStreamId, type RegisterAndRouteCase } from '@collab/workflow-domain';
import type { SystemParameterBook } from '../admin/system-parameters/system-parameter-book';
import { CaseCommandHandler } from './case-command-handler';
import { aCaseSummary } from './testing/a-case-summary';

const NOW = new Date('2026-11-20T09:30:05.000Z');
const metadata = { correlationId: 'corr-1', actor: { id: 'workflow.route-case', kind: 'service' } } as const;
const source = { metadata, eventIdFor: (_event: unknown, index: number) => `00000000-0000-4000-8000-00000000000${index}` };

const registerAndRoute = (caseId = 'case-1'): RegisterAndRouteCase => ({ type: 'RegisterAndRouteCase', summary: aCaseSummary({ caseId }) });

/** What the route adds beside the case: one event on another stream, expecting none there. */
const clocksOf = (caseId: string): StreamAppend => ({
  streamId: `sla-${caseId}`,
  expected: 'no_stream',
  events: [{ id: '00000000-0000-4000-8000-0000000000aa', type: 'SlaClockStarted', data: { caseId }, metadata }],
});

const handlerOn = (store: InMemoryEventStore) => new CaseCommandHandler(store, {} as SystemParameterBook);
const context = { now: NOW, policy: DEFAULT_CASE_POLICY };

describe('a new case decided without reading its stream, appended with what goes beside it', () => {
  it('appends the case and the other stream in one append, the case first', async () => {
    // Given a case workflow has not seen
    const store = new InMemoryEventStore();
    const seen: string[] = [];

    // When it is registered with its clocks beside it
    const appended = await handlerOn(store).handleNew(registerAndRoute(), context, source, (recorded) => {
      seen.push(...recorded.map((event) => event.type));
      return Promise.resolve(clocksOf('case-1'));
    });

    // Then both streams hold their events, written together, and the alongside saw the case's events with their ids
    expect(appended).toBe(true);
    const caseEvents = await store.readStream(workflowCaseStreamId('case-1'));
    const clocks = await store.readStream('sla-case-1');
    expect(caseEvents.map((event) => event.type)).toEqual(seen);
    expect(caseEvents.map((event) => event.id)).toEqual(caseEvents.map((_event, index) => source.eventIdFor(undefined, index)));
    expect(clocks.map((event) => event.position)).toEqual([caseEvents[caseEvents.length - 1]!.position + 1n]);
  });

  it('appends nothing and says so when the case has a stream already (a redelivery), so the caller decides on it as stored', async () => {
    // Given the case was registered before
    const store = new InMemoryEventStore();
    const handler = handlerOn(store);
    await handler.handle(registerAndRoute(), context, { metadata });
    const before = await store.readAll({ after: 0n, maxCount: 100 });

    // When it is registered again with its clocks beside it
    const appended = await handler.handleNew(registerAndRoute(), context, source, () => Promise.resolve(clocksOf('case-1')));

    // Then nothing was appended to either stream
    expect(appended).toBe(false);
    expect(await store.readAll({ after: 0n, maxCount: 100 })).toEqual(before);
  });

  it('appends nothing when nothing goes beside the case, leaving the case to the usual path', async () => {
    const store = new InMemoryEventStore();
    expect(await handlerOn(store).handleNew(registerAndRoute(), context, source, () => Promise.resolve(undefined))).toBe(false);
    expect(await store.readAll({ after: 0n, maxCount: 100 })).toEqual([]);
  });
});
