import type { Provider, Type } from '@nestjs/common';
import { CustomerCasesHttp } from '../customers/customer-cases/customer-cases.http';
import { CaseProgressConsumer } from './case-record/case-progress.consumer';
import { CaseProgress, CaseRecord } from './case-record/case-record.entity';
import { CaseRecordProjection } from './case-record/case-record.projection';
import { CaseRecords } from './case-records';

/** Reading cases from intake's side: its own records plus workflow's progress, never workflow's tables. */
export const CASE_PROVIDERS: readonly Provider[] = [CaseRecords, CaseRecordProjection, CaseProgressConsumer];
export const CASE_CONTROLLERS: readonly Type[] = [CustomerCasesHttp];
export const CASE_ENTITIES: readonly Type[] = [CaseRecord, CaseProgress];
