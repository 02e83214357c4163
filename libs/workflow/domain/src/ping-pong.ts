import type { SupervisorDirectory } from './actor';

export interface PingPongUnit {
  readonly unitId: string;
  /** Null when the org directory named no supervisor for the unit. */
  readonly supervisorId: string | null;
}

/** The case bounced between the same two units more often than the policy allows; escalated to both supervisors. */
export interface PingPongDetected {
  readonly type: 'PingPongDetected';
  readonly data: {
    readonly caseId: string;
    readonly units: readonly [PingPongUnit, PingPongUnit];
    readonly bounces: number;
    readonly maxBounces: number;
    readonly detectedAt: string;
  };
}

/** One hand-off of a case between two holders (queues, units, partners), in the order they happened. */
export interface Handoff {
  readonly from: string;
  readonly to: string;
  readonly at: string;
  /** A transfer of the case, a collaboration request, or a task returned (退单) to the unit that asked. */
  readonly kind: 'TRANSFER' | 'REQUEST' | 'RETURN';
}

export interface PairBounces {
  /** The two units, the one that handed off first first. */
  readonly units: readonly [string, string];
  /** How many times a hand-off between them reversed the direction of the one before. */
  readonly bounces: number;
}

/** The same key for A ⇄ B and B ⇄ A. */
export const pairKey = (a: string, b: string): string => (a < b ? `${a}⇄${b}` : `${b}⇄${a}`);

interface Tally {
  readonly units: readonly [string, string];
  readonly lastFrom: string;
  readonly bounces: number;
}

/**
 * Bounces per pair of units. A → B then B → A is one bounce; a repeated A → B is none (asking the
 * same unit twice is not a bounce). Hand-offs involving other units in between change nothing.
 */
export const bouncesByPair = (handoffs: readonly Handoff[]): PairBounces[] => {
  const tallies = new Map<string, Tally>();
  for (const { from, to } of handoffs) {
    if (from === to) continue;
    const key = pairKey(from, to);
    const tally = tallies.get(key);
    if (tally === undefined) tallies.set(key, { units: [from, to], lastFrom: from, bounces: 0 });
    else
      tallies.set(key, {
        ...tally,
        lastFrom: from,
        bounces: tally.bounces + (tally.lastFrom === from ? 0 : 1),
      });
  }
  return [...tallies.values()].map(({ units, bounces }) => ({ units, bounces }));
};

export interface PingPongCheck {
  readonly caseId: string;
  /** More bounces than this between two units is a ping-pong (CasePolicy.pingPongMaxBounces). */
  readonly maxBounces: number;
  readonly supervisors: SupervisorDirectory;
  /** Pair keys (pairKey) already raised on this case: each pair is raised once. */
  readonly alreadyRaised: readonly string[];
  readonly at: string;
}

/** A PingPongDetected for every pair over the threshold that was not raised before, in order of first contact. */
export const detectPingPong = (handoffs: readonly Handoff[], check: PingPongCheck): PingPongDetected[] =>
  bouncesByPair(handoffs)
    .filter(
      ({ units, bounces }) => bounces > check.maxBounces && !check.alreadyRaised.includes(pairKey(...units)),
    )
    .map(({ units: [a, b], bounces }) => ({
      type: 'PingPongDetected',
      data: {
        caseId: check.caseId,
        units: [
          { unitId: a, supervisorId: check.supervisors[a] ?? null },
          { unitId: b, supervisorId: check.supervisors[b] ?? null },
        ],
        bounces,
        maxBounces: check.maxBounces,
        detectedAt: check.at,
      },
    }));
