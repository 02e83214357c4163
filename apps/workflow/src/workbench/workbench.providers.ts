import type { Provider, Type } from '@nestjs/common';
import { ReadWorkbenchHttp } from './read-workbench/read-workbench.http';
import { DeskWork } from './read-workbench/desk-work';
import { WorkCountdowns } from './read-workbench/work-countdowns';
import { Workbench } from './read-workbench/workbench';
import { UnattendedQueues } from './unattended-queues/unattended-queues';
import { UnattendedQueuesHttp } from './unattended-queues/unattended-queues.http';

/** 统一工作桌面: the caller's cases and tasks by SLA risk. Spread into WorkflowModule; reads the case, task and SLA views. */
export const WORKBENCH_PROVIDERS: readonly Provider[] = [DeskWork, WorkCountdowns, Workbench, UnattendedQueues];
export const WORKBENCH_CONTROLLERS: readonly Type[] = [ReadWorkbenchHttp, UnattendedQueuesHttp];
export const WORKBENCH_ENTITIES: readonly Type[] = [];
