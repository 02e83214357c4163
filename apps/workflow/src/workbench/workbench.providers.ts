import type { Provider, Type } from '@nestjs/common';

/** Spread into WorkflowModule, so it shares workflow's EVENT_STORE. */
export const WORKBENCH_PROVIDERS: readonly Provider[] = [];
export const WORKBENCH_CONTROLLERS: readonly Type[] = [];
export const WORKBENCH_ENTITIES: readonly Type[] = [];
