import { Inject, Injectable } from '@nestjs/common';
import type { EventStore, RecordedEvent } from '@collab/event-store';
import { EVENT_STORE } from '@collab/service-kit';
import {
  collaborationTaskStreamId,
  slaStreamId,
  workflowCaseStreamId,
  type CollaborationTaskEvent,
  type WorkflowCaseEvent,
} from '@collab/workflow-domain';
import { streamAsOf } from './case-timeline';

/** Everything workflow recorded about one case, stream by stream, each in stream order. */
export interface CaseRecords {
  readonly caseEvents: readonly RecordedEvent[];
  /** The task streams one after another, in the order the case opened the tasks. */
  readonly taskEvents: readonly RecordedEvent[];
  readonly slaEvents: readonly RecordedEvent[];
}

export const allOf = (records: CaseRecords): RecordedEvent[] => [...records.caseEvents, ...records.taskEvents, ...records.slaEvents];

/** The stored events as the deciders wrote them (the envelope aside). */
export const caseEventsOf = (records: CaseRecords): WorkflowCaseEvent[] =>
  records.caseEvents.map((event) => ({ type: event.type, data: event.data }) as WorkflowCaseEvent);
export const taskEventsOf = (records: CaseRecords): CollaborationTaskEvent[] =>
  records.taskEvents.map((event) => ({ type: event.type, data: event.data }) as CollaborationTaskEvent);

const taskIdsOf = (caseEvents: readonly RecordedEvent[]): string[] =>
  caseEvents.filter((event) => event.type === 'CollaborationTaskOpened').map((event) => String(event.data['taskId']));

/**
 * Reads a case's streams straight from workflow's event store: its case stream, the stream of every
 * task it opened and its SLA stream (every clock of the case and its tasks). History and time travel answer from here rather than from a
 * read model, so they are as complete as the store and need no projection to catch up.
 */
@Injectable()
export class CaseStreams {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The case's records, each stream cut where it stood at `asOf` when given. */
  async of(caseId: string, asOf?: Date): Promise<CaseRecords> {
    const cut = (events: readonly RecordedEvent[]) => (asOf === undefined ? [...events] : streamAsOf(events, asOf));
    const caseEvents = cut(await this.store.readStream(workflowCaseStreamId(caseId)));
    // The tasks the case had opened by then: a task opened later is not part of the case as it was.
    const taskStreams = await Promise.all(taskIdsOf(caseEvents).map((taskId) => this.store.readStream(collaborationTaskStreamId(taskId))));
    const slaEvents = cut(await this.store.readStream(slaStreamId(caseId)));
    return { caseEvents, taskEvents: taskStreams.flatMap(cut), slaEvents };
  }
}
