import { partyOf, type Party } from '@collab/domain-kernel';
import type { SupervisorDirectory } from './actor';

/** One side of a ping-pong: the party (a queue, a unit or a partner) and its supervisor. */
export interface PingPongSide {
  readonly party: Party;
  /** Null when the org directory named no supervisor for the party. */
  readonly supervisorId: string | null;
}

/**
 * The case bounced between the same two parties more often than the policy allows; escalated to
 * both supervisors. Schema version 2: version 1 named the sides `units[].unitId`, which held queue,
 * unit and partner ids alike (stored-event-versions.ts lifts it).
 */
export interface PingPongDetected {
  readonly type: 'PingPongDetected';
  readonly data: {
    readonly caseId: string;
    /** The two parties, the one that handed off first first. */
    readonly sides: readonly [PingPongSide, PingPongSide];
    readonly bounces: number;
    readonly maxBounces: number;
    readonly detectedAt: string;
  };
}

/**
 * One hand-off of a case between two parties, in the order they happened: a transfer is between
 * the case's queues; a request and a return are between a task's two parties (the asking queue or
 * holder, and the unit or partner asked).
 */
export interface Handoff {
  readonly from: Party;
  readonly to: Party;
  readonly at: string;
  /** A transfer of the case, a collaboration request, or a task returned (退单) to the party that asked. */
  readonly kind: 'TRANSFER' | 'REQUEST' | 'RETURN';
}

export interface PairBounces {
  /** The two parties, the one that handed off first first. */
  readonly sides: readonly [Party, Party];
  /** How many times a hand-off between them reversed the direction of the one before. */
  readonly bounces: number;
}

/** The same key for A ⇄ B and B ⇄ A, by id (ids are unique across queues, units and partners). */
export const pairKey = (a: string, b: string): string => (a < b ? `${a}⇄${b}` : `${b}⇄${a}`);

interface Tally {
  readonly sides: readonly [Party, Party];
  readonly lastFrom: string;
  readonly bounces: number;
}

/**
 * Bounces per pair of parties. A → B then B → A is one bounce; a repeated A → B is none (asking
 * the same party twice is not a bounce). Hand-offs involving other parties in between change nothing.
 */
export const bouncesByPair = (handoffs: readonly Handoff[]): PairBounces[] => {
  const tallies = new Map<string, Tally>();
  for (const { from, to } of handoffs) {
    if (from.id === to.id) continue;
    const key = pairKey(from.id, to.id);
    const tally = tallies.get(key);
    if (tally === undefined) tallies.set(key, { sides: [partyOf(from), partyOf(to)], lastFrom: from.id, bounces: 0 });
    else
      tallies.set(key, {
        ...tally,
        lastFrom: from.id,
        bounces: tally.bounces + (tally.lastFrom === from.id ? 0 : 1),
      });
  }
  return [...tallies.values()].map(({ sides, bounces }) => ({ sides, bounces }));
};

export interface PingPongCheck {
  readonly caseId: string;
  /** More bounces than this between two parties is a ping-pong (CasePolicy.pingPongMaxBounces). */
  readonly maxBounces: number;
  /** Supervisors by party id. */
  readonly supervisors: SupervisorDirectory;
  /** Pair keys (pairKey) already raised on this case: each pair is raised once. */
  readonly alreadyRaised: readonly string[];
  readonly at: string;
}

const sideOf = (party: Party, supervisors: SupervisorDirectory): PingPongSide => ({
  party,
  supervisorId: supervisors[party.id] ?? null,
});

/** A PingPongDetected for every pair over the threshold that was not raised before, in order of first contact. */
export const detectPingPong = (handoffs: readonly Handoff[], check: PingPongCheck): PingPongDetected[] =>
  bouncesByPair(handoffs)
    .filter(({ sides: [a, b], bounces }) => bounces > check.maxBounces && !check.alreadyRaised.includes(pairKey(a.id, b.id)))
    .map(({ sides: [a, b], bounces }) => ({
      type: 'PingPongDetected',
      data: {
        caseId: check.caseId,
        sides: [sideOf(a, check.supervisors), sideOf(b, check.supervisors)],
        bounces,
        maxBounces: check.maxBounces,
        detectedAt: check.at,
      },
    }));
