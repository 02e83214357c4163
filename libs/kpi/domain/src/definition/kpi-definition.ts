/**
 * What a KPI (指标) measures, as the indicator library keeps it. Everything a definition says is
 * data, so the same computation folds every KPI, built-in or defined by an analyst.
 */

/** The dimensions a KPI's values can be scoped by. */
export const SCOPE_DIMENSIONS = ['channel', 'audience', 'unit', 'partner', 'region', 'category', 'requestType', 'agent'] as const;
export type ScopeDimension = (typeof SCOPE_DIMENSIONS)[number];

/**
 * The facts a KPI counts: the published events of intake, workflow and knowledge, each read
 * through its typed reader and normalised to one of these kinds (see the app's fact mapping).
 */
export const FACT_KINDS = [
  'ContactReceived',
  'CaseOpened',
  'CaseQueued',
  'FirstResponse',
  'CaseResolved',
  'CaseClosed',
  'CaseCancelled',
  'CaseReopened',
  'CaseEscalated',
  'SlaClockStopped',
  'TaskOpened',
  'TaskClosed',
  'PingPongDetected',
  'FeedbackRecorded',
  'SelfServiceAnswered',
] as const;
export type FactKind = (typeof FACT_KINDS)[number];

export const GRANULARITIES = ['minute', 'hour', 'day', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export const STATISTICS = ['avg', 'p50', 'p90'] as const;
export type Statistic = (typeof STATISTICS)[number];

/** A fact attribute or dimension must hold one of `in` (strings compare as written; booleans as 'true'/'false'). */
export interface Filter {
  readonly field: string;
  readonly in: readonly string[];
}

/** Which facts: one kind, optionally narrowed by filters (all must hold). */
export interface FactSelector {
  readonly fact: FactKind;
  readonly where?: readonly Filter[];
}

/**
 * A later fact of the same customer that undoes a counted one: a self-service answer "became a case"
 * when the customer who got it opened one within the window after it (a case opened at the same
 * instant included). Facts are linked by the customer ids both events carry (see the app's fact mapping).
 */
export interface FollowUp {
  readonly of: FactSelector;
  /** The window after the counted fact, in minutes (72 h = 4320). */
  readonly withinMinutes: number;
}

/** The longest follow-up window a definition may name: 90 days. */
export const MAX_FOLLOW_UP_MINUTES = 90 * 24 * 60;

export type Measure =
  /** How many selected facts happened in the bucket; with `unlessFollowedBy`, those the same customer did not follow up within the window. */
  | { readonly kind: 'count'; readonly of: FactSelector; readonly unlessFollowedBy?: FollowUp }
  /** Numerator facts over denominator facts in the bucket (0..1). */
  | { readonly kind: 'rate'; readonly numerator: FactSelector; readonly denominator: FactSelector }
  /** The average of a numeric attribute of the selected facts (CSAT). */
  | { readonly kind: 'average'; readonly of: FactSelector; readonly attribute: string }
  /**
   * The time from a `from` fact to a `to` fact of the same pair (a case, a task), in calendar
   * minutes or in business minutes on the holding unit's calendar; attributed to the bucket of
   * the end. `until` says which end counts when there are several (the first response, the last resolution).
   */
  | {
      readonly kind: 'duration';
      readonly from: FactSelector;
      readonly to: FactSelector;
      readonly statistic: Statistic;
      readonly time: 'calendar' | 'business';
      readonly until: 'first' | 'last';
    }
  /** A level: `up` facts minus `down` facts since the beginning, as of the end of each bucket (the backlog). */
  | { readonly kind: 'level'; readonly up: FactSelector; readonly down: FactSelector };

export type MeasureKind = Measure['kind'];

/** Whether a higher or a lower value is better: which side of a threshold is a breach. */
export type Direction = 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';

/** What an analyst writes: everything of a KPI but its id and version. */
export interface KpiSpecification {
  readonly names: { readonly zh: string; readonly en: string };
  readonly description: string;
  readonly dimensions: readonly ScopeDimension[];
  readonly measure: Measure;
  readonly filters: readonly Filter[];
  readonly unitOfMeasure: string;
  readonly target: number | null;
  readonly warning: number | null;
  readonly direction: Direction;
  readonly granularities: readonly Granularity[];
}

/** One version of a KPI definition: what every computed value says it was computed by. */
export interface KpiDefinitionVersion extends KpiSpecification {
  readonly kpiId: string;
  readonly version: number;
}

export const KPI_ID_PATTERN = /^[a-z][a-z0-9-]{1,62}$/;
