import { assertNever, type Decider } from '@collab/domain-kernel';

/** A case opened for this customer: what the de-duplication window looks at. */
export interface CaseOpenedForCustomer {
  readonly type: 'CaseOpenedForCustomer';
  readonly data: { readonly customerId: string; readonly caseId: string; readonly category: string; readonly openedAt: string };
}

/** The case left the open set (resolved, closed or cancelled, as workflow reports it). */
export interface CustomerCaseEnded {
  readonly type: 'CustomerCaseEnded';
  readonly data: { readonly customerId: string; readonly caseId: string; readonly endedAt: string };
}

export type CustomerEvent = CaseOpenedForCustomer | CustomerCaseEnded;

export interface CustomerOpenCase {
  readonly caseId: string;
  readonly category: string;
  readonly openedAt: string;
}

export interface CustomerState {
  readonly openCases: readonly CustomerOpenCase[];
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

export interface PlacementContext {
  readonly now: Date;
}

const evolve = (state: CustomerState, event: CustomerEvent): CustomerState => {
  switch (event.type) {
    case 'CaseOpenedForCustomer':
      return { openCases: [...state.openCases, { caseId: event.data.caseId, category: event.data.category, openedAt: event.data.openedAt }] };
    case 'CustomerCaseEnded':
      return { openCases: state.openCases.filter((open) => open.caseId !== event.data.caseId) };
    default:
      return assertNever(event);
  }
};

/** The open case in this category opened most recently within the window, if any. */
export const recentOpenCase = (state: CustomerState, category: string, windowMinutes: number, now: Date): CustomerOpenCase | undefined => {
  const since = now.getTime() - windowMinutes * 60_000;
  return [...state.openCases]
    .reverse()
    .find((open) => open.category === category && new Date(open.openedAt).getTime() >= since);
};

const decide = (command: PlaceContact, state: CustomerState, context: PlacementContext): CustomerEvent[] => {
  if (recentOpenCase(state, command.category, command.windowMinutes, context.now)) return [];
  const opened = { customerId: command.customerId, caseId: command.newCaseId, category: command.category, openedAt: context.now.toISOString() };
  return [{ type: 'CaseOpenedForCustomer', data: opened }];
};

/**
 * The customer's open cases. Every new case is recorded here first, with the stream's expected
 * version, so two contacts racing in the same category end in one case, not two.
 */
export const customerDecider: Decider<PlaceContact, CustomerEvent, CustomerState, PlacementContext> = {
  initialState: () => ({ openCases: [] }),
  evolve,
  decide,
};

export const customerStreamId = (customerId: string): string => `customer-${customerId}`;
