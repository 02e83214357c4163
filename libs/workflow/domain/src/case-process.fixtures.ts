/* Test fixtures for a case started on a process version. Not exported from the lib. */
import type * as C from './case.commands';
import type * as E from './case.events';
import { iso, registerAndRoute } from './case.fixtures';
import type { PublishedProcess } from './process/process-definition';

/** Billing complaints, version 2: VIP customers to their own desk, the rest to the billing desk. */
export const billingProcess = (overrides: Partial<PublishedProcess> = {}): PublishedProcess => ({
  processId: 'billing-complaints',
  version: 2,
  name: 'Billing complaints',
  scope: { requestTypes: ['COMPLAINT'], categories: ['billing'] },
  routingRules: [{ id: 'vip', when: { customerTier: ['VIP'] }, queue: 'vip-care' }],
  fallback: { queue: 'billing-desk', ruleId: 'billing-fallback' },
  stages: [
    {
      id: 'billing-dept',
      name: 'Billing department',
      unitType: 'DEPARTMENT',
      sla: {
        calendarId: 'cn-standard',
        responseWithinBusinessMinutes: 240,
        resolutionWithinBusinessMinutes: 960,
      },
    },
    {
      id: 'front',
      name: 'Front line',
      unitType: 'FRONT_LINE',
      sla: {
        calendarId: 'cn-standard',
        responseWithinBusinessMinutes: 60,
        resolutionWithinBusinessMinutes: 480,
      },
    },
  ],
  escalation: { warnAtPercent: 80, levels: [{ level: 1, atPercent: 100, notify: 'UNIT_SUPERVISOR' }] },
  publishedAt: '2026-11-01T00:00:00.000Z',
  ...overrides,
});

/** The due times the routing process manager counted on cn-standard for a case opened at 09:30 on a Friday. */
export const processStart = (published: PublishedProcess = billingProcess()): C.CaseProcessStart => ({
  published,
  responseDueAt: '2026-11-20T02:30:00.000Z',
  resolutionDueAt: '2026-11-20T09:30:00.000Z',
});

/** Routed on a process version, as the routing process manager sends it. */
export const registerAndRouteOnProcess = (
  start: C.CaseProcessStart = processStart(),
  overrides: Partial<E.CaseSummary> = {},
): C.RegisterAndRouteCase => ({ ...registerAndRoute(overrides), process: start });
export const caseProcessStarted = (d: Partial<E.CaseProcessStarted['data']> = {}): E.CaseProcessStarted => {
  const { published, responseDueAt, resolutionDueAt } = processStart();
  return {
    type: 'CaseProcessStarted',
    data: {
      caseId: 'case-1',
      processId: published.processId,
      processVersion: published.version,
      stageId: 'front',
      sla: {
        calendarId: 'cn-standard',
        responseWithinBusinessMinutes: 60,
        resolutionWithinBusinessMinutes: 480,
      },
      escalation: published.escalation,
      responseDueAt,
      resolutionDueAt,
      startedAt: iso(),
      ...d,
    },
  };
};
