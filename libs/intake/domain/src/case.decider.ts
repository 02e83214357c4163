import { IllegalTransition, assertNever, type Decider, type DecisionContext } from '@collab/domain-kernel';
import type { CaseAcknowledged, CaseOpened, IntakeCaseEvent, JoinReason, PromiseCoverage } from './case.events';
import type { Contact } from './contact';

export interface ExpectedTimes {
  readonly firstResponseBy: string;
  readonly resolveBy: string;
  readonly calendarId: string;
  /** How far the calendar's announced holidays cover these times. */
  readonly coverage: PromiseCoverage;
}

export interface OpenCase {
  readonly type: 'OpenCase';
  readonly caseId: string;
  readonly caseNumber: string;
  readonly customerId: string;
  readonly contact: Contact;
  readonly expected: ExpectedTimes;
}

export interface AppendContact {
  readonly type: 'AppendContact';
  readonly contact: Contact;
  readonly reason: JoinReason;
}

export type IntakeCaseCommand = OpenCase | AppendContact;

export type IntakeCaseState =
  | { readonly status: 'none' }
  | { readonly status: 'open'; readonly opened: CaseOpened['data']; readonly acknowledgement?: CaseAcknowledged['data']; readonly contacts: number };

const evolve = (state: IntakeCaseState, event: IntakeCaseEvent): IntakeCaseState => {
  switch (event.type) {
    case 'CaseOpened':
      return { status: 'open', opened: event.data, contacts: 1 };
    case 'CaseAcknowledged':
      return state.status === 'open' ? { ...state, acknowledgement: event.data } : state;
    case 'ContactAppended':
      return state.status === 'open' ? { ...state, contacts: state.contacts + 1 } : state;
    default:
      return assertNever(event);
  }
};

const openCase = (command: OpenCase, now: string): IntakeCaseEvent[] => [
  {
    type: 'CaseOpened',
    data: { ...command.contact, caseId: command.caseId, caseNumber: command.caseNumber, customerId: command.customerId, openedAt: now },
  },
  {
    type: 'CaseAcknowledged',
    data: {
      caseId: command.caseId,
      caseNumber: command.caseNumber,
      acknowledgedAt: now,
      expectedFirstResponseAt: command.expected.firstResponseBy,
      expectedResolutionAt: command.expected.resolveBy,
      calendarId: command.expected.calendarId,
      coverage: command.expected.coverage,
    },
  },
];

const decide = (command: IntakeCaseCommand, state: IntakeCaseState, context: DecisionContext): IntakeCaseEvent[] => {
  const now = context.now.toISOString();
  switch (command.type) {
    case 'OpenCase':
      if (state.status !== 'none') throw new IllegalTransition('OpenCase', state.status, 'the case already exists');
      return openCase(command, now);
    case 'AppendContact':
      if (state.status !== 'open') throw new IllegalTransition('AppendContact', state.status, 'there is no open case to join');
      return [{ type: 'ContactAppended', data: { caseId: state.opened.caseId, contact: command.contact, reason: command.reason, appendedAt: now } }];
    default:
      return assertNever(command);
  }
};

/**
 * The intake side of a case: opening it from a contact, acknowledging it at once, and letting
 * later contacts about it join. What happens after routing belongs to workflow.
 */
export const intakeCaseDecider: Decider<IntakeCaseCommand, IntakeCaseEvent, IntakeCaseState> = {
  initialState: () => ({ status: 'none' }),
  evolve,
  decide,
};

export const caseStreamId = (caseId: string): string => `case-${caseId}`;
