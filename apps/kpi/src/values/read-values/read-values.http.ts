import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ValidationFailed } from '@collab/domain-kernel';
import type { Granularity } from '@collab/kpi-domain';
import { Allow, Answers, CurrentPrincipal, type Principal } from '@collab/service-kit';
import { KpiValues } from '../kpi-values';
import { admittedScope, parseScope } from '../kpi-scope';
import { ValuesQuery } from '../values.request';
import { seriesCsv } from './values-csv';
import { kpiSeriesCsvSchema, kpiSeriesSchema, type KpiSeries } from '../../kpi.answers';

const BUCKET_MS: Record<Granularity, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000, month: 28 * 86_400_000 };
/** The most buckets one answer holds: a caller asks for minutes of a day, not of a year. */
export const MAX_BUCKETS = 10_000;

/** The period REST and gRPC accept: `to` after `from`, at most MAX_BUCKETS buckets. */
export const period = (from: string, to: string, granularity: Granularity): void => {
  const span = Date.parse(to) - Date.parse(from);
  if (span <= 0) throw new ValidationFailed([{ field: 'to', message: 'must be after from' }]);
  if (span / BUCKET_MS[granularity] > MAX_BUCKETS) throw new ValidationFailed([{ field: 'granularity', message: `at most ${MAX_BUCKETS} buckets per answer: a coarser granularity or a shorter period` }]);
};

/** A KPI's values by bucket, as JSON or CSV (`Accept: text/csv`); every answer names the definition version used. */
@ApiTags('kpi')
@ApiBearerAuth()
@Controller('api/v1/kpis')
@Allow('staff', 'analyst', 'department', 'partner-staff')
export class ReadValuesHttp {
  constructor(private readonly values: KpiValues) {}

  @Answers(kpiSeriesSchema, { alternatives: { 'text/csv': kpiSeriesCsvSchema } })
  @Get(':id/values')
  @ApiProduces('application/json', 'text/csv')
  async series(
    @Param('id') id: string,
    @Query() query: ValuesQuery,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<KpiSeries | string> {
    period(query.from, query.to, query.granularity);
    const scope = await admittedScope(principal, parseScope(query.scope), (unit) => this.values.unitsBelow(unit));
    const series = await this.values.series({ kpiId: id, scope, granularity: query.granularity, from: query.from, to: query.to, ...(query.version === undefined ? {} : { version: query.version }) });
    response.setHeader('x-kpi-definition-version', String(series.version));
    if (!response.req.headers.accept?.includes('text/csv')) return series;
    response.type('text/csv; charset=utf-8');
    return seriesCsv(series);
  }
}
