import type { Direction } from '../definition/kpi-definition';

/** The granularities alerts watch. */
export const WATCHED_GRANULARITIES = ['hour', 'day'] as const;
export type WatchedGranularity = (typeof WATCHED_GRANULARITIES)[number];

/**
 * Which figure an alert watches: one KPI version in one scope, one bucket of one granularity.
 * Watched are the hour and the day buckets (of the granularities the KPI keeps) that new facts fall
 * in: live, that is the current hour and day; minutes are too noisy to alert on and a month too slow.
 */
export interface AlertSubject {
  readonly kpiId: string;
  readonly version: number;
  /** `whole`, or `<dimension>:<id>` as the values API names scopes. */
  readonly scope: string;
  readonly granularity: WatchedGranularity;
  /** The bucket's start, ISO 8601 in UTC. */
  readonly bucket: string;
}

/** The two thresholds a KPI may have: the warning (an early sign) and the target (the commitment). */
export type Threshold = 'WARNING' | 'TARGET';
/** Where the figure stands once the threshold is passed. */
export type AlertStanding = 'MET' | 'WARNING' | 'BREACHED';

interface Passing extends AlertSubject {
  readonly threshold: Threshold;
  readonly thresholdValue: number;
  readonly direction: Direction;
  readonly value: number;
}

/** The figure went past a threshold on its bad side (above for lower-is-better, below for higher-is-better). */
export type KpiThresholdCrossed = { readonly type: 'KpiThresholdCrossed'; readonly data: Passing & { readonly standing: 'WARNING' | 'BREACHED'; readonly crossedAt: string } };
/** The figure came back to the good side of a threshold it had crossed. */
export type KpiThresholdRecovered = { readonly type: 'KpiThresholdRecovered'; readonly data: Passing & { readonly standing: 'MET' | 'WARNING'; readonly recoveredAt: string } };

export type KpiAlertEvent = KpiThresholdCrossed | KpiThresholdRecovered;
export const KPI_ALERT_EVENT_TYPES = ['KpiThresholdCrossed', 'KpiThresholdRecovered'] as const;

/** One stream per watched bucket; `:` never occurs in a KPI id, so it cannot meet a definition's `kpi-<kpiId>`. */
export const kpiAlertStreamId = ({ kpiId, version, scope, granularity, bucket }: AlertSubject): string =>
  `kpi-alert:${kpiId}:v${version}:${granularity}:${bucket}:${scope}`;
