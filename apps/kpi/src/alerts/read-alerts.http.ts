import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Allow, Answers, CurrentPrincipal, type ListPage, type Principal } from '@collab/service-kit';
import { kpiAlertListSchema } from '../kpi.answers';
import { KpiValues } from '../values/kpi-values';
import { admittedScope, parseScope, scopeText, type Scope } from '../values/kpi-scope';
import { AlertsQuery } from './alerts.request';
import { KpiAlertList, type KpiAlert } from './kpi-alert-list';

/**
 * KPI alerts (threshold crossings and recoveries), scoped as the figures are: staff and analysts
 * every alert (or one scope's), a department its own unit's and the units' below, a partner its own.
 */
@ApiTags('kpi')
@ApiBearerAuth()
@Controller('api/v1/kpis/alerts')
@Allow('staff', 'analyst', 'department', 'partner-staff')
export class ReadAlertsHttp {
  constructor(
    private readonly alerts: KpiAlertList,
    private readonly values: KpiValues,
  ) {}

  @Answers(kpiAlertListSchema, { description: 'The alerts in the order they were recorded.' })
  @Get()
  async list(@Query() query: AlertsQuery, @CurrentPrincipal() principal: Principal): Promise<ListPage<KpiAlert>> {
    const scope = await admittedScope(principal, parseScope(query.scope), (unit) => this.values.unitsBelow(unit));
    return this.alerts.page({ limit: query.limit, after: query.after, kpi: query.kpi, scopes: await this.scopesOf(scope, query.scope !== undefined), from: query.from, to: query.to });
  }

  /** The whole organisation's figures are one scope among others: asked for, it is `whole`; not asked for, every scope. */
  private async scopesOf(scope: Scope, asked: boolean): Promise<readonly string[] | undefined> {
    if (scope.kind === 'whole') return asked ? ['whole'] : undefined;
    if (scope.dimension === 'unit') return (await this.values.unitsBelow(scope.id)).map((unit) => `unit:${unit}`);
    return [scopeText(scope)];
  }
}
