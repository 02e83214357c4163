import { Module } from '@nestjs/common';
import { ServiceStoreModule } from '@collab/service-kit';
import { kpiContract } from './kpi.contract';

/** 统一管理: the KPI indicator library, computed continuously from events. It owns the `kpi` schema and event log. */
@Module({ imports: [ServiceStoreModule.forService(kpiContract)] })
export class KpiModule {}
