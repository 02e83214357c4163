import { Module } from '@nestjs/common';
import { ServiceStoreModule } from '@collab/service-kit';
import { dataContract } from './data.contract';
import { DATA_CONTROLLERS, DATA_PROVIDERS } from './data.providers';
import { DATA_MIGRATIONS } from './migrations/data.migrations';

/** 统一数据: the data cube, customer 360, tags, dependency map and live monitor. It owns the `data` schema and event log. */
@Module({
  imports: [ServiceStoreModule.forService(dataContract, { migrations: DATA_MIGRATIONS })],
  controllers: [...DATA_CONTROLLERS],
  providers: [...DATA_PROVIDERS],
})
export class DataModule {}
