import { DEFAULT_ROUTING_RULES, FALLBACK_ROUTE } from '../routing';
import type { ProcessDefinition, PublishedProcess, StageSla } from './process-definition';
import { DEFAULT_PROCESS_ID } from './process-validation';

/** The calendar of the default process's stages: intake seeds it, and its staffed channels follow it. */
const STANDARD_CALENDAR = 'cn-standard';

const sla = (responseWithinBusinessMinutes: number, resolutionWithinBusinessMinutes: number): StageSla => ({
  calendarId: STANDARD_CALENDAR,
  responseWithinBusinessMinutes,
  resolutionWithinBusinessMinutes,
});

/**
 * What a new installation starts with, and what a case gets when no published process matches:
 * the starting rule table, then front line → department (OLA) → partner (underpinning contract),
 * each later stage with more time, all in business minutes on cn-standard. Warned at 80%; at the
 * breach the unit's supervisor, at 150% the supervisor of the unit above.
 */
export const DEFAULT_PROCESS_DEFINITION: ProcessDefinition = {
  processId: DEFAULT_PROCESS_ID,
  name: 'Default process',
  scope: {},
  routingRules: DEFAULT_ROUTING_RULES,
  fallback: FALLBACK_ROUTE,
  stages: [
    { id: 'front-line', name: 'Front line', unitType: 'FRONT_LINE', sla: sla(60, 480) },
    { id: 'department', name: 'Internal department', unitType: 'DEPARTMENT', sla: sla(240, 960) },
    { id: 'partner', name: 'Partner', unitType: 'PARTNER', sla: sla(480, 1440) },
  ],
  escalation: {
    warnAtPercent: 80,
    levels: [
      { level: 1, atPercent: 100, notify: 'UNIT_SUPERVISOR' },
      { level: 2, atPercent: 150, notify: 'PARENT_UNIT_SUPERVISOR' },
    ],
  },
};

/**
 * The default process as built in: version 1, exactly what the seed publishes. It answers until
 * the seeded version is in the catalogue (a case may arrive in the first moments of a new
 * installation), so `publishedAt` is when this definition shipped, not when a store was seeded.
 */
export const BUILT_IN_DEFAULT_PROCESS: PublishedProcess = {
  ...DEFAULT_PROCESS_DEFINITION,
  version: 1,
  publishedAt: '2026-01-01T00:00:00.000Z',
};
