import type { ActorRef } from '../actor';
import { DEFAULT_ROUTING_RULES, FALLBACK_ROUTE } from '../routing';
import type { DefineQueue } from './queue.decider';
import type { DefineUnit } from './unit.decider';

const SEED: ActorRef = { id: 'workflow.seed', kind: 'system' };
const CALENDAR = 'cn-standard';

const unit = (
  unitId: string,
  settings: Omit<DefineUnit, 'type' | 'unitId' | 'actor' | 'calendarId' | 'region'>,
): DefineUnit => ({
  type: 'DefineUnit',
  unitId,
  region: 'CN',
  calendarId: CALENDAR,
  actor: SEED,
  reason: 'default organisation',
  ...settings,
});

const queue = (queueId: string, unitId: string, name: string): DefineQueue => ({
  type: 'DefineQueue',
  queueId,
  unitId,
  name,
  skills: [],
  languageRule: 'PREFERRED',
  actor: SEED,
  reason: 'default organisation',
});

/**
 * The directory a fresh platform starts with, so every case the default routing produces lands
 * in a queue of a real unit: the group, its front-line service centre owning the routing's queues,
 * and the billing and network departments with their own desks. Parents come before children.
 * No agents: an agent is a person (their id is their token subject), and inventing one would hand
 * real cases to nobody; cases wait in their queue until an administrator enrols agents.
 */
export const DEFAULT_UNITS: readonly DefineUnit[] = [
  unit('group', {
    level: 'GROUP',
    unitType: 'DEPARTMENT',
    parentId: null,
    names: { zh: '集团总部', en: 'Group headquarters' },
    supervisorId: 'group-supervisor',
  }),
  unit('front-line', {
    level: 'DEPARTMENT',
    unitType: 'FRONT_LINE',
    parentId: 'group',
    names: { zh: '客户服务中心', en: 'Customer service centre' },
    supervisorId: 'front-line-supervisor',
  }),
  unit('billing', {
    level: 'DEPARTMENT',
    unitType: 'DEPARTMENT',
    parentId: 'group',
    names: { zh: '计费部', en: 'Billing department' },
    supervisorId: 'billing-supervisor',
  }),
  unit('network', {
    level: 'DEPARTMENT',
    unitType: 'DEPARTMENT',
    parentId: 'group',
    names: { zh: '网络部', en: 'Network department' },
    supervisorId: 'network-supervisor',
  }),
];

const QUEUE_NAMES: Readonly<Record<string, string>> = {
  'front-line': 'Front line',
  complaints: 'Complaints',
  'technical-support': 'Technical support',
  'partner-desk': 'Partner desk',
  'internal-service-desk': 'Internal service desk',
};

/** Every queue the default routing names (rules and fallback) belongs to the front line. */
const routedQueues = [...new Set([...DEFAULT_ROUTING_RULES.map((rule) => rule.queue), FALLBACK_ROUTE.queue])];

export const DEFAULT_QUEUES: readonly DefineQueue[] = [
  ...routedQueues.map((queueId) => queue(queueId, 'front-line', QUEUE_NAMES[queueId] ?? queueId)),
  queue('billing', 'billing', 'Billing'),
  queue('network', 'network', 'Network'),
];
