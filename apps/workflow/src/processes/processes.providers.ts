import type { Provider, Type } from '@nestjs/common';
import { PROCESS_CATALOGUE } from '../workflow.ports';
import { ProcessSeeder } from './default-process/process-seeder';
import { ProcessCommands } from './process-commands';
import { ProcessViewProjection } from './process-view/process-view.projection';
import { PublishedProcesses } from './published-processes';
import { PublishProcessHttp } from './publish-process/publish-process.http';
import { ProcessList } from './read-processes/process-list';
import { ReadProcessesHttp } from './read-processes/read-processes.http';
import { RetireProcessHttp } from './retire-process/retire-process.http';

/**
 * Versioned process definitions over REST (/api/v1/processes), bound to PROCESS_CATALOGUE for
 * routing, tasks and SLA clocks. Spread into WorkflowModule, so it shares workflow's EVENT_STORE.
 */
export const PROCESSES_PROVIDERS: readonly Provider[] = [
  PublishedProcesses,
  ProcessCommands,
  ProcessList,
  ProcessViewProjection,
  ProcessSeeder,
  { provide: PROCESS_CATALOGUE, useExisting: PublishedProcesses },
];
export const PROCESSES_CONTROLLERS: readonly Type[] = [
  ReadProcessesHttp,
  PublishProcessHttp,
  RetireProcessHttp,
];
export const PROCESSES_ENTITIES: readonly Type[] = [];
