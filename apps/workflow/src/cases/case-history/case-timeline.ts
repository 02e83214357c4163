import { responsibleActorOf, type RecordedEvent } from '@collab/event-store';
import { sharedWithRequester, type CollaborationTaskEvent, type SlaEvent, type WorkflowCaseEvent } from '@collab/workflow-domain';
import { cursorOf, type ListPage } from '@collab/service-kit';
import type { HistoryEntry, RequesterHistoryEntry } from '../case.answers';

type KnownEvent = WorkflowCaseEvent | CollaborationTaskEvent | SlaEvent;
type WhenField = { readonly [Type in KnownEvent['type']]: keyof Extract<KnownEvent, { type: Type }>['data'] & string };

/**
 * The field in which each of workflow's case, task and SLA events records when it happened (the
 * deciders take it from the service's clock). A mapped type, so a new event is a compile error here
 * until someone names its time, and a misspelt field is one too. Due times (`acceptDueAt`,
 * `responseDueAt`, a clock's `dueAt`) are promises, never the time of the fact.
 */
const WHEN: WhenField = {
  CaseRegistered: 'openedAt',
  CaseQueued: 'assignedAt',
  CaseProcessStarted: 'startedAt',
  CaseAssignedToAgent: 'assignedAt',
  CaseReassigned: 'reassignedAt',
  CaseTransferred: 'transferredAt',
  CaseWorkStarted: 'startedAt',
  CollaborationTaskOpened: 'openedAt',
  CollaborationTaskClosed: 'closedAt',
  PingPongDetected: 'detectedAt',
  CaseResolved: 'resolvedAt',
  CaseClosed: 'closedAt',
  FeedbackRecorded: 'recordedAt',
  CaseReopened: 'reopenedAt',
  CaseCancelled: 'cancelledAt',
  CollaborationRequested: 'requestedAt',
  TaskAccepted: 'acceptedAt',
  TaskNoteAdded: 'addedAt',
  TaskCompleted: 'completedAt',
  TaskReturned: 'returnedAt',
  TaskUrged: 'urgedAt',
  TaskWithdrawn: 'withdrawnAt',
  SlaClockStarted: 'startedAt',
  SlaWarning: 'warnedAt',
  SlaBreached: 'breachedAt',
  SlaEscalated: 'escalatedAt',
  SlaClockStopped: 'stoppedAt',
};

const isKnown = (type: string): type is KnownEvent['type'] => Object.hasOwn(WHEN, type);

/**
 * When the business fact happened: the time the event records in its data, else the metadata's
 * occurredAt, else when the store recorded it. Time travel cuts on this instant rather than on
 * `recordedAt`, because the legs, due times and every `…At` a reader sees are on the same clock;
 * the two differ by the milliseconds between deciding and committing (and by a test's moved clock).
 */
export const occurredAtOf = (event: RecordedEvent): Date => {
  const field = isKnown(event.type) ? WHEN[event.type] : undefined;
  const recorded = field === undefined ? undefined : event.data[field];
  const when = typeof recorded === 'string' ? recorded : event.metadata.occurredAt;
  const instant = when === undefined ? Number.NaN : Date.parse(when);
  return Number.isNaN(instant) ? event.recordedAt : new Date(instant);
};

/**
 * A stream as it stood at `asOf`: its events up to the first one that happened later. A prefix,
 * never a selection, so the fold is a state the case really had even if clocks disagreed.
 */
export const streamAsOf = (events: readonly RecordedEvent[], asOf: Date): RecordedEvent[] => {
  const later = events.findIndex((event) => occurredAtOf(event) > asOf);
  return later === -1 ? [...events] : events.slice(0, later);
};

export const historyEntryOf = (event: RecordedEvent): HistoryEntry => ({
  position: event.position.toString(),
  stream: event.streamId,
  streamVersion: event.streamVersion,
  type: event.type,
  occurredAt: occurredAtOf(event).toISOString(),
  recordedAt: event.recordedAt.toISOString(),
  actor: responsibleActorOf(event.metadata),
  via: event.metadata.onBehalfOf === undefined ? null : event.metadata.actor,
  correlationId: event.metadata.correlationId,
  causationId: event.metadata.causationId ?? null,
  data: { ...event.data },
});

export type HistoryPage = ListPage<HistoryEntry>;

type Page = { readonly after: bigint; readonly limit: number };

/** The cursor is the last shown event's position in the log (opaque to callers, like every list's). */
const pageOf = <Entry>(events: readonly RecordedEvent[], page: Page, entryOf: (event: RecordedEvent) => Entry): ListPage<Entry> => {
  const ordered = events.filter((event) => event.position > page.after).sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  const shown = ordered.slice(0, page.limit);
  const last = shown.at(-1);
  return { items: shown.map(entryOf), page: { limit: page.limit, next: ordered.length > shown.length && last ? cursorOf(last.position.toString()) : null } };
};

/** The events of several streams in the order the log recorded them, `limit` at a time after the cursor. */
export const historyPage = (events: readonly RecordedEvent[], page: Page): HistoryPage => pageOf(events, page, historyEntryOf);

/** The case events meant for the requester (sharedWithRequester), paged like the staff history. */
export const requesterHistoryPage = (caseEvents: readonly RecordedEvent[], page: Page): ListPage<RequesterHistoryEntry> => {
  const shared = caseEvents.flatMap((event) => {
    const data = sharedWithRequester(event.type, event.data);
    return data === undefined ? [] : [{ event, data }];
  });
  const byEvent = new Map(shared.map(({ event, data }) => [event, data]));
  return pageOf(shared.map(({ event }) => event), page, (event) => ({
    position: event.position.toString(),
    type: event.type,
    occurredAt: occurredAtOf(event).toISOString(),
    data: byEvent.get(event) ?? {},
  }));
};
