import type { Measure } from '@collab/kpi-domain';

/** Bucket start as ISO text in UTC; `$5` is the granularity (minute, hour, day, month). */
const BUCKET = `to_char(date_trunc($5, at at time zone 'UTC'), 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/** The row per bucket each kind of measure aggregates to: value (null for an empty rate), numerator, denominator, samples. */
const aggregateOf = (measure: Measure): string => {
  switch (measure.kind) {
    case 'count':
      return `sum(value) as value, null::float8 as numerator, null::float8 as denominator, count(*) as samples`;
    case 'average':
      return `avg(value) as value, null::float8 as numerator, null::float8 as denominator, count(*) as samples`;
    case 'rate':
      return `sum(value) filter (where part = 'num') / nullif(sum(value) filter (where part = 'den'), 0) as value,
              coalesce(sum(value) filter (where part = 'num'), 0) as numerator, coalesce(sum(value) filter (where part = 'den'), 0) as denominator,
              count(*) filter (where part = 'den') as samples`;
    case 'duration': {
      // Every sample is kept, so the percentile is exact (nearest rank), not an estimate.
      const value = measure.statistic === 'avg' ? 'avg(value)' : `percentile_disc(${measure.statistic === 'p50' ? 0.5 : 0.9}) within group (order by value)`;
      return `${value} as value, null::float8 as numerator, null::float8 as denominator, count(*) as samples`;
    }
    case 'level':
      return `sum(case part when 'up' then value else -value end) as value, null::float8 as numerator, null::float8 as denominator, count(*) as samples`;
  }
};

export interface SeriesQuery {
  readonly sql: string;
  readonly params: unknown[];
}

export interface SeriesBase {
  readonly kpiId: string;
  readonly version: number;
  readonly from: string;
  readonly to: string;
  readonly granularity: string;
}

export type Narrowing = readonly { readonly field: string; readonly values: readonly string[] }[];

const conditionsOf = (narrowing: Narrowing, params: unknown[]): string[] =>
  narrowing.map(({ field, values }) => {
    params.push(field, values);
    return `dims->>$${params.length - 1} = any($${params.length}::text[])`;
  });

/**
 * One KPI version's buckets in [from, to) at a granularity, narrowed by a scope (`field` = any of
 * `values`) and the definition's filters, both on the observation's scoped dimensions.
 */
export const seriesQuery = (measure: Measure, base: SeriesBase, narrowing: Narrowing): SeriesQuery => {
  const params: unknown[] = [base.kpiId, base.version, base.from, base.to, base.granularity];
  const where = ['kpi_id = $1', 'version = $2', 'at >= $3', 'at < $4', ...conditionsOf(narrowing, params)].join(' and ');
  return { sql: `select ${BUCKET} as bucket, ${aggregateOf(measure)} from kpi.observation where ${where} group by 1 order by 1`, params };
};

/** A level's value before `from` (the backlog carried in): every step up to then. */
export const levelBaseQuery = (base: SeriesBase, narrowing: Narrowing): SeriesQuery => {
  const params: unknown[] = [base.kpiId, base.version, base.from];
  const where = ['kpi_id = $1', 'version = $2', 'at < $3', ...conditionsOf(narrowing, params)].join(' and ');
  return { sql: `select coalesce(sum(case part when 'up' then value else -value end), 0) as value from kpi.observation where ${where}`, params };
};
