import type { Provider, Type } from '@nestjs/common';

/** Spread into WorkflowModule, so it shares workflow's EVENT_STORE. */
export const ORG_PROVIDERS: readonly Provider[] = [];
export const ORG_CONTROLLERS: readonly Type[] = [];
export const ORG_ENTITIES: readonly Type[] = [];
