import { Module } from '@nestjs/common';
import { ServiceStoreModule } from '@collab/service-kit';
import { dataContract } from './data.contract';

/** 统一数据: the data cube, customer tags, dependency map and live monitor. It owns the `data` schema and event log. */
@Module({ imports: [ServiceStoreModule.forService(dataContract)] })
export class DataModule {}
