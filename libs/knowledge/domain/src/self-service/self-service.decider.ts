import { IllegalTransition, type Decider, type DecisionContext } from '@collab/domain-kernel';

/**
 * 自助解决: a customer read a suggested article and answered "this solved it" instead of opening
 * a case — the deflection the KPI service counts. One stream per resolution, so a repeated
 * request (same resolution id) records nothing more.
 */
export interface SelfServiceResolved {
  readonly type: 'SelfServiceResolved';
  readonly data: {
    readonly resolutionId: string;
    readonly articleId: string;
    readonly knowledgePointId: string;
    readonly articleVersion: number;
    readonly customerId: string;
    /** The channel the customer was writing in, when a channel recorded it. */
    readonly channel?: string;
    readonly resolvedAt: string;
  };
}

export interface RecordSelfServiceResolution {
  readonly type: 'RecordSelfServiceResolution';
  readonly resolution: Omit<SelfServiceResolved['data'], 'resolvedAt'>;
}

export type SelfServiceState = { readonly status: 'none' } | { readonly status: 'resolved'; readonly articleId: string; readonly customerId: string };

const sameResolution = (state: Extract<SelfServiceState, { status: 'resolved' }>, command: RecordSelfServiceResolution): boolean =>
  state.articleId === command.resolution.articleId && state.customerId === command.resolution.customerId;

export const selfServiceDecider: Decider<RecordSelfServiceResolution, SelfServiceResolved, SelfServiceState> = {
  initialState: () => ({ status: 'none' }),
  evolve: (_state, event) => ({ status: 'resolved', articleId: event.data.articleId, customerId: event.data.customerId }),
  decide: (command, state, { now }: DecisionContext) => {
    if (state.status === 'resolved') {
      if (sameResolution(state, command)) return [];
      throw new IllegalTransition(command.type, state.status, `resolution ${command.resolution.resolutionId} was recorded for another article or customer`);
    }
    return [{ type: 'SelfServiceResolved', data: { ...command.resolution, resolvedAt: now.toISOString() } }];
  },
};

export const selfServiceStreamId = (resolutionId: string): string => `self-service-${resolutionId}`;
