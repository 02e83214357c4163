import type { Provider, Type } from '@nestjs/common';

/** Spread into WorkflowModule, so it shares workflow's EVENT_STORE. */
export const PROCESSES_PROVIDERS: readonly Provider[] = [];
export const PROCESSES_CONTROLLERS: readonly Type[] = [];
export const PROCESSES_ENTITIES: readonly Type[] = [];
