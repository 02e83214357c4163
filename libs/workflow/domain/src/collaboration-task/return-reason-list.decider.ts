import { IllegalTransition, assertNever, type Decider, type DecisionContext } from '@collab/domain-kernel';
import type { ActorRef } from '../actor';
import { rejectInvalid, requireText } from '../validation';
import {
  defineReturnReason,
  retireReturnReason,
  type ReturnReason,
  type ReturnReasonList,
} from './return-reasons';

/*
 * 退单原因 as a managed list on one stream (`return-reasons`): administrators define and retire
 * reasons, and the task decider checks a return against the list folded from these events.
 * A new installation seeds the defaults once (SeedReturnReasons on an empty stream).
 */

export interface SeedReturnReasons {
  readonly type: 'SeedReturnReasons';
  readonly reasons: ReturnReasonList;
  readonly actor: ActorRef;
}

/** Adds a reason, or revives and renames a retired one. */
export interface DefineReturnReason {
  readonly type: 'DefineReturnReason';
  readonly code: string;
  readonly names: Readonly<Record<string, string>>;
  readonly actor: ActorRef;
}

/** Takes a reason out of choice; tasks already returned with it keep it. */
export interface RetireReturnReason {
  readonly type: 'RetireReturnReason';
  readonly code: string;
  readonly reason: string;
  readonly actor: ActorRef;
}

export type ReturnReasonCommand = SeedReturnReasons | DefineReturnReason | RetireReturnReason;

export interface ReturnReasonDefined {
  readonly type: 'ReturnReasonDefined';
  readonly data: {
    readonly code: string;
    readonly names: Readonly<Record<string, string>>;
    readonly actor: ActorRef;
    readonly definedAt: string;
  };
}

export interface ReturnReasonRetired {
  readonly type: 'ReturnReasonRetired';
  readonly data: {
    readonly code: string;
    readonly reason: string;
    readonly actor: ActorRef;
    readonly retiredAt: string;
  };
}

export type ReturnReasonEvent = ReturnReasonDefined | ReturnReasonRetired;

/** IllegalTransition (409) worded for the list: the kernel's message speaks of a case. */
export class IllegalReturnReasonChange extends IllegalTransition {
  constructor(command: string, state: string, reason: string) {
    super(command, state, reason);
    this.message = `${command} is not allowed: ${reason}`;
  }
}

/** The list as folded; `seeded` once any reason was ever defined, so the defaults are written once. */
export interface ReturnReasonListState {
  readonly seeded: boolean;
  readonly reasons: ReturnReasonList;
}

const defined = (
  code: string,
  names: Readonly<Record<string, string>>,
  actor: ActorRef,
  now: Date,
): ReturnReasonDefined => ({
  type: 'ReturnReasonDefined',
  data: { code, names, actor, definedAt: now.toISOString() },
});

const decide = (
  command: ReturnReasonCommand,
  state: ReturnReasonListState,
  { now }: DecisionContext,
): ReturnReasonEvent[] => {
  switch (command.type) {
    case 'SeedReturnReasons':
      if (state.seeded)
        throw new IllegalReturnReasonChange(command.type, 'seeded', 'the list was seeded or edited already');
      // Each default goes through the same rules as an administrator's definition.
      command.reasons.reduce<ReturnReasonList>(
        (list, reason) => defineReturnReason(list, reason.code, reason.names),
        [],
      );
      return command.reasons.map((reason) => defined(reason.code, reason.names, command.actor, now));
    case 'DefineReturnReason':
      defineReturnReason(state.reasons, command.code, command.names);
      return [defined(command.code, command.names, command.actor, now)];
    case 'RetireReturnReason': {
      rejectInvalid(requireText('reason', command.reason));
      retireReturnReason(state.reasons, command.code); // NotFound for a code never defined
      if (!state.reasons.some((reason) => reason.code === command.code && reason.active))
        throw new IllegalReturnReasonChange(command.type, 'retired', `${command.code} is retired already`);
      const data = {
        code: command.code,
        reason: command.reason,
        actor: command.actor,
        retiredAt: now.toISOString(),
      };
      return [{ type: 'ReturnReasonRetired', data }];
    }
    default:
      return assertNever(command);
  }
};

const evolve = (state: ReturnReasonListState, event: ReturnReasonEvent): ReturnReasonListState => {
  switch (event.type) {
    case 'ReturnReasonDefined': {
      const reason: ReturnReason = { code: event.data.code, names: event.data.names, active: true };
      const known = state.reasons.some((candidate) => candidate.code === reason.code);
      const reasons = known
        ? state.reasons.map((candidate) => (candidate.code === reason.code ? reason : candidate))
        : [...state.reasons, reason];
      return { seeded: true, reasons };
    }
    case 'ReturnReasonRetired':
      return {
        ...state,
        reasons: state.reasons.map((candidate) =>
          candidate.code === event.data.code ? { ...candidate, active: false } : candidate,
        ),
      };
    default:
      return assertNever(event);
  }
};

/** The managed return-reason list; refusals name the field (ValidationFailed), an unknown code is NotFound. */
export const returnReasonListDecider: Decider<
  ReturnReasonCommand,
  ReturnReasonEvent,
  ReturnReasonListState,
  DecisionContext
> = {
  initialState: () => ({ seeded: false, reasons: [] }),
  evolve,
  decide,
};

export const RETURN_REASONS_STREAM_ID = 'return-reasons';
