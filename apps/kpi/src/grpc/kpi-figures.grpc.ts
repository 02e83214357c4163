import { Injectable } from '@nestjs/common';
import { toTimestamp, type kpiV1 } from '@collab/contracts';
import { ValidationFailed } from '@collab/domain-kernel';
import { defined, type Principal } from '@collab/service-kit';
import { admittedScope, parseScope } from '../values/kpi-scope';
import { KpiValues } from '../values/kpi-values';
import { period } from '../values/read-values/read-values.http';
import { KpiScorecards } from '../values/scorecards/kpi-scorecards';
import { KINDS, isKind } from '../values/scorecards/scorecards.http';
import { scorecardQuerySchema, valuesQuerySchema } from '../values/values.request';
import { count, instantOf, renamed, text, validated, wrapped } from './grpc-request';
import { kpiIdOf } from './kpi-messages';
import type { KpiSeries, Scorecard } from '../kpi.answers';

const seriesOf = (series: KpiSeries): kpiV1.KpiSeries => ({
  ...series, target: wrapped(series.target), warning: wrapped(series.warning), from: toTimestamp(series.from), to: toTimestamp(series.to),
  values: series.values.map((point) => ({
    ...point, bucket: toTimestamp(point.bucket), value: wrapped(point.value), numerator: wrapped(point.numerator), denominator: wrapped(point.denominator),
  })),
});

const scorecardOf = (scorecard: Scorecard): kpiV1.Scorecard => ({
  ...scorecard,
  lines: scorecard.lines.map((line) => ({ ...line, value: wrapped(line.value), target: wrapped(line.target), warning: wrapped(line.warning) })),
});

/** GetValues and GetScorecard: REST's validation, scoping and queries, answered as proto messages. */
@Injectable()
export class KpiFiguresGrpc {
  constructor(
    private readonly values: KpiValues,
    private readonly scorecards: KpiScorecards,
  ) {}

  async series(request: kpiV1.GetValuesRequest__Output, principal: Principal): Promise<kpiV1.KpiSeries> {
    const kpiId = kpiIdOf(request.kpiId);
    const shape = { scope: text(request.scope), from: instantOf(request.from), to: instantOf(request.to), granularity: text(request.granularity), version: count(request.version) };
    const query = defined(validated(valuesQuerySchema, shape));
    period(query.from, query.to, query.granularity);
    const scope = await renamed(() => admittedScope(principal, parseScope(query.scope), (unit) => this.values.unitsBelow(unit)));
    const series = await this.values.series({ kpiId, scope, granularity: query.granularity, from: query.from, to: query.to, ...(query.version === undefined ? {} : { version: query.version }) });
    return seriesOf(series);
  }

  async scorecard(request: kpiV1.GetScorecardRequest__Output, principal: Principal): Promise<kpiV1.Scorecard> {
    if (!isKind(request.kind)) throw new ValidationFailed([{ field: 'kind', message: `must be one of ${KINDS.join(', ')}` }]);
    if (request.id === '' || request.id.length > 200) throw new ValidationFailed([{ field: 'id', message: 'must be 1 to 200 characters' }]);
    const { month } = defined(validated(scorecardQuerySchema, { month: text(request.month) }));
    const scope = await admittedScope(principal, { kind: 'dimension', dimension: request.kind, id: request.id }, (unit) => this.values.unitsBelow(unit));
    if (scope.kind !== 'dimension') throw new ValidationFailed([{ field: 'id', message: 'a scorecard is for one unit, partner or channel' }]);
    return scorecardOf(await this.scorecards.scorecard(scope, month));
  }
}
