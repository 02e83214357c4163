import { Module } from '@nestjs/common';
import { ServiceStoreModule } from '@collab/service-kit';
import { kpiContract } from './kpi.contract';
import { KPI_CONTROLLERS, KPI_PROVIDERS } from './kpi.providers';
import { KPI_MIGRATIONS } from './migrations/kpi.migrations';

/** 统一管理: the KPI indicator library, computed continuously from events. It owns the `kpi` schema and event log. */
@Module({
  imports: [ServiceStoreModule.forService(kpiContract, { migrations: KPI_MIGRATIONS })],
  controllers: [...KPI_CONTROLLERS],
  providers: [...KPI_PROVIDERS],
})
export class KpiModule {}
