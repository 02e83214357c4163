/* Test fixtures for the process specs: business words, defaults for everything else. Not exported from the lib. */
import type { ActorRef } from '../actor';
import type { ProcessDefinition, ProcessStage, PublishedProcess } from './process-definition';
import type { PublishProcessVersion, RetireProcess } from './process.commands';
import type { ProcessRetired, ProcessVersionPublished } from './process.events';

export const T0 = new Date('2026-11-20T09:30:00.000Z');
export const T1 = new Date('2026-11-21T09:30:00.000Z');
export const admin: ActorRef = { id: 'admin-zhou', kind: 'user' };
/** The queues the fixtures' processes route to, all open in the org directory. */
export const OPEN_QUEUES: ReadonlySet<string> = new Set([
  'vip-care',
  'billing-complaints',
  // The default process's.
  'front-line',
  'complaints',
  'technical-support',
  'partner-desk',
  'internal-service-desk',
]);

export const stage = (overrides: Partial<ProcessStage> = {}): ProcessStage => ({
  id: 'front',
  name: 'Front line',
  unitType: 'FRONT_LINE',
  sla: { calendarId: 'cn-standard', responseWithinBusinessMinutes: 60, resolutionWithinBusinessMinutes: 480 },
  ...overrides,
});

/** Billing complaints: their own desk, a billing department after the front line. */
export const billingComplaints = (overrides: Partial<ProcessDefinition> = {}): ProcessDefinition => ({
  processId: 'billing-complaints',
  name: 'Billing complaints',
  scope: { requestTypes: ['COMPLAINT'], categories: ['billing'] },
  routingRules: [{ id: 'vip', when: { customerTier: ['VIP'] }, queue: 'vip-care' }],
  fallback: { queue: 'billing-complaints', ruleId: 'billing-complaints-fallback' },
  stages: [
    stage(),
    stage({
      id: 'billing',
      name: 'Billing department',
      unitType: 'DEPARTMENT',
      sla: {
        calendarId: 'cn-standard',
        responseWithinBusinessMinutes: 240,
        resolutionWithinBusinessMinutes: 960,
      },
    }),
  ],
  escalation: { warnAtPercent: 80, levels: [{ level: 1, atPercent: 100, notify: 'UNIT_SUPERVISOR' }] },
  ...overrides,
});

export const published = (
  version = 1,
  overrides: Partial<ProcessDefinition> = {},
  at: Date = T0,
): PublishedProcess => ({
  ...billingComplaints(overrides),
  version,
  publishedAt: at.toISOString(),
});

export const publish = (o: Partial<PublishProcessVersion> = {}): PublishProcessVersion => ({
  type: 'PublishProcessVersion',
  definition: billingComplaints(),
  expectedVersion: 0,
  actor: admin,
  reason: 'complaints about bills get a desk of their own',
  ...o,
});

export const retire = (o: Partial<RetireProcess> = {}): RetireProcess => ({
  type: 'RetireProcess',
  processId: 'billing-complaints',
  actor: admin,
  reason: 'merged into the complaints process',
  ...o,
});

export const versionPublished = (
  process: PublishedProcess = published(),
  reason: string | null = 'complaints about bills get a desk of their own',
): ProcessVersionPublished => ({
  type: 'ProcessVersionPublished',
  data: { process, actor: admin, reason },
});

export const processRetired = (d: Partial<ProcessRetired['data']> = {}): ProcessRetired => ({
  type: 'ProcessRetired',
  data: {
    processId: 'billing-complaints',
    version: 1,
    actor: admin,
    reason: 'merged into the complaints process',
    retiredAt: T0.toISOString(),
    ...d,
  },
});
