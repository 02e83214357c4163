import { Inject, Injectable, Logger } from '@nestjs/common';
import { deterministicEventId, type EventMetadata, type RecordedEvent, type StreamAppend } from '@collab/event-store';
import type { BusinessCalendar } from '@collab/business-calendar';
import { SLA_SOURCE_EVENT_TYPES, calendarNeededBy, slaCommandsFor, slaDecider, type SlaReactionContext, type SlaSourceEvent, type SlaState, type WorkflowCaseState } from '@collab/workflow-domain';
import { EscalationPercentsBook } from '../../admin/system-parameters/escalation-percents/escalation-percents-book';
import { SystemParameterBook } from '../../admin/system-parameters/system-parameter-book';
import { BUSINESS_CALENDARS, type BusinessCalendars } from '../../workflow.ports';
import { SlaStreams } from '../sla-streams';

const KEEPER = { id: 'workflow.sla-clock-keeper', kind: 'service' } as const;

/** The id of the first event the `step`th command an event calls for appends, whoever appends it (the keeper, or the route for the keeper). */
export const firstEventIdOf = (event: { readonly id: string }, step: number): string => deterministicEventId(event.id, `sla-clocks/${step}/0`);

/** The keeper's metadata and ids for the `step`th command an event calls for: the same source always gives the same ids. */
const sourcedBy = (event: { readonly id: string; readonly metadata: EventMetadata }, step: number) => ({
  metadata: { correlationId: event.metadata.correlationId, causationId: event.id, actor: KEEPER },
  eventIdFor: (_event: unknown, index: number) => deterministicEventId(event.id, `sla-clocks/${step}/${index}`),
});

/**
 * What one case or task event does to the case's clocks: look up what the reaction needs (the
 * clocks so far, the calendar, the case's opening and priority, the quiet period), decide each
 * command on the SLA stream, and append with ids derived from the source event.
 */
@Injectable()
export class SlaClockMoves {
  private readonly logger = new Logger('SlaClockKeeper');

  constructor(
    private readonly parameters: SystemParameterBook,
    private readonly escalationPercents: EscalationPercentsBook,
    @Inject(BUSINESS_CALENDARS) private readonly calendars: BusinessCalendars,
    private readonly streams: SlaStreams,
  ) {}

  async follow(event: RecordedEvent, now: Date): Promise<void> {
    const source = { type: event.type, data: event.data } as SlaSourceEvent;
    const { caseId } = source.data;
    // Both streams in one read: most reactions start a clock, and starting one needs the case's facts.
    const { clocks, caseState } = await this.streams.clocksAndCase(caseId);
    const commands = slaCommandsFor(source, await this.contextFor(source, clocks.state, caseState));
    for (const [step, command] of commands.entries()) {
      // The first command is decided on the stream just read; each later one reads what the one before appended.
      await this.streams.decide(caseId, command, now, { ...sourcedBy(event, step), ...(step === 0 ? { loaded: clocks } : {}) });
    }
  }

  /**
   * What the keeper would append to a new case's SLA stream for one of the case's first events (the
   * clocks CaseProcessStarted starts), decided now on the case as `caseState` has it, with the ids
   * and metadata the keeper gives: the route appends it with the case's events in one statement,
   * and the keeper, meeting the event later, finds the clocks started and appends nothing. Undefined
   * when the event moves no clock, or calls for more than one command (the keeper decides those).
   */
  async startingWith(event: Pick<RecordedEvent, 'id' | 'type' | 'data' | 'metadata'>, caseState: WorkflowCaseState, now: Date): Promise<StreamAppend | undefined> {
    if (!SLA_SOURCE_EVENT_TYPES.has(event.type)) return undefined;
    const source = { type: event.type, data: event.data } as SlaSourceEvent;
    const none = slaDecider.initialState();
    const commands = slaCommandsFor(source, await this.contextFor(source, none, caseState));
    if (commands.length !== 1) return undefined;
    return this.streams.firstAppend(source.data.caseId, commands[0]!, now, sourcedBy(event, 0));
  }

  private async contextFor(event: SlaSourceEvent, state: SlaState, caseState: WorkflowCaseState): Promise<SlaReactionContext> {
    // The quiet period in force when the case is resolved; its clock keeps it whatever changes later.
    const { autoCloseMinutes: quietMinutes } = await this.parameters.values();
    // Likewise the escalation percentages in force when a clock starts: a running clock keeps the instants it started with.
    const systemEscalation = await this.escalationPercents.policy();
    const calendarId = calendarNeededBy(event, state);
    if (calendarId === null) return { state, calendar: null, caseFacts: null, quietMinutes, systemEscalation };
    const caseFacts = caseState.status === 'none' ? null : { openedAt: caseState.summary.openedAt, priority: caseState.summary.priority };
    return { state, calendar: await this.calendarOf(calendarId), caseFacts, quietMinutes, systemEscalation };
  }

  private async calendarOf(calendarId: string): Promise<BusinessCalendar | null> {
    const calendar = await this.calendars.calendar(calendarId);
    if (!calendar) this.logger.warn(`calendar ${calendarId} is unknown: its clocks warn and escalate in calendar time between start and due`);
    return calendar ?? null;
  }
}
