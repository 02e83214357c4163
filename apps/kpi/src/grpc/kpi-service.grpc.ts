import { Injectable, type OnModuleInit } from '@nestjs/common';
import { loadProtos, type kpiV1 } from '@collab/contracts';
import type { FactSelector, Filter, Measure } from '@collab/kpi-domain';
import { GrpcServices, unary } from '@collab/service-kit';
import { KpiCommands } from '../definitions/kpi-commands';
import { KpiLibrary } from '../definitions/kpi-library';
import { viewOfState, type KpiView } from '../definitions/kpi-views';
import { wrapped } from './grpc-request';
import { KpiFiguresGrpc } from './kpi-figures.grpc';
import { kpiIdOf } from './kpi-messages';

const filterOf = (filter: Filter): kpiV1.Filter => ({ field: filter.field, values: [...filter.in] });
const selectorOf = (selector: FactSelector): kpiV1.FactSelector => ({ fact: selector.fact, where: (selector.where ?? []).map(filterOf) });

const measureOf = (measure: Measure): kpiV1.Measure => {
  switch (measure.kind) {
    case 'count':
      return {
        kind: measure.kind, of: selectorOf(measure.of),
        ...(measure.unlessFollowedBy === undefined ? {} : { unlessFollowedBy: { of: selectorOf(measure.unlessFollowedBy.of), withinMinutes: measure.unlessFollowedBy.withinMinutes } }),
      };
    case 'rate':
      return { kind: measure.kind, numerator: selectorOf(measure.numerator), denominator: selectorOf(measure.denominator) };
    case 'average':
      return { kind: measure.kind, of: selectorOf(measure.of), attribute: measure.attribute };
    case 'duration':
      return { kind: measure.kind, from: selectorOf(measure.from), to: selectorOf(measure.to), statistic: measure.statistic, time: measure.time, until: measure.until };
    case 'level':
      return { kind: measure.kind, up: selectorOf(measure.up), down: selectorOf(measure.down) };
  }
};

const kpiOf = (view: KpiView): kpiV1.Kpi => ({
  id: view.id, version: view.version, status: view.status, builtIn: view.builtIn, versions: [...view.versions], names: view.names, description: view.description,
  dimensions: [...view.dimensions], measure: measureOf(view.measure), filters: view.filters.map(filterOf), unitOfMeasure: view.unitOfMeasure,
  target: wrapped(view.target), warning: wrapped(view.warning), direction: view.direction, granularities: [...view.granularities],
});

const READERS = ['staff', 'analyst', 'department', 'partner-staff'] as const;

/**
 * `collab.kpi.v1.KpiService`: REST's answers (/api/v1/kpis) over gRPC, through the same query
 * services, validation and scoping (a department its units, a partner its own figures).
 */
@Injectable()
export class KpiServiceGrpc implements OnModuleInit {
  constructor(
    private readonly grpc: GrpcServices,
    private readonly library: KpiLibrary,
    private readonly commands: KpiCommands,
    private readonly figures: KpiFiguresGrpc,
  ) {}

  onModuleInit(): void {
    const { kpi } = loadProtos();
    this.grpc.add(kpi.KpiService.service, {
      ListKpis: unary(async () => ({ kpis: (await this.library.all()).map(kpiOf) })),
      GetKpi: unary(async (request) => ({ kpi: kpiOf(viewOfState(await this.commands.load(kpiIdOf(request.kpiId)))) })),
      GetValues: unary(async (request, { principal }) => ({ series: await this.figures.series(request, principal) })),
      GetScorecard: unary(async (request, { principal }) => ({ scorecard: await this.figures.scorecard(request, principal) })),
    }, { ListKpis: READERS, GetKpi: READERS, GetValues: READERS, GetScorecard: READERS });
  }
}
