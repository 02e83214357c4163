import { MEASURES, type CubeQuery, type Dimension, type Measure } from '@collab/data-domain';

const CITY = `case when c.region is null then null when split_part(c.region, '-', 2) = '' then c.region
  else split_part(c.region, '-', 1) || '-' || split_part(c.region, '-', 2) end`;
const categoryTo = (depth: number) => `array_to_string((string_to_array(c.category, '/'))[1:${depth}], '/')`;

/** Each dimension as a SQL expression over a fact `f` and its case `c`; times are bucketed in UTC. */
export const DIMENSION_SQL: Record<Dimension, string> = {
  'time.month': `to_char(f.at at time zone 'UTC', 'YYYY-MM')`,
  'time.week': `to_char(f.at at time zone 'UTC', 'IYYY-"W"IW')`,
  'time.day': `to_char(f.at at time zone 'UTC', 'YYYY-MM-DD')`,
  'time.hour': `to_char(f.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24":00Z"')`,
  'region.group': `case when c.region is null then null else 'GROUP' end`,
  'region.province': `nullif(split_part(c.region, '-', 1), '')`,
  'region.city': CITY,
  'category.level1': categoryTo(1),
  'category.level2': categoryTo(2),
  'category.level3': categoryTo(3),
  channel: 'coalesce(f.channel, c.channel)',
  audience: 'c.audience',
  unit: 'coalesce(f.unit, c.queue)',
  partner: 'coalesce(f.partner, c.requester_partner)',
  requestType: 'c.request_type',
  priority: 'c.priority',
  customerTier: 'c.customer_tier',
  language: 'c.language',
};

const COLUMN = { calendarMinutes: 'f.calendar_minutes', businessMinutes: 'f.business_minutes', csat: 'f.csat' } as const;
const quoted = (kinds: readonly string[]) => kinds.map((kind) => `'${kind}'`).join(', ');

/** A measure as an aggregate over the facts of its kinds (kinds are a closed list, never caller text). */
export const measureSql = (measure: Measure): string => {
  const definition = MEASURES[measure];
  const where = `filter (where f.kind in (${quoted(definition.kinds)}))`;
  switch (definition.aggregate) {
    case 'count':
      return `(count(*) ${where})::int`;
    case 'avg':
      return `round((avg(${COLUMN[definition.of]}) ${where})::numeric, 2)::float8`;
    case 'sum':
      return `round((sum(${COLUMN[definition.of]}) ${where})::numeric, 2)::float8`;
    case 'median':
      return `round((percentile_cont(0.5) within group (order by ${COLUMN[definition.of]}) ${where})::numeric, 2)::float8`;
  }
};

/** The grouped statement and its parameters: values only ever travel as parameters. */
export const cubeStatement = (query: CubeQuery, grouped: boolean): { sql: string; params: unknown[] } => {
  const kinds = [...new Set(query.measures.flatMap((measure) => MEASURES[measure].kinds))];
  const params: unknown[] = [query.from, query.to, kinds];
  const filters = query.filters.map((filter) => {
    params.push([...filter.values]);
    return `${DIMENSION_SQL[filter.dimension]} = any($${params.length}::text[])`;
  });
  const dimensions = grouped ? query.dimensions.map((dimension, index) => `${DIMENSION_SQL[dimension]} as d${index}`) : [];
  const measures = query.measures.map((measure, index) => `${measureSql(measure)} as m${index}`);
  const groupBy = grouped && dimensions.length > 0 ? `group by ${dimensions.map((_, index) => index + 1).join(', ')} order by ${dimensions.map((_, index) => `${index + 1} nulls last`).join(', ')}` : '';
  const sql = `select ${[...dimensions, ...measures].join(', ')}
    from data.fact f left join data.case_dim c on c.case_id = f.case_id
    where f.at >= $1 and f.at < $2 and f.kind = any($3::text[])${filters.map((filter) => ` and ${filter}`).join('')}
    ${groupBy}`;
  return { sql, params };
};
