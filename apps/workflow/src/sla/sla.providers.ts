import type { Provider, Type } from '@nestjs/common';
import { CaseSlaHttp } from './case-sla/case-sla.http';
import { SlaClockKeeper } from './clock-keeper/sla-clock-keeper';
import { SlaClockMoves } from './clock-keeper/sla-clock-moves';
import { SlaClockProjection } from './sla-clocks/sla-clock.projection';
import { SlaClocks } from './sla-clocks/sla-clocks';
import { SlaStreams } from './sla-streams';
import { DueTimers } from './timers/due-timers';
import { EscalationContacts } from './timers/escalation-contacts';
import { SlaTimerDispatcher } from './timers/sla-timer.dispatcher';
import { SlaTimerFiring } from './timers/sla-timer.firing';
import { SlaTimerProjection } from './timers/sla-timer.projection';
import { SlaTimerTable } from './timers/sla-timer.table';

export { SlaClocks, type SlaClockReading, type SlaClockStatus } from './sla-clocks/sla-clocks';

/**
 * SLA timers (stream `sla-<caseId>`): the clock keeper starts and stops clocks as the case and
 * task streams move, the timer projection schedules durable timers, the dispatcher fires them,
 * and SlaClocks reads the clocks for GET /api/v1/cases/{id}/sla and the workbench. Spread into
 * WorkflowModule, so it shares workflow's EVENT_STORE.
 */
export const SLA_PROVIDERS: readonly Provider[] = [
  SlaStreams,
  SlaClockMoves,
  SlaClockKeeper,
  SlaTimerTable,
  SlaTimerProjection,
  EscalationContacts,
  SlaTimerFiring,
  DueTimers,
  SlaTimerDispatcher,
  SlaClockProjection,
  SlaClocks,
];
export const SLA_CONTROLLERS: readonly Type[] = [CaseSlaHttp];
export const SLA_ENTITIES: readonly Type[] = [];
