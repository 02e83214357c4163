import { WATCHED_GRANULARITIES, statisticOf, type KpiDefinitionVersion, type WatchedGranularity } from '@collab/kpi-domain';

/** One observation of a KPI version as the history replays it: when its fact was journalled (`seq`), its instant, scope and value. */
export interface HistoryRow {
  readonly seq: number;
  readonly at: Date;
  readonly dims: Readonly<Record<string, string | undefined>>;
  readonly part: string;
  readonly value: number;
}

/** One watched bucket's figure each time live checking would have looked at it, in journal order, with the instant of the fact that moved it. */
export interface BucketHistory {
  readonly scope: string;
  readonly granularity: WatchedGranularity;
  readonly bucket: string;
  readonly steps: { readonly value: number | null; readonly at: string }[];
}

interface WatchedScope {
  readonly text: string;
  readonly contains: (row: HistoryRow) => boolean;
}

const HOUR = 3_600_000;
const DAY = 86_400_000;
const startOf = (at: Date, granularity: WatchedGranularity): number => Math.floor(at.getTime() / (granularity === 'hour' ? HOUR : DAY)) * (granularity === 'hour' ? HOUR : DAY);
const endOf = (start: number, granularity: WatchedGranularity): number => start + (granularity === 'hour' ? HOUR : DAY);
/** `2026-11-30T00:00:00Z`, as the values API and the alert streams name buckets. */
const bucketText = (start: number): string => new Date(start).toISOString().replace('.000Z', 'Z');

/** A bucket's figure, kept as the series query aggregates it (series-sql.ts), one observation at a time. */
class Figure {
  private sum = 0;
  private num = 0;
  private den = 0;
  private readonly samples: number[] = [];

  add(row: HistoryRow): void {
    this.sum += row.part === 'down' ? -row.value : row.value;
    if (row.part === 'num') this.num += row.value;
    if (row.part === 'den') this.den += row.value;
    this.samples.push(row.value);
  }

  value(definition: KpiDefinitionVersion): number | null {
    const { measure } = definition;
    switch (measure.kind) {
      case 'count':
        return this.samples.length === 0 ? null : this.sum;
      case 'average':
        return statisticOf('avg', this.samples);
      case 'rate':
        return this.den === 0 ? null : this.num / this.den;
      case 'duration':
        return statisticOf(measure.statistic, this.samples);
      case 'level':
        return this.sum;
    }
  }
}

/**
 * A level's figure is every step up to the bucket's end, so each scope keeps its steps: the figure of
 * a bucket is their sum before its end (as the values API carries the backlog in).
 */
class LevelSteps {
  private readonly steps: { at: number; step: number }[] = [];

  add(row: HistoryRow): void {
    this.steps.push({ at: row.at.getTime(), step: row.part === 'down' ? -row.value : row.value });
  }

  before(end: number): number {
    return this.steps.reduce((sum, { at, step }) => (at < end ? sum + step : sum), 0);
  }
}

const passesFilters = (definition: KpiDefinitionVersion, row: HistoryRow): boolean =>
  definition.filters.every((filter) => {
    const value = row.dims[filter.field];
    return value !== undefined && filter.in.includes(value);
  });

/**
 * The scopes live checking watches on a day, each from the first fact that gave it a figure of its
 * own: the whole organisation, and every unit and partner with figures that day (a unit's figure
 * takes in the units below it, by today's tree).
 */
const scopesByDay = (rows: readonly HistoryRow[], unitsBelow: (unitId: string) => readonly string[]): Map<number, Map<string, { scope: WatchedScope; from: number }>> => {
  const days = new Map<number, Map<string, { scope: WatchedScope; from: number }>>();
  for (const row of rows) {
    const day = startOf(row.at, 'day');
    const scopes = days.get(day) ?? new Map<string, { scope: WatchedScope; from: number }>([['whole', { scope: { text: 'whole', contains: () => true }, from: 0 }]]);
    days.set(day, scopes);
    const { unit, partner } = row.dims;
    if (unit !== undefined && !scopes.has(`unit:${unit}`)) {
      const below = new Set(unitsBelow(unit));
      scopes.set(`unit:${unit}`, { scope: { text: `unit:${unit}`, contains: (other) => other.dims['unit'] !== undefined && below.has(other.dims['unit']) }, from: row.seq });
    }
    if (partner !== undefined && !scopes.has(`partner:${partner}`))
      scopes.set(`partner:${partner}`, { scope: { text: `partner:${partner}`, contains: (other) => other.dims['partner'] === partner }, from: row.seq });
  }
  return days;
};

type DayScopes = ReadonlyMap<string, { readonly scope: WatchedScope; readonly from: number }>;

/** The replay's running figures: per watched bucket and scope, and a level's steps per scope. */
class Replay {
  private readonly granularities: readonly WatchedGranularity[];
  private readonly figures = new Map<string, Figure>();
  private readonly levels = new Map<string, LevelSteps>();
  readonly histories = new Map<string, BucketHistory>();

  constructor(
    private readonly definition: KpiDefinitionVersion,
    private readonly allScopes: readonly WatchedScope[],
  ) {
    this.granularities = WATCHED_GRANULARITIES.filter((granularity) => definition.granularities.includes(granularity));
  }

  add(row: HistoryRow, scopes: DayScopes): void {
    if (this.definition.measure.kind === 'level') for (const scope of this.allScopes) if (scope.contains(row)) this.levelOf(scope.text).add(row);
    for (const { scope, from } of scopes.values()) for (const granularity of this.granularities) this.step(row, scope, from, granularity);
  }

  /** Checked when the fact falls in the scope, or when the scope is first watched (its earlier figures included). */
  private step(row: HistoryRow, scope: WatchedScope, from: number, granularity: WatchedGranularity): void {
    const start = startOf(row.at, granularity);
    const key = `${scope.text}\u0000${granularity}\u0000${start}`;
    const inScope = scope.contains(row);
    const figure = this.figures.get(key) ?? new Figure();
    this.figures.set(key, figure);
    if (inScope) figure.add(row);
    const history = this.histories.get(key);
    if (row.seq < from || (!inScope && history !== undefined)) return;
    const value = this.definition.measure.kind === 'level' ? this.levelOf(scope.text).before(endOf(start, granularity)) : figure.value(this.definition);
    const step = { value, at: row.at.toISOString() };
    if (history === undefined) this.histories.set(key, { scope: scope.text, granularity, bucket: bucketText(start), steps: [step] });
    else history.steps.push(step);
  }

  private levelOf(scope: string): LevelSteps {
    const found = this.levels.get(scope) ?? new LevelSteps();
    this.levels.set(scope, found);
    return found;
  }
}

/**
 * Replays a KPI version's history as live checking would have seen it, had the version been folded
 * live from the start: the observations in the order their facts were journalled, and after each one
 * the hour and day buckets it fell in (of the granularities the KPI keeps), for every scope watched
 * that day — its figure then, with the fact's instant. Limits (the journal keeps no more): a duration
 * enters once, with its final value, when the later of its facts was journalled; a self-service answer
 * a case took out of deflection never enters.
 */
export const bucketHistories = (definition: KpiDefinitionVersion, rows: readonly HistoryRow[], unitsBelow: (unitId: string) => readonly string[]): BucketHistory[] => {
  const kept = rows.filter((row) => passesFilters(definition, row));
  const days = scopesByDay(kept, unitsBelow);
  const allScopes = new Map([...days.values()].flatMap((scopes) => [...scopes].map(([text, { scope }]) => [text, scope] as const)));
  const replay = new Replay(definition, [...allScopes.values()]);
  for (const row of kept) replay.add(row, days.get(startOf(row.at, 'day')) ?? new Map());
  return [...replay.histories.values()];
};
