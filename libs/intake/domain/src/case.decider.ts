import { IllegalTransition, assertNever, type Decider, type DecisionContext } from '@collab/domain-kernel';
import type { Contact } from './contact';
import type { IntakeCaseEvent } from './case.events';

export interface OpenCase {
  readonly type: 'OpenCase';
  readonly caseId: string;
  readonly contact: Contact;
}

export type IntakeCaseCommand = OpenCase;

export type IntakeCaseState = { readonly status: 'none' } | { readonly status: 'open'; readonly caseId: string };

const evolve = (state: IntakeCaseState, event: IntakeCaseEvent): IntakeCaseState => {
  switch (event.type) {
    case 'CaseOpened':
      return { status: 'open', caseId: event.data.caseId };
    default:
      return assertNever(event.type);
  }
};

const decide = (command: IntakeCaseCommand, state: IntakeCaseState, context: DecisionContext): IntakeCaseEvent[] => {
  switch (command.type) {
    case 'OpenCase':
      if (state.status !== 'none') throw new IllegalTransition('OpenCase', state.status, 'the case already exists');
      return [{ type: 'CaseOpened', data: { ...command.contact, caseId: command.caseId, openedAt: context.now.toISOString() } }];
    default:
      return assertNever(command.type);
  }
};

/** The intake side of a case: opening it from a contact. Later phases belong to workflow. */
export const intakeCaseDecider: Decider<IntakeCaseCommand, IntakeCaseEvent, IntakeCaseState> = {
  initialState: () => ({ status: 'none' }),
  evolve,
  decide,
};

export const caseStreamId = (caseId: string): string => `case-${caseId}`;
