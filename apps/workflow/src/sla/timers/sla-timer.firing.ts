import { Injectable } from '@nestjs/common';
import type { TimerOutcome } from '@collab/following';
import { deterministicEventId } from '@collab/event-store';
import { IllegalTransition } from '@collab/domain-kernel';
import {
  DEFAULT_CASE_POLICY,
  timerStanding,
  type SlaState,
  type SlaTimerCommand,
  type SlaTimerKind,
  type TimerStanding,
} from '@collab/workflow-domain';
import { CaseCommandHandler } from '../../cases/case-command-handler';
import { SlaStreams } from '../sla-streams';
import { EscalationContacts } from './escalation-contacts';
import type { ClaimedTimer } from './sla-timer.table';

export type { TimerOutcome } from '@collab/following';

const DISPATCHER = { id: 'workflow.sla-timers', kind: 'system' } as const;

const OUTCOME_OF: Readonly<Record<TimerStanding, TimerOutcome>> = {
  // Still due after deciding means another writer kept changing the stream: try again next pass.
  due: 'pending',
  'not-yet-due': 'pending',
  // Recorded by an earlier firing that crashed before marking the timer: it did fire, once.
  'already-recorded': 'fired',
  'clock-stopped': 'cancelled',
};

/**
 * Fires one due timer. The event's id derives from the timer's id, and the SLA decider records
 * nothing a clock already has or a stopped clock would say: a timer fired again after a crash
 * between recording and marking records nothing more.
 */
@Injectable()
export class SlaTimerFiring {
  constructor(
    private readonly cases: CaseCommandHandler,
    private readonly streams: SlaStreams,
    private readonly contacts: EscalationContacts,
  ) {}

  async fire(timer: ClaimedTimer, now: Date): Promise<TimerOutcome> {
    const state = await this.streams.clocksOf(timer.caseId);
    const standing = timerStanding(state, timer, now);
    if (standing !== 'due') return OUTCOME_OF[standing];
    if (timer.kind === 'AUTO_CLOSE') return this.closeCase(timer, state, now);
    const handled = await this.streams.decide(timer.caseId, await this.commandFor(timer, timer.kind, state), now, {
      metadata: { correlationId: timer.correlationId, causationId: timer.scheduledBy, actor: DISPATCHER },
      eventIdFor: (_event, index) => deterministicEventId(timer.id, `fire/${index}`),
    });
    return handled.events.length > 0 ? 'fired' : OUTCOME_OF[timerStanding(handled.state, timer, now)];
  }

  private async commandFor(timer: ClaimedTimer, kind: Exclude<SlaTimerKind, 'AUTO_CLOSE'>, state: SlaState): Promise<SlaTimerCommand> {
    const run = { caseId: timer.caseId, clockKey: timer.clockKey, startedAt: timer.startedAt };
    switch (kind) {
      case 'WARN':
        return { type: 'RecordSlaWarning', ...run };
      case 'BREACH':
        return { type: 'RecordSlaBreach', ...run };
      case 'ESCALATE': {
        const clock = state.clocks[timer.clockKey];
        const level = clock?.escalations.find((escalation) => escalation.level === timer.level);
        const contact = clock && level ? await this.contacts.of(timer.caseId, clock, level.notify) : null;
        return { type: 'EscalateSla', ...run, level: timer.level, clockHolder: null, supervisorUnit: null, supervisorId: null, ...contact };
      }
    }
  }

  /**
   * The quiet period is over: the case decider closes the case, or refuses because the requester
   * confirmed or reopened it meanwhile — then the timer had nothing to do. The quiet period is the
   * one the clock started with at the resolution, so a later change of configuration moves only
   * the clocks of later resolutions, and the decider never refuses what the timer was set for.
   */
  private async closeCase(timer: ClaimedTimer, state: SlaState, now: Date): Promise<TimerOutcome> {
    const quiet = state.clocks[timer.clockKey]?.targetMinutes ?? DEFAULT_CASE_POLICY.autoCloseAfterMinutes;
    const policy = { ...DEFAULT_CASE_POLICY, autoCloseAfterMinutes: quiet };
    try {
      const handled = await this.cases.handle(
        { type: 'AutoCloseCase', caseId: timer.caseId, actor: DISPATCHER },
        { now, policy },
        {
          metadata: { correlationId: timer.correlationId, causationId: timer.scheduledBy, actor: DISPATCHER },
          eventIdFor: (_event, index) => deterministicEventId(timer.id, `fire/${index}`),
        },
      );
      return handled.events.length > 0 ? 'fired' : 'cancelled';
    } catch (error) {
      if (error instanceof IllegalTransition) return 'cancelled';
      throw error;
    }
  }
}
