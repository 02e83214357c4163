import type { Provider, Type } from '@nestjs/common';
import { BUSINESS_CALENDARS } from '../workflow.ports';
import { IntakeCalendarsConsumer } from './intake-calendars/intake-calendars.consumer';
import { KnownCalendars } from './known-calendars';

/**
 * Intake's business calendars as workflow knows them, bound to BUSINESS_CALENDARS for routing,
 * SLA clocks and legs. Spread into WorkflowModule, so it shares workflow's EVENT_STORE.
 */
export const CALENDARS_PROVIDERS: readonly Provider[] = [
  IntakeCalendarsConsumer,
  KnownCalendars,
  { provide: BUSINESS_CALENDARS, useExisting: KnownCalendars },
];
export const CALENDARS_CONTROLLERS: readonly Type[] = [];
export const CALENDARS_ENTITIES: readonly Type[] = [];
