import type { Provider, Type } from '@nestjs/common';
import { PROCESS_CATALOGUE } from '../workflow.ports';
import { ProcessSeeder } from './default-process/process-seeder';
import { ProcessViewProjection } from './process-view/process-view.projection';
import { PublishedProcesses } from './published-processes';

/**
 * Versioned process definitions, bound to PROCESS_CATALOGUE for routing, tasks and SLA clocks.
 * Spread into WorkflowModule, so it shares workflow's EVENT_STORE.
 */
export const PROCESSES_PROVIDERS: readonly Provider[] = [
  PublishedProcesses,
  ProcessViewProjection,
  ProcessSeeder,
  { provide: PROCESS_CATALOGUE, useExisting: PublishedProcesses },
];
export const PROCESSES_CONTROLLERS: readonly Type[] = [];
export const PROCESSES_ENTITIES: readonly Type[] = [];
