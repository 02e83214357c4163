import { Inject, Injectable } from '@nestjs/common';
import { navigationOf, type CubeQuery } from '@collab/data-domain';
import { DATABASE, type Database } from '@collab/service-kit';
import { cubeStatement } from './cube-sql';
import type { CubeRow, CubeSlice } from './cube.answers';


/** Answers cube queries from the fact store. */
@Injectable()
export class DataCube {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  async slice(query: CubeQuery): Promise<CubeSlice> {
    const named = (row: Record<string, unknown>, withDimensions: boolean): CubeRow => {
      const entries: [string, string | number | null][] = [
        ...(withDimensions ? query.dimensions.map((dimension, index): [string, string | null] => [dimension, (row[`d${index}`] as string | null) ?? null]) : []),
        ...query.measures.map((measure, index): [string, number | null] => [measure, (row[`m${index}`] as number | null) ?? null]),
      ];
      return Object.fromEntries(entries);
    };
    const grouped = cubeStatement(query, true);
    const total = cubeStatement(query, false);
    const rows = (await this.database.pool.query(grouped.sql, grouped.params)).rows as Record<string, unknown>[];
    const totals = (await this.database.pool.query(total.sql, total.params)).rows as Record<string, unknown>[];
    return {
      from: query.from.toISOString(),
      to: query.to.toISOString(),
      measures: [...query.measures],
      dimensions: [...query.dimensions],
      filters: Object.fromEntries(query.filters.map((filter) => [filter.dimension, [...filter.values]])),
      rows: rows.map((row) => named(row, true)),
      totals: named(totals[0] ?? {}, false),
      ...navigationOf(query.dimensions),
    };
  }
}

const csvField = (value: string | number | null): string => {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** The slice's rows as CSV (RFC 4180): a header of the dimensions then the measures. */
export const sliceAsCsv = (slice: CubeSlice): string => {
  const columns = [...slice.dimensions, ...slice.measures];
  return [columns.join(','), ...slice.rows.map((row) => columns.map((column) => csvField(row[column] ?? null)).join(','))].join('\r\n') + '\r\n';
};
