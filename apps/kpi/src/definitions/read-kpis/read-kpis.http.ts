import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Allow, Answers, type ListPage } from '@collab/service-kit';
import { kpiListSchema, kpiViewSchema } from '../../kpi.answers';
import { KpiCommands } from '../kpi-commands';
import { KpiLibrary } from '../kpi-library';
import { PageQuery } from '../page.request';
import { viewOfState, type KpiView } from '../kpi-views';

/** The indicator library: every caller who may read any figure may read the definitions. */
@ApiTags('kpi')
@ApiBearerAuth()
@Controller('api/v1/kpis')
@Allow('staff', 'analyst', 'department', 'partner-staff')
export class ReadKpisHttp {
  constructor(
    private readonly library: KpiLibrary,
    private readonly commands: KpiCommands,
  ) {}

  /** Every KPI in its newest version, retired ones included (their values stay readable). */
  @Answers(kpiListSchema)
  @Get()
  list(@Query() query: PageQuery): Promise<ListPage<KpiView>> {
    return this.library.list(query);
  }

  /** One KPI in its newest version, with the numbers of all its versions. */
  @Answers(kpiViewSchema)
  @Get(':id')
  async kpi(@Param('id') id: string): Promise<KpiView> {
    return viewOfState(await this.commands.load(id));
  }
}
