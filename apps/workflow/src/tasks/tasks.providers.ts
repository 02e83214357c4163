import type { Provider, Type } from '@nestjs/common';

/** Spread into WorkflowModule, so it shares workflow's EVENT_STORE. */
export const TASKS_PROVIDERS: readonly Provider[] = [];
export const TASKS_CONTROLLERS: readonly Type[] = [];
export const TASKS_ENTITIES: readonly Type[] = [];
