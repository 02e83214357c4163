import type { RoutingDecision, RoutingRule } from '../routing';

/**
 * Process definitions (DESIGN.md §4): versioned, per request type / category / audience. A case
 * keeps the version it started with; publishing a new version changes only cases opened after it.
 */

/** Who is responsible at a stage: the front line, an internal department (OLA) or a partner (underpinning contract). */
export type StageUnitType = 'FRONT_LINE' | 'DEPARTMENT' | 'PARTNER';

/** A stage's service level, in business minutes on the named calendar. */
export interface StageSla {
  readonly calendarId: string;
  /** First response (the case) or acceptance (a collaboration task). */
  readonly responseWithinBusinessMinutes: number;
  /** Resolution (the case) or completion (a collaboration task). */
  readonly resolutionWithinBusinessMinutes: number;
}

export interface ProcessStage {
  readonly id: string;
  readonly name: string;
  readonly unitType: StageUnitType;
  readonly sla: StageSla;
}

/** Whom an escalation level alerts, resolved in the org directory when it fires. */
export type EscalationTarget = 'UNIT_SUPERVISOR' | 'PARENT_UNIT_SUPERVISOR';

/** Reached when `atPercent` of the SLA has elapsed in business time; level 1 is at the breach (100). */
export interface EscalationLevel {
  readonly level: number;
  readonly atPercent: number;
  readonly notify: EscalationTarget;
}

/** Warn at `warnAtPercent` of the SLA (SlaWarning); at breach and beyond, escalate level by level. */
export interface EscalationPolicy {
  readonly warnAtPercent: number;
  readonly levels: readonly EscalationLevel[];
}

/** Which new cases a process applies to; an absent list matches anything. Category matches downwards. */
export interface ProcessScope {
  readonly requestTypes?: readonly string[];
  readonly categories?: readonly string[];
  readonly audiences?: readonly string[];
}

/** What an administrator publishes: a whole process, every part of it at once. */
export interface ProcessDefinition {
  /** A slug such as `billing-complaints`; `default` is the catch-all for cases no other process takes. */
  readonly processId: string;
  readonly name: string;
  readonly scope: ProcessScope;
  /** In order: the first matching rule routes the case. */
  readonly routingRules: readonly RoutingRule[];
  /** Where a case goes when no rule matches. */
  readonly fallback: RoutingDecision;
  /** In order; the first FRONT_LINE stage is the case's own main line. */
  readonly stages: readonly ProcessStage[];
  readonly escalation: EscalationPolicy;
}

/** One published, immutable version of a process. */
export interface PublishedProcess extends ProcessDefinition {
  readonly version: number;
  readonly publishedAt: string;
}
