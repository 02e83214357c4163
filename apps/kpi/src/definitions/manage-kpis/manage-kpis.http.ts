import { Body, Controller, Headers, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Allow, Answers, CurrentPrincipal, defined, originOf, type Principal } from '@collab/service-kit';
import { KpiBackfills } from '../../backfill/kpi-backfills';
import { KpiCommands, type KnownKpi } from '../kpi-commands';
import { DefineKpiRequest, RetireKpiRequest, ReviseKpiRequest } from '../kpi.request';
import { viewOfState, type KpiView } from '../kpi-views';
import { kpiViewSchema } from '../../kpi.answers';

/** Analysts and administrators define KPIs, revise them into new versions and retire them. */
@ApiTags('kpi')
@ApiBearerAuth()
@Controller('api/v1/kpis')
@Allow('analyst', 'admin')
export class ManageKpisHttp {
  constructor(
    private readonly commands: KpiCommands,
    private readonly backfills: KpiBackfills,
  ) {}

  /** A new version is computed over the whole history at once, while live folding goes on. */
  private backfilled(kpi: KnownKpi): KpiView {
    if (kpi.status === 'active') this.backfills.start(kpi.current);
    return viewOfState(kpi);
  }

  /** Defines a KPI as version 1; its values are computed live from then on and backfilled over the history. */
  @Answers(kpiViewSchema, { problems: [409] })
  @Post()
  @HttpCode(201)
  async define(@Body() body: DefineKpiRequest, @CurrentPrincipal() principal: Principal, @Headers('x-correlation-id') correlationId?: string): Promise<KpiView> {
    const { id, ...specification } = defined(body);
    return this.backfilled(await this.commands.execute({ type: 'DefineKpi', kpiId: id, specification: specification }, originOf(principal, correlationId)));
  }

  /** A new version of the KPI; the old version's values stay beside the new one's. The same specification again makes no version. */
  @Answers(kpiViewSchema, { problems: [409] })
  @Put(':id')
  async revise(@Param('id') id: string, @Body() body: ReviseKpiRequest, @CurrentPrincipal() principal: Principal, @Headers('x-correlation-id') correlationId?: string): Promise<KpiView> {
    return this.backfilled(await this.commands.execute({ type: 'ReviseKpi', kpiId: id, specification: defined(body) }, originOf(principal, correlationId)));
  }

  @Answers(kpiViewSchema, { problems: [409] })
  @Post(':id/retire')
  @HttpCode(200)
  async retire(@Param('id') id: string, @Body() body: RetireKpiRequest, @CurrentPrincipal() principal: Principal, @Headers('x-correlation-id') correlationId?: string): Promise<KpiView> {
    return viewOfState(await this.commands.execute({ type: 'RetireKpi', kpiId: id, reason: body.reason }, originOf(principal, correlationId)));
  }
}
