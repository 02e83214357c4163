import type { Provider, Type } from '@nestjs/common';

/** Spread into WorkflowModule, so it shares workflow's EVENT_STORE. */
export const CALENDARS_PROVIDERS: readonly Provider[] = [];
export const CALENDARS_CONTROLLERS: readonly Type[] = [];
export const CALENDARS_ENTITIES: readonly Type[] = [];
