import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AggregateStreams, deterministicEventId, type EventStore } from '@collab/event-store';
import {
  idempotencyDecider,
  idempotencyStreamId,
  type IdempotencyCommand,
  type IdempotencyEvent,
  type IdempotencyState,
} from '@collab/intake-domain';
import type { DecisionContext } from '@collab/domain-kernel';
import { CLOCK, EVENT_STORE, type Clock } from '@collab/service-kit';

export interface IdempotencyScope {
  /** Who asked (the token's subject): keys are the caller's own. */
  readonly caller: string;
  readonly key: string;
  /** Hash of the normalised request; the same key with another body is a conflict. */
  readonly requestHash: string;
}

/** Ids derived from the key: a retry of a request that died half-way reuses them, so nothing is written twice. */
export type IdFor = (purpose: string) => string;

const WAIT_FOR_OTHER_MS = 10_000;
const POLL_MS = 25;

export const hashOf = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/**
 * Same Idempotency-Key and body → the same answer and no second case, even for twenty identical
 * requests at once: the first claims the key, the others wait for its answer.
 */
@Injectable()
export class IdempotentRequests {
  private readonly keys: AggregateStreams<IdempotencyCommand, IdempotencyEvent, IdempotencyState, DecisionContext>;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.keys = new AggregateStreams(store, idempotencyDecider);
  }

  async run<Answer extends object>(scope: IdempotencyScope, work: (idFor: IdFor) => Promise<Answer>): Promise<Answer> {
    const scoped = hashOf([scope.caller, scope.key]);
    const streamId = idempotencyStreamId(scoped);
    const idFor: IdFor = (purpose) => deterministicEventId(scoped, purpose);
    const claim = await this.decide(streamId, { type: 'ClaimKey', requestHash: scope.requestHash });
    if (claim.state.status === 'completed') return claim.state.answer as Answer;
    if (claim.events.length === 0) {
      const answer = await this.answerOfOther(streamId);
      if (answer) return answer as Answer;
      // The first request died after claiming: finish its work with the same ids.
    }
    const answer = await work(idFor);
    await this.decide(streamId, { type: 'CompleteRequest', requestHash: scope.requestHash, answer: { ...(answer as Record<string, unknown>) } });
    return answer;
  }

  /** The stream's expected version settles races here; event ids stay random. */
  private decide(streamId: string, command: IdempotencyCommand) {
    return this.keys.handle(streamId, command, { now: this.clock.now() }, {
      metadata: { correlationId: streamId, actor: { id: 'intake', kind: 'service' } },
      retriesOnConflict: 3,
    });
  }

  private async answerOfOther(streamId: string): Promise<Readonly<Record<string, unknown>> | undefined> {
    const deadline = Date.now() + WAIT_FOR_OTHER_MS;
    while (Date.now() < deadline) {
      const { state } = await this.keys.load(streamId);
      if (state.status === 'completed') return state.answer;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    return undefined;
  }
}
