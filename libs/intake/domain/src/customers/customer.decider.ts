import { assertNever, type Decider, type DecisionContext } from '@collab/domain-kernel';
import type { CaseEnding, CustomerCaseEnded, CustomerCaseReopened, CustomerEvent } from './customer.events';

/** A case of the customer that later contacts may join. */
export interface CustomerOpenCase {
  readonly caseId: string;
  readonly category: string;
  /** Where the join window starts: the opening, or the latest reopening. */
  readonly joinableSince: string;
  /** The last version of workflow's case stream applied here; 0 before workflow reported anything. */
  readonly workflowVersion: number;
}

export interface CustomerEndedCase {
  readonly caseId: string;
  readonly workflowVersion: number;
}

export interface CustomerState {
  readonly openCases: readonly CustomerOpenCase[];
  readonly endedCases: readonly CustomerEndedCase[];
}

/** Place a new contact: join a recent open case in the same category, or open a new one. */
export interface PlaceContact {
  readonly type: 'PlaceContact';
  readonly customerId: string;
  readonly category: string;
  /** The id the case gets if a new one is opened. */
  readonly newCaseId: string;
  readonly windowMinutes: number;
}

/** Workflow reported the case closed or cancelled (its event at `workflowVersion` of the case stream). */
export interface RecordCaseEnded {
  readonly type: 'RecordCaseEnded';
  readonly customerId: string;
  readonly caseId: string;
  readonly ending: CaseEnding;
  readonly endedAt: string;
  readonly workflowVersion: number;
}

/** Workflow reported the case reopened; `category` is the case's, as intake opened it. */
export interface RecordCaseReopened {
  readonly type: 'RecordCaseReopened';
  readonly customerId: string;
  readonly caseId: string;
  readonly category: string;
  readonly reopenedAt: string;
  readonly workflowVersion: number;
}

export type CustomerCommand = PlaceContact | RecordCaseEnded | RecordCaseReopened;

const withoutCase = <T extends { readonly caseId: string }>(cases: readonly T[], caseId: string): T[] =>
  cases.filter((known) => known.caseId !== caseId);

const evolve = (state: CustomerState, event: CustomerEvent): CustomerState => {
  const { caseId } = event.data;
  switch (event.type) {
    case 'CaseOpenedForCustomer':
      return {
        ...state,
        openCases: [...state.openCases, { caseId, category: event.data.category, joinableSince: event.data.openedAt, workflowVersion: 0 }],
      };
    case 'CustomerCaseEnded':
      return {
        openCases: withoutCase(state.openCases, caseId),
        endedCases: [...withoutCase(state.endedCases, caseId), { caseId, workflowVersion: event.data.workflowVersion }],
      };
    case 'CustomerCaseReopened': {
      const { category, reopenedAt, workflowVersion } = event.data;
      return {
        openCases: [...withoutCase(state.openCases, caseId), { caseId, category, joinableSince: reopenedAt, workflowVersion }],
        endedCases: withoutCase(state.endedCases, caseId),
      };
    }
    default:
      return assertNever(event);
  }
};

/** The open case in this category that became joinable most recently within the window, if any. */
export const recentOpenCase = (state: CustomerState, category: string, windowMinutes: number, now: Date): CustomerOpenCase | undefined => {
  const since = now.getTime() - windowMinutes * 60_000;
  return [...state.openCases]
    .reverse()
    .find((open) => open.category === category && new Date(open.joinableSince).getTime() >= since);
};

/** True when workflow closed or cancelled the case and has not reopened it since. */
export const hasEnded = (state: CustomerState, caseId: string): boolean => state.endedCases.some((ended) => ended.caseId === caseId);

const placeContact = (command: PlaceContact, state: CustomerState, now: Date): CustomerEvent[] => {
  if (recentOpenCase(state, command.category, command.windowMinutes, now)) return [];
  const opened = { customerId: command.customerId, caseId: command.newCaseId, category: command.category, openedAt: now.toISOString() };
  return [{ type: 'CaseOpenedForCustomer', data: opened }];
};

/** Once per ending: an ended case, or a report older than what the case's open record already holds, changes nothing. */
const recordEnded = (command: RecordCaseEnded, state: CustomerState): CustomerCaseEnded[] => {
  if (hasEnded(state, command.caseId)) return [];
  const open = state.openCases.find((known) => known.caseId === command.caseId);
  if (open !== undefined && open.workflowVersion >= command.workflowVersion) return [];
  const { customerId, caseId, ending, endedAt, workflowVersion } = command;
  return [{ type: 'CustomerCaseEnded', data: { customerId, caseId, ending, endedAt, workflowVersion } }];
};

/** Only an ended case is reopened here (a resolved one never ended), and only by a newer report than its ending. */
const recordReopened = (command: RecordCaseReopened, state: CustomerState): CustomerCaseReopened[] => {
  const ended = state.endedCases.find((known) => known.caseId === command.caseId);
  if (ended === undefined || ended.workflowVersion >= command.workflowVersion) return [];
  const { customerId, caseId, category, reopenedAt, workflowVersion } = command;
  return [{ type: 'CustomerCaseReopened', data: { customerId, caseId, category, reopenedAt, workflowVersion } }];
};

const decide = (command: CustomerCommand, state: CustomerState, context: DecisionContext): CustomerEvent[] => {
  switch (command.type) {
    case 'PlaceContact':
      return placeContact(command, state, context.now);
    case 'RecordCaseEnded':
      return recordEnded(command, state);
    case 'RecordCaseReopened':
      return recordReopened(command, state);
    default:
      return assertNever(command);
  }
};

/**
 * The customer's cases as contact placement sees them. Every new case is recorded here first,
 * with the stream's expected version, so two contacts racing in the same category end in one
 * case, not two. Workflow's closing, cancelling and reopening are recorded here too, so a contact
 * never joins a case that has ended.
 */
export const customerDecider: Decider<CustomerCommand, CustomerEvent, CustomerState, DecisionContext> = {
  initialState: () => ({ openCases: [], endedCases: [] }),
  evolve,
  decide,
};

export const customerStreamId = (customerId: string): string => `customer-${customerId}`;
