import { z } from 'zod';
import {
  FACT_KINDS,
  GRANULARITIES,
  SCOPE_DIMENSIONS,
  STATISTICS,
  type FactSelector,
  type Filter,
  type KpiDefinitionVersion,
  type Measure,
  type Standing,
} from '@collab/kpi-domain';
import { answerSchema, instant, listPageSchema } from '@collab/service-kit';
import type { KpiAlert } from './alerts/kpi-alert-list';
import type { KpiView } from './definitions/kpi-views';

/** What the KPI service's REST API answers: the indicator library, values by bucket, scorecards and backfills. */

const filter: z.ZodType<Filter> = answerSchema('KpiFilter', z.object({ field: z.string(), in: z.array(z.string()) }));
const factSelector: z.ZodType<FactSelector> = answerSchema(
  'KpiFactSelector',
  z.object({ fact: z.enum(FACT_KINDS), where: z.array(filter).exactOptional() }),
);

const measure: z.ZodType<Measure> = answerSchema(
  'KpiMeasure',
  z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('count'),
      of: factSelector,
      unlessFollowedBy: z.object({ of: factSelector, withinMinutes: z.number().int() }).exactOptional(),
    }),
    z.object({ kind: z.literal('rate'), numerator: factSelector, denominator: factSelector }),
    z.object({ kind: z.literal('average'), of: factSelector, attribute: z.string() }),
    z.object({
      kind: z.literal('duration'),
      from: factSelector,
      to: factSelector,
      statistic: z.enum(STATISTICS),
      time: z.enum(['calendar', 'business']),
      until: z.enum(['first', 'last']),
    }),
    z.object({ kind: z.literal('level'), up: factSelector, down: factSelector }),
  ]),
);

const names = z.object({ zh: z.string(), en: z.string() });
const direction = z.enum(['HIGHER_IS_BETTER', 'LOWER_IS_BETTER']) satisfies z.ZodType<KpiDefinitionVersion['direction']>;
const standing = z.enum(['MET', 'WARNING', 'BREACHED', 'NO_TARGET', 'NO_DATA']) satisfies z.ZodType<Standing>;

/** A KPI in its newest version, with the numbers of all its versions (every definition operation answers it). */
export const kpiViewSchema: z.ZodType<KpiView> = answerSchema(
  'KpiView',
  z.object({
    id: z.string(),
    version: z.number().int(),
    status: z.enum(['ACTIVE', 'RETIRED']),
    builtIn: z.boolean(),
    versions: z.array(z.number().int()),
    names,
    description: z.string(),
    dimensions: z.array(z.enum(SCOPE_DIMENSIONS)),
    measure,
    filters: z.array(filter),
    unitOfMeasure: z.string(),
    target: z.number().nullable(),
    warning: z.number().nullable(),
    direction,
    granularities: z.array(z.enum(GRANULARITIES)),
  }),
);

/** The indicator library, one page of it. */
export const kpiListSchema = listPageSchema('KpiList', kpiViewSchema);

const valuePoint = answerSchema(
  'KpiValuePoint',
  z.object({
    bucket: z.string().meta({ description: 'The start of the bucket, ISO 8601 in UTC.' }),
    value: z.number().nullable(),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    samples: z.number().int(),
    standing,
  }),
);

export type ValuePoint = z.infer<typeof valuePoint>;

/** A KPI's values by bucket, naming the definition version they were computed by. */
export const kpiSeriesSchema = answerSchema(
  'KpiSeries',
  z.object({
    kpiId: z.string(),
    version: z.number().int(),
    names,
    unitOfMeasure: z.string(),
    direction,
    target: z.number().nullable(),
    warning: z.number().nullable(),
    scope: z.string().meta({ description: '`whole`, or `<dimension>:<id>`.' }),
    granularity: z.enum(GRANULARITIES),
    from: instant,
    to: instant,
    values: z.array(valuePoint),
  }),
);

export type KpiSeries = z.infer<typeof kpiSeriesSchema>;

/** The same values as CSV (`Accept: text/csv`). */
export const kpiSeriesCsvSchema = answerSchema(
  'KpiSeriesCsv',
  z.string().meta({
    description: 'RFC 4180 CSV, one row per bucket: kpi_id,version,scope,granularity,bucket,value,numerator,denominator,samples,standing.',
  }),
);

const scorecardLine = answerSchema(
  'KpiScorecardLine',
  z.object({
    kpiId: z.string(),
    version: z.number().int(),
    names,
    unitOfMeasure: z.string(),
    value: z.number().nullable(),
    target: z.number().nullable(),
    warning: z.number().nullable(),
    direction,
    standing,
  }),
);

export type ScorecardLine = z.infer<typeof scorecardLine>;

export const scorecardSchema = answerSchema(
  'KpiScorecard',
  z.object({
    scope: z.string(),
    month: z.string().meta({ description: 'YYYY-MM (UTC).' }),
    /** One line per live KPI version kept by this dimension: during a transition both versions of a KPI appear, each named. */
    lines: z.array(scorecardLine),
  }),
);
export type Scorecard = z.infer<typeof scorecardSchema>;

const backfillProgress = answerSchema(
  'KpiBackfillProgress',
  z.object({ kpiId: z.string(), version: z.number().int(), total: z.number().int(), done: z.number().int(), status: z.enum(['RUNNING', 'DONE', 'FAILED']) }),
);
export type BackfillProgress = z.infer<typeof backfillProgress>;
/** A KPI's backfills, one per version, oldest version first. */
export const backfillsSchema = listPageSchema('KpiBackfills', backfillProgress);

const alert: z.ZodType<KpiAlert> = answerSchema(
  'KpiAlert',
  z.strictObject({
    id: z.string(),
    type: z.enum(['KpiThresholdCrossed', 'KpiThresholdRecovered']),
    kpiId: z.string(),
    version: z.number().int(),
    scope: z.string().meta({ description: '`whole`, or `<dimension>:<id>`.' }),
    granularity: z.enum(['hour', 'day']),
    bucket: z.string().meta({ description: 'The start of the bucket watched, ISO 8601 in UTC.' }),
    threshold: z.enum(['WARNING', 'TARGET']),
    thresholdValue: z.number(),
    direction,
    value: z.number(),
    standing: z.enum(['MET', 'WARNING', 'BREACHED']).meta({ description: 'Where the figure stands once the threshold was passed.' }),
    at: instant,
  }),
);

/** KPI alerts (threshold crossed, recovered), in the order they were recorded. */
export const kpiAlertListSchema = listPageSchema('KpiAlertList', alert);
