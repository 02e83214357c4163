/** One edge of the service dependency map: `from` handed work to `to` (a unit or a partner). */
export interface DependencyEdge {
  readonly from: string;
  readonly to: { readonly kind: 'UNIT' | 'PARTNER'; readonly id: string };
  readonly volume: number;
  readonly returned: number;
  /** Median request → completion or return, in business minutes on the task's calendar; null while none ended. */
  readonly medianTurnaroundBusinessMinutes: number | null;
  readonly pingPongs: number;
}

export type BottleneckReason = 'TURNAROUND' | 'RETURNS';

export interface Bottleneck {
  readonly from: string;
  readonly to: string;
  readonly reasons: readonly BottleneckReason[];
}

/** How much worse than the rest an edge must be to be named: half again slower, or returning a fifth more of its tasks. */
export const TURNAROUND_FACTOR = 1.5;
export const RETURN_RATE_MARGIN = 0.2;

const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

export const returnRateOf = (edge: Pick<DependencyEdge, 'volume' | 'returned'>): number => (edge.volume === 0 ? 0 : edge.returned / edge.volume);

const reasonsOf = (edge: DependencyEdge, rest: readonly DependencyEdge[]): BottleneckReason[] => {
  const restTurnaround = median(rest.flatMap((other) => (other.medianTurnaroundBusinessMinutes === null ? [] : [other.medianTurnaroundBusinessMinutes])));
  const restVolume = rest.reduce((sum, other) => sum + other.volume, 0);
  const restReturnRate = restVolume === 0 ? 0 : rest.reduce((sum, other) => sum + other.returned, 0) / restVolume;
  const slow = edge.medianTurnaroundBusinessMinutes !== null && restTurnaround !== null && edge.medianTurnaroundBusinessMinutes > TURNAROUND_FACTOR * restTurnaround;
  const returning = returnRateOf(edge) > restReturnRate + RETURN_RATE_MARGIN;
  return [...(slow ? (['TURNAROUND'] as const) : []), ...(returning ? (['RETURNS'] as const) : [])];
};

/**
 * The bottlenecks: the edges whose median turnaround is more than 1.5× the median of the other edges'
 * medians, or whose return rate exceeds the other edges' together by more than 0.2. An edge is judged
 * against the rest, so one bad edge cannot hide itself by raising the average; a map of one edge names none.
 */
export const bottlenecksOf = (edges: readonly DependencyEdge[]): Bottleneck[] =>
  edges.flatMap((edge, index) => {
    const reasons = reasonsOf(edge, edges.filter((_, other) => other !== index));
    return reasons.length === 0 || edges.length < 2 ? [] : [{ from: edge.from, to: edge.to.id, reasons }];
  });
