import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, DATABASE, type Clock, type Database } from '@collab/service-kit';
import { KpiCatalogue } from '../../computation/kpi-catalogue';
import { KpiValues } from '../kpi-values';
import type { Scope } from '../kpi-scope';
import type { Scorecard, ScorecardLine } from '../../kpi.answers';

const monthOf = (now: Date): string => now.toISOString().slice(0, 7);
const nextMonth = (month: string): string => {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
};

/** A unit's, partner's or channel's month against the targets of every KPI kept by that dimension. */
@Injectable()
export class KpiScorecards {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly catalogue: KpiCatalogue,
    private readonly values: KpiValues,
  ) {}

  async scorecard(scope: Scope & { readonly kind: 'dimension' }, month: string | undefined): Promise<Scorecard> {
    const covered = month ?? monthOf(this.clock.now());
    const [from, to] = [`${covered}-01T00:00:00Z`, `${nextMonth(covered)}-01T00:00:00Z`];
    const kept = (await this.catalogue.live(this.database.pool)).filter(
      (definition) => definition.dimensions.includes(scope.dimension) && definition.granularities.includes('month'),
    );
    const lines: ScorecardLine[] = [];
    const units = scope.dimension === 'unit' ? await this.values.unitsBelow(scope.id) : undefined;
    for (const definition of kept) {
      const request = { scope, granularity: 'month' as const, from, to };
      const series = units === undefined
        ? await this.values.series({ kpiId: definition.kpiId, version: definition.version, ...request })
        : await this.values.seriesOfUnits(definition, request, units);
      const point = series.values[0];
      const { kpiId, version, names, unitOfMeasure, target, warning, direction } = definition;
      lines.push({ kpiId, version, names, unitOfMeasure, target, warning, direction, value: point?.value ?? null, standing: point?.standing ?? 'NO_DATA' });
    }
    return { scope: `${scope.dimension}:${scope.id}`, month: covered, lines };
  }
}
