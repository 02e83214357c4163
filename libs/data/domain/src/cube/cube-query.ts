import { DIMENSIONS, drillDownOf, isDimension, rollUpOf, type Dimension } from './dimensions';
import { MEASURE_NAMES, isMeasure, type Measure } from './measures';

export interface CubeFilter {
  readonly dimension: Dimension;
  readonly values: readonly string[];
}

/** A slice of the cube: the measures per combination of the dimensions' values, within [from, to). */
export interface CubeQuery {
  readonly measures: readonly Measure[];
  readonly dimensions: readonly Dimension[];
  readonly filters: readonly CubeFilter[];
  readonly from: Date;
  readonly to: Date;
}

export interface RawCubeQuery {
  readonly measures?: string | undefined;
  readonly dimensions?: string | undefined;
  readonly filters?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

export interface QueryProblem {
  readonly field: string;
  readonly message: string;
}

export const MAX_DIMENSIONS = 4;
const listOf = (text: string | undefined): string[] => (text ?? '').split(',').map((item) => item.trim()).filter((item) => item !== '');
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

const measuresOf = (text: string | undefined, problems: QueryProblem[]): Measure[] => {
  const names = listOf(text);
  if (names.length === 0) problems.push({ field: 'measures', message: `must name at least one measure: ${MEASURE_NAMES.join(', ')}` });
  const unknown = names.filter((name) => !isMeasure(name));
  if (unknown.length > 0) problems.push({ field: 'measures', message: `unknown measure ${unknown.map((name) => `'${name}'`).join(', ')}; known: ${MEASURE_NAMES.join(', ')}` });
  return [...new Set(names.filter(isMeasure))];
};

const dimensionsOf = (text: string | undefined, problems: QueryProblem[]): Dimension[] => {
  const names = listOf(text);
  const unknown = names.filter((name) => !isDimension(name));
  if (unknown.length > 0) problems.push({ field: 'dimensions', message: `unknown dimension ${unknown.map((name) => `'${name}'`).join(', ')}; known: ${DIMENSIONS.join(', ')}` });
  if (names.length > MAX_DIMENSIONS) problems.push({ field: 'dimensions', message: `at most ${MAX_DIMENSIONS} dimensions at once` });
  return [...new Set(names.filter(isDimension))];
};

/** `filters=region.province:GD,channel:app|web`: each dimension once, its values separated by `|`. */
const filtersOf = (text: string | undefined, problems: QueryProblem[]): CubeFilter[] =>
  listOf(text).flatMap((item) => {
    const separator = item.indexOf(':');
    const [name, values] = separator < 0 ? [item, []] : [item.slice(0, separator), item.slice(separator + 1).split('|').filter((value) => value !== '')];
    if (!isDimension(name)) {
      problems.push({ field: 'filters', message: `unknown dimension '${name}'; known: ${DIMENSIONS.join(', ')}` });
      return [];
    }
    if (values.length === 0) {
      problems.push({ field: 'filters', message: `'${item}' must read dimension:value (values separated by |)` });
      return [];
    }
    return [{ dimension: name, values }];
  });

const instantOf = (field: 'from' | 'to', text: string | undefined, problems: QueryProblem[]): Date | undefined => {
  if (text === undefined || text === '') {
    problems.push({ field, message: 'is required: an ISO 8601 date or instant' });
    return undefined;
  }
  const instant = ISO_INSTANT.test(text) ? new Date(text) : new Date(Number.NaN);
  if (Number.isNaN(instant.getTime())) problems.push({ field, message: `'${text}' is not an ISO 8601 date or instant` });
  return Number.isNaN(instant.getTime()) ? undefined : instant;
};

/** Reads a cube query from its query-string parameters, naming every problem at once. */
export const readCubeQuery = (raw: RawCubeQuery): { query: CubeQuery } | { problems: QueryProblem[] } => {
  const problems: QueryProblem[] = [];
  const measures = measuresOf(raw.measures, problems);
  const dimensions = dimensionsOf(raw.dimensions, problems);
  const filters = filtersOf(raw.filters, problems);
  const from = instantOf('from', raw.from, problems);
  const to = instantOf('to', raw.to, problems);
  if (from && to && to <= from) problems.push({ field: 'to', message: 'must be after from' });
  if (problems.length > 0 || !from || !to) return { problems };
  return { query: { measures, dimensions, filters, from, to } };
};

/** Where each asked dimension leads: one level finer (drill-down) and one coarser (roll-up). */
export const navigationOf = (dimensions: readonly Dimension[]): { drillDown: Record<string, Dimension>; rollUp: Record<string, Dimension> } => {
  const leading = (step: (dimension: Dimension) => Dimension | undefined) =>
    Object.fromEntries(dimensions.flatMap((dimension) => {
      const next = step(dimension);
      return next === undefined ? [] : [[dimension, next] as const];
    }));
  return { drillDown: leading(drillDownOf), rollUp: leading(rollUpOf) };
};
