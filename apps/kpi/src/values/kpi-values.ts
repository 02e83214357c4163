import { Inject, Injectable } from '@nestjs/common';
import { NotFound, ValidationFailed } from '@collab/domain-kernel';
import { rowsOf } from '@collab/following';
import { standingOf, type Granularity, type KpiDefinitionVersion } from '@collab/kpi-domain';
import { DATABASE, type Database } from '@collab/service-kit';
import { KpiCatalogue } from '../computation/kpi-catalogue';
import { scopeText, type Scope } from './kpi-scope';
import { levelBaseQuery, seriesQuery, type Narrowing, type SeriesBase } from './series-sql';
import type { KpiSeries } from '../kpi.answers';

export interface SeriesRequest {
  readonly kpiId: string;
  readonly version?: number;
  readonly scope: Scope;
  readonly granularity: Granularity;
  readonly from: string;
  readonly to: string;
}

interface SeriesRow {
  readonly bucket: string;
  readonly value: number | string | null;
  readonly numerator: number | string | null;
  readonly denominator: number | string | null;
  readonly samples: number | string;
}

const numberOrNull = (value: number | string | null): number | null => (value === null ? null : Number(value));

/** Reads a KPI version's buckets; a unit's figures include the units below it. */
@Injectable()
export class KpiValues {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly catalogue: KpiCatalogue,
  ) {}

  async definition(kpiId: string, version?: number): Promise<KpiDefinitionVersion & { readonly retired: boolean }> {
    const found = await this.catalogue.version(this.database.pool, kpiId, version);
    if (found === undefined) throw new NotFound(version === undefined ? 'KPI' : `version ${version} of KPI`, kpiId);
    return found;
  }

  /** The unit and every unit below it (today's tree). */
  async unitsBelow(unitId: string): Promise<readonly string[]> {
    const rows = rowsOf<{ unit_id: string }>(
      await this.database.pool.query(
        `with recursive below(unit_id) as (select $1::text union select u.unit_id from kpi.unit u join below b on u.parent_id = b.unit_id) select unit_id from below`,
        [unitId],
      ),
    );
    return rows.map((row) => row.unit_id);
  }

  async series(request: SeriesRequest): Promise<KpiSeries> {
    const definition = await this.definition(request.kpiId, request.version);
    if (!definition.granularities.includes(request.granularity))
      throw new ValidationFailed([{ field: 'granularity', message: `KPI ${definition.kpiId} is kept by ${definition.granularities.join(', ')}` }]);
    return this.seriesOf(definition, request, await this.narrowing(definition, request.scope));
  }

  /**
   * A series of a definition already read, narrowed by units already resolved: a scorecard reads
   * the catalogue and the unit tree once for all its lines, not once per KPI.
   */
  async seriesOfUnits(definition: KpiDefinitionVersion, request: Omit<SeriesRequest, 'kpiId' | 'version'>, units: readonly string[]): Promise<KpiSeries> {
    const filters = definition.filters.map((filter) => ({ field: filter.field, values: filter.in }));
    return this.seriesOf(definition, request, [...filters, { field: 'unit', values: units }]);
  }

  private async seriesOf(definition: KpiDefinitionVersion, request: Omit<SeriesRequest, 'kpiId' | 'version'>, narrowing: Narrowing): Promise<KpiSeries> {
    const base: SeriesBase = { kpiId: definition.kpiId, version: definition.version, from: request.from, to: request.to, granularity: request.granularity };
    const { sql, params } = seriesQuery(definition.measure, base, narrowing);
    const rows = rowsOf<SeriesRow>(await this.database.pool.query(sql, params));
    const points = definition.measure.kind === 'level' ? await this.levels(base, narrowing, rows) : rows;
    const { kpiId, version, names, unitOfMeasure, direction, target, warning } = definition;
    return {
      kpiId, version, names, unitOfMeasure, direction, target, warning,
      scope: scopeText(request.scope), granularity: request.granularity, from: request.from, to: request.to,
      values: points.map((row) => {
        const value = numberOrNull(row.value);
        return { bucket: row.bucket, value, numerator: numberOrNull(row.numerator), denominator: numberOrNull(row.denominator), samples: Number(row.samples), standing: standingOf(definition, value) };
      }),
    };
  }

  /** A level is the running sum of its steps, starting from what was carried in before `from`. */
  private async levels(base: SeriesBase, narrowing: Narrowing, rows: readonly SeriesRow[]): Promise<SeriesRow[]> {
    const carried = levelBaseQuery(base, narrowing);
    let level = Number(rowsOf<{ value: string | number }>(await this.database.pool.query(carried.sql, carried.params))[0]?.value ?? 0);
    return rows.map((row) => {
      level += Number(row.value ?? 0);
      return { ...row, value: level };
    });
  }

  private async narrowing(definition: KpiDefinitionVersion, scope: Scope): Promise<Narrowing> {
    const filters = definition.filters.map((filter) => ({ field: filter.field, values: filter.in }));
    if (scope.kind === 'whole') return filters;
    const values = scope.dimension === 'unit' ? await this.unitsBelow(scope.id) : [scope.id];
    return [...filters, { field: scope.dimension, values }];
  }
}
