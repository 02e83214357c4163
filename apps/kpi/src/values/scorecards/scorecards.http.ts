import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ValidationFailed } from '@collab/domain-kernel';
import { Allow, Answers, CurrentPrincipal, type Principal } from '@collab/service-kit';
import { KpiValues } from '../kpi-values';
import { admittedScope } from '../kpi-scope';
import { ScorecardQuery } from '../values.request';
import { KpiScorecards } from './kpi-scorecards';
import { scorecardSchema, type Scorecard } from '../../kpi.answers';

export const KINDS = ['unit', 'partner', 'channel'] as const;
type Kind = (typeof KINDS)[number];
export const isKind = (kind: string): kind is Kind => (KINDS as readonly string[]).includes(kind);

@ApiTags('kpi')
@ApiBearerAuth()
@Controller('api/v1/kpis/scorecards')
@Allow('staff', 'analyst', 'department', 'partner-staff')
export class ScorecardsHttp {
  constructor(
    private readonly scorecards: KpiScorecards,
    private readonly values: KpiValues,
  ) {}

  /** A unit's, partner's or channel's month (`?month=YYYY-MM`, the current one by default) against its KPIs' targets. */
  @Answers(scorecardSchema)
  @Get(':kind/:id')
  async scorecard(@Param('kind') kind: string, @Param('id') id: string, @Query() query: ScorecardQuery, @CurrentPrincipal() principal: Principal): Promise<Scorecard> {
    if (!isKind(kind)) throw new ValidationFailed([{ field: 'kind', message: `must be one of ${KINDS.join(', ')}` }]);
    if (id.length > 200) throw new ValidationFailed([{ field: 'id', message: 'must be at most 200 characters' }]);
    const scope = await admittedScope(principal, { kind: 'dimension', dimension: kind, id }, (unit) => this.values.unitsBelow(unit));
    if (scope.kind !== 'dimension') throw new ValidationFailed([{ field: 'id', message: 'a scorecard is for one unit, partner or channel' }]);
    return this.scorecards.scorecard(scope, query.month);
  }
}
