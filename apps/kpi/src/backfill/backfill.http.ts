import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Allow, Answers, PAGE_LIMIT_DEFAULT, type ListPage } from '@collab/service-kit';
import { backfillsSchema, type BackfillProgress } from '../kpi.answers';
import { KpiCommands } from '../definitions/kpi-commands';
import { PageQuery } from '../definitions/page.request';
import { KpiBackfills } from './kpi-backfills';

/** Computing a KPI version over the whole history, beside live folding; its progress. */
@ApiTags('kpi')
@ApiBearerAuth()
@Controller('api/v1/kpis/:id/backfill')
@Allow('analyst', 'admin')
export class BackfillHttp {
  constructor(
    private readonly commands: KpiCommands,
    private readonly backfills: KpiBackfills,
  ) {}

  /** Backfills the newest version (again: it is idempotent); answers 202 with the progress so far. */
  @Answers(backfillsSchema, { problems: [404], description: 'Started (idempotently): the progress so far.' })
  @Post()
  @HttpCode(202)
  async start(@Param('id') id: string): Promise<ListPage<BackfillProgress>> {
    const kpi = await this.commands.load(id);
    this.backfills.start(kpi.current);
    return this.backfills.progress(id, { limit: PAGE_LIMIT_DEFAULT });
  }

  @Answers(backfillsSchema, { problems: [404] })
  @Get()
  async progress(@Param('id') id: string, @Query() query: PageQuery): Promise<ListPage<BackfillProgress>> {
    await this.commands.load(id);
    return this.backfills.progress(id, query);
  }
}
