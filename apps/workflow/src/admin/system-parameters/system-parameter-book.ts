import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@collab/event-store';
import { fold } from '@collab/domain-kernel';
import { BriefMemory, CLOCK, CommandHandler, EVENT_STORE, PLATFORM_CONFIG, type Clock, type CommandOrigin, type PlatformConfig } from '@collab/service-kit';
import {
  DEFAULT_CASE_POLICY,
  SYSTEM_PARAMETER_NAMES,
  systemParameterDecider,
  systemParameterStreamId,
  valueOf,
  type CasePolicy,
  type ChangeSystemParameter,
  type SystemParameterCommand,
  type SystemParameterContext,
  type SystemParameterEvent,
  type SystemParameterName,
  type SystemParameterState,
  type SystemParameterValues,
} from '@collab/workflow-domain';

/** One parameter as it stands: its value, what was configured, its version and its last change. */
export interface SystemParameterStanding {
  readonly name: SystemParameterName;
  readonly value: number;
  readonly configured: number;
  readonly state: SystemParameterState;
}

/**
 * The system parameters (系统参数), workflow's to keep: each one its own stream in workflow's
 * store, changed by an administrator through the decider, read by workflow's decisions (the case
 * policy, the quiet period) and published (SystemParameterChanged) for intake's join window.
 */
@Injectable()
export class SystemParameterBook {
  private readonly parameters: CommandHandler<SystemParameterCommand, SystemParameterEvent, SystemParameterState, SystemParameterContext>;
  private readonly configured: SystemParameterValues;
  // Every case command reads them; they change only when an administrator changes one.
  private readonly standing = new BriefMemory<'all', SystemParameterStanding[]>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PLATFORM_CONFIG) config: PlatformConfig,
  ) {
    this.parameters = new CommandHandler(store, systemParameterDecider, {
      streamOf: (command) => systemParameterStreamId(command.name),
      // The administrator named the version they saw: a change meanwhile is theirs to see.
      retriesOnConflict: 0,
    });
    this.configured = {
      joinWindowMinutes: config.INTAKE_JOIN_WINDOW_MINUTES,
      autoCloseMinutes: config.WORKFLOW_AUTO_CLOSE_MINUTES,
      reopenWindowMinutes: DEFAULT_CASE_POLICY.reopenWithinMinutes,
      pingPongMaxBounces: DEFAULT_CASE_POLICY.pingPongMaxBounces,
    };
  }

  all(): Promise<SystemParameterStanding[]> {
    return this.standing.lookUp('all', () => this.loadAll());
  }

  async values(): Promise<SystemParameterValues> {
    const all = await this.all();
    return Object.fromEntries(all.map((parameter) => [parameter.name, parameter.value])) as Record<SystemParameterName, number>;
  }

  /** The case lifecycle's numbers in force now: what a case command decides with. */
  async casePolicy(): Promise<CasePolicy> {
    const values = await this.values();
    return { autoCloseAfterMinutes: values.autoCloseMinutes, reopenWithinMinutes: values.reopenWindowMinutes, pingPongMaxBounces: values.pingPongMaxBounces };
  }

  async change(command: ChangeSystemParameter, origin: CommandOrigin): Promise<SystemParameterStanding> {
    try {
      const handled = await this.parameters.handle(command, { now: this.clock.now(), configured: this.configured }, { origin });
      const state = handled.events.reduce(systemParameterDecider.evolve, handled.state);
      return this.standingOf(command.name, state);
    } finally {
      this.standing.forget();
    }
  }

  /** Every parameter's stream in one statement: one read a stream was a transaction each. */
  private async loadAll(): Promise<SystemParameterStanding[]> {
    const streams = await this.store.readStreams(SYSTEM_PARAMETER_NAMES.map(systemParameterStreamId));
    return SYSTEM_PARAMETER_NAMES.map((name) => {
      const events = (streams.get(systemParameterStreamId(name)) ?? []).map((event) => ({ type: event.type, data: event.data }) as SystemParameterEvent);
      return this.standingOf(name, fold(systemParameterDecider, events));
    });
  }

  private standingOf(name: SystemParameterName, state: SystemParameterState): SystemParameterStanding {
    return { name, value: valueOf(name, state, this.configured), configured: this.configured[name], state };
  }
}
