import { Inject, Injectable } from '@nestjs/common';
import type { EventMetadata, EventStore, Handled, StreamAppend } from '@collab/event-store';
import { fold, type DecisionContext } from '@collab/domain-kernel';
import { CommandHandler, EVENT_STORE } from '@collab/service-kit';
import {
  slaDecider,
  slaStreamId,
  workflowCaseDecider,
  workflowCaseStreamId,
  type SlaCommand,
  type SlaEvent,
  type SlaState,
  type WorkflowCaseEvent,
  type WorkflowCaseState,
} from '@collab/workflow-domain';

/** Where an SLA event came from, for the event store's metadata and an idempotent append. */
export interface SlaEventSource {
  /** Its occurredAt is set here, from the command. */
  readonly metadata: EventMetadata;
  /** The same source always gives the same ids, so a repeated command appends nothing new. */
  readonly eventIdFor: (event: SlaEvent, index: number) => string;
  /** The SLA stream as the caller has just read it (clocksAndCase): decided on without reading it again. */
  readonly loaded?: { readonly state: SlaState; readonly version: number };
}

/**
 * When the facts a command records happened: the start or stop it reports, or now for a timer.
 * Written to the metadata's occurredAt, which history and time travel cut on.
 */
const occurredAtOf = (command: SlaCommand, now: Date): string => {
  switch (command.type) {
    case 'StartCaseClocks':
    case 'StartTaskClocks':
      return command.openedAt;
    case 'RestartResolutionClock':
      return command.reopenedAt;
    case 'StartAutoCloseClock':
      return command.resolvedAt;
    case 'StopSlaClocks':
      return command.at;
    case 'RecordSlaWarning':
    case 'RecordSlaBreach':
    case 'EscalateSla':
      return now.toISOString();
  }
};

/** The case's SLA stream (`sla-<caseId>`), and the case stream it reads facts from. */
@Injectable()
export class SlaStreams {
  private readonly sla: CommandHandler<SlaCommand, SlaEvent, SlaState, DecisionContext>;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    // The decider re-checks the state on every attempt, so deciding again after another writer got in between is safe.
    this.sla = new CommandHandler(store, slaDecider, { streamOf: (command) => slaStreamId(command.caseId), retriesOnConflict: 3 });
  }

  async clocksOf(caseId: string): Promise<SlaState> {
    return (await this.sla.load(slaStreamId(caseId))).state;
  }

  /**
   * The SLA stream folded with its version and the case as its stream has it, in one statement: the
   * clock keeper needs the case's opening and priority whenever a clock starts, and two reads were
   * two transactions.
   */
  async clocksAndCase(caseId: string): Promise<{ clocks: { state: SlaState; version: number }; caseState: WorkflowCaseState }> {
    const streams = await this.store.readStreams([slaStreamId(caseId), workflowCaseStreamId(caseId)]);
    const slaEvents = streams.get(slaStreamId(caseId)) ?? [];
    const caseEvents = streams.get(workflowCaseStreamId(caseId)) ?? [];
    return {
      clocks: { state: fold(slaDecider, slaEvents.map((event) => ({ type: event.type, data: event.data }) as SlaEvent)), version: slaEvents.length },
      caseState: fold(workflowCaseDecider, caseEvents.map((event) => ({ type: event.type, data: event.data }) as WorkflowCaseEvent)),
    };
  }

  /** Decides on the case's SLA stream and appends. */
  decide(caseId: string, command: SlaCommand, now: Date, source: SlaEventSource): Promise<Handled<SlaEvent, SlaState>> {
    if (command.caseId !== caseId) throw new Error(`an SLA command for case ${command.caseId} sent to case ${caseId}`);
    return this.sla.handle(command, { now }, {
      metadata: { ...source.metadata, occurredAt: new Date(occurredAtOf(command, now)).toISOString() },
      eventIdFor: source.eventIdFor,
    }, source.loaded);
  }

  /**
   * What `decide` would append for a command on a case's SLA stream that does not exist yet, for
   * appending in one statement with the case's own events: the ids and metadata `decide` gives, and
   * no stream as the expected version (where the stream exists after all, the append fails whole).
   */
  firstAppend(caseId: string, command: SlaCommand, now: Date, source: SlaEventSource): StreamAppend | undefined {
    if (command.caseId !== caseId) throw new Error(`an SLA command for case ${command.caseId} sent to case ${caseId}`);
    const events = slaDecider.decide(command, slaDecider.initialState(), { now });
    if (events.length === 0) return undefined;
    const metadata = { ...source.metadata, occurredAt: new Date(occurredAtOf(command, now)).toISOString() };
    return {
      streamId: slaStreamId(caseId),
      expected: 'no_stream',
      events: events.map((event, index) => ({ id: source.eventIdFor(event, index), type: event.type, data: event.data, metadata })),
    };
  }

  /** The case as its own stream has it now. */
  async caseState(caseId: string): Promise<WorkflowCaseState> {
    const events = await this.store.readStream(workflowCaseStreamId(caseId));
    return fold(workflowCaseDecider, events.map((event) => ({ type: event.type, data: event.data }) as WorkflowCaseEvent));
  }
}
