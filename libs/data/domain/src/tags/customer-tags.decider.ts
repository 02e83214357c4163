import type { Decider, DecisionContext } from '@collab/domain-kernel';

/** One rule's verdict for the customer at review time (a retired rule's tag is judged not to hold). */
export interface TagJudgement {
  readonly tag: string;
  readonly ruleVersion: number;
  readonly holds: boolean;
}

export type CustomerTagsCommand = { readonly type: 'ReviewCustomerTags'; readonly customerId: string; readonly judgements: readonly TagJudgement[] };

export type CustomerTagsEvent =
  | { readonly type: 'CustomerTagged'; readonly data: { readonly customerId: string; readonly tag: string; readonly ruleVersion: number; readonly taggedAt: string } }
  | { readonly type: 'CustomerUntagged'; readonly data: { readonly customerId: string; readonly tag: string; readonly ruleVersion: number; readonly untaggedAt: string } };

/** The customer's tags now, each with the rule version that gave it. */
export interface CustomerTagsState {
  readonly tags: Readonly<Record<string, number>>;
}

export const customerTagsStreamId = (customerId: string): string => `customer-tags-${customerId}`;

const evolve = (state: CustomerTagsState, event: CustomerTagsEvent): CustomerTagsState => {
  const tags = { ...state.tags };
  if (event.type === 'CustomerTagged') tags[event.data.tag] = event.data.ruleVersion;
  else delete tags[event.data.tag];
  return { tags };
};

/**
 * Tags what now holds and is not yet a tag, untags what no longer holds; says nothing the stream
 * already says, so a review repeated (redelivery, a second replica, a timer after a crash) appends nothing.
 */
const decide = (command: CustomerTagsCommand, state: CustomerTagsState, { now }: DecisionContext): CustomerTagsEvent[] => {
  const at = now.toISOString();
  const { customerId } = command;
  return command.judgements.flatMap((judgement): CustomerTagsEvent[] => {
    const tagged = Object.hasOwn(state.tags, judgement.tag);
    if (judgement.holds && !tagged) return [{ type: 'CustomerTagged', data: { customerId, tag: judgement.tag, ruleVersion: judgement.ruleVersion, taggedAt: at } }];
    if (!judgement.holds && tagged) return [{ type: 'CustomerUntagged', data: { customerId, tag: judgement.tag, ruleVersion: judgement.ruleVersion, untaggedAt: at } }];
    return [];
  });
};

/** 客户标签: one customer's tags as a stream, kept by reviews against the tag rules. */
export const customerTagsDecider: Decider<CustomerTagsCommand, CustomerTagsEvent, CustomerTagsState, DecisionContext> = {
  initialState: () => ({ tags: {} }),
  evolve,
  decide,
};
