import type { Provider, Type } from '@nestjs/common';

/** Spread into WorkflowModule, so it shares workflow's EVENT_STORE. */
export const SLA_PROVIDERS: readonly Provider[] = [];
export const SLA_CONTROLLERS: readonly Type[] = [];
export const SLA_ENTITIES: readonly Type[] = [];
