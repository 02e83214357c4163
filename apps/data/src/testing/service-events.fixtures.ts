import { randomUUID } from 'node:crypto';
import { articlePublishedV1, caseProcessStartedV1, collaborationRequestedV2, collaborationTaskOpenedV2 } from '@collab/contracts';
import { feedEvent, type FeedEvent } from './published-feed';

const system = { id: 'workflow', kind: 'service' } as const;
const agent = { id: 'agent-1', kind: 'user' } as const;

export interface CaseFixture {
  readonly caseId: string;
  readonly customerId: string;
  readonly channel: string;
  readonly channelKind: string;
  readonly region: string;
  readonly category: string;
  readonly requestType: string;
  readonly priority: string;
  readonly tier?: string;
  readonly partner?: string;
  /** The requester's id as the channel knows it: a customer token's subject. */
  readonly requesterId?: string;
  readonly language: string;
  readonly at: string;
  /** What the requester is told at acknowledgement, and what the case's process holds the organisation to (one promise). */
  readonly promise: { readonly firstResponse: string; readonly resolution: string };
}

let caseNumbers = 0;

/** A case as the business describes it, with defaults for everything the spec does not care about. */
export const aCase = (overrides: Partial<CaseFixture> = {}): CaseFixture => {
  const at = overrides.at ?? '2026-11-30T02:00:00.000Z';
  const hoursLater = (hours: number) => new Date(Date.parse(at) + hours * 3_600_000).toISOString();
  return {
    caseId: randomUUID(), customerId: randomUUID(), channel: 'app', channelKind: 'APP', region: 'GD-SZ', category: 'billing/wrong-charge',
    requestType: 'COMPLAINT', priority: 'NORMAL', language: 'zh-CN', at, promise: { firstResponse: hoursLater(1), resolution: hoursLater(24) }, ...overrides,
  };
};

/** Intake's CaseOpened for the case. */
export const caseOpened = (fixture: CaseFixture): FeedEvent =>
  feedEvent('intake', `case-${fixture.caseId}`, 'CaseOpened', {
    caseId: fixture.caseId, contactId: randomUUID(), caseNumber: `${fixture.region.split('-')[0]}-20261130-${String(++caseNumbers).padStart(6, '0')}`,
    customerId: fixture.customerId, channel: fixture.channel, channelKind: fixture.channelKind, audience: 'EXTERNAL',
    requester: { ...(fixture.requesterId ? { id: fixture.requesterId } : {}), ...(fixture.tier ? { tier: fixture.tier } : {}), ...(fixture.partner ? { partner: fixture.partner } : {}) },
    requestType: fixture.requestType, category: fixture.category, subject: `${fixture.requestType} about ${fixture.category}`, description: '',
    language: fixture.language, region: fixture.region, priority: fixture.priority, occurredAt: fixture.at, openedAt: fixture.at,
  });

/** Intake's ContactAppended: another contact, on another channel, joining the open case. */
export const contactAppended = (fixture: CaseFixture, contact: { channel: string; channelKind: string; at: string }): FeedEvent =>
  feedEvent('intake', `case-${fixture.caseId}`, 'ContactAppended', {
    caseId: fixture.caseId,
    contact: {
      contactId: randomUUID(), customerId: fixture.customerId, channel: contact.channel, channelKind: contact.channelKind, audience: 'EXTERNAL',
      requester: {}, requestType: fixture.requestType, category: fixture.category, subject: 'again', description: '', language: fixture.language,
      region: fixture.region, priority: fixture.priority, occurredAt: contact.at,
    },
    reason: 'SAME_CUSTOMER_AND_CATEGORY',
    appendedAt: contact.at,
  });

/** Intake's promise at acknowledgement. */
export const caseAcknowledged = (fixture: CaseFixture, promise = fixture.promise): FeedEvent =>
  feedEvent('intake', `case-${fixture.caseId}`, 'CaseAcknowledged', {
    caseId: fixture.caseId, caseNumber: 'GD-20261130-000001', acknowledgedAt: fixture.at, expectedFirstResponseAt: promise.firstResponse,
    expectedResolutionAt: promise.resolution, calendarId: 'cn-standard', coverage: null,
  });

/** Workflow's registration of the case, its process on the cn-standard calendar and its queue. */
export const caseRegistered = (fixture: CaseFixture, queue: string): FeedEvent[] => [
  feedEvent('workflow', `case-${fixture.caseId}`, 'CaseRegistered', {
    caseId: fixture.caseId, channel: fixture.channel, audience: 'EXTERNAL', requestType: fixture.requestType, category: fixture.category,
    region: fixture.region, priority: fixture.priority, language: fixture.language, subject: 'subject', description: '', openedAt: fixture.at,
    customerTier: fixture.tier ?? null, ...(fixture.partner ? { requesterPartner: fixture.partner } : {}),
  }),
  feedEvent('workflow', `case-${fixture.caseId}`, 'CaseProcessStarted', {
    ...caseProcessStartedV1.examples[0], caseId: fixture.caseId, startedAt: fixture.at,
    responseDueAt: fixture.promise.firstResponse, resolutionDueAt: fixture.promise.resolution,
  }),
  feedEvent('workflow', `case-${fixture.caseId}`, 'CaseQueued', { caseId: fixture.caseId, queue, ruleId: 'rule-1', queuedAt: fixture.at }),
];

/** Workflow's steps of an owner working the case: assigned to the agent, then work started. */
export const caseWorked = (fixture: CaseFixture, queue: string, at: string): FeedEvent[] => [
  feedEvent('workflow', `case-${fixture.caseId}`, 'CaseAssignedToAgent', { caseId: fixture.caseId, queue, agentId: agent.id, overCapacity: null, actor: system, reason: 'SKILL_MATCH', assignedAt: at }),
  feedEvent('workflow', `case-${fixture.caseId}`, 'CaseWorkStarted', { caseId: fixture.caseId, agentId: agent.id, actor: agent, startedAt: at }),
];

export const caseTransferred = (fixture: CaseFixture, from: string, to: string, at: string): FeedEvent =>
  feedEvent('workflow', `case-${fixture.caseId}`, 'CaseTransferred', {
    caseId: fixture.caseId, from: { queue: from, region: fixture.region }, to: { queue: to, region: fixture.region }, actor: agent, reason: 'WRONG_QUEUE', transferredAt: at,
  });

/** Workflow's reopening: back to the last owner, or waiting in the queue when they have no room. */
export const caseReopened = (fixture: CaseFixture, queue: string, at: string, waitsForRoom: boolean): FeedEvent =>
  feedEvent('workflow', `case-${fixture.caseId}`, 'CaseReopened', { caseId: fixture.caseId, queue, agentId: agent.id, waitsForRoom, actor: { id: 'customer', kind: 'user' }, reason: '又被扣了一次', reopenedAt: at });

export const caseResolved = (fixture: CaseFixture, at: string, knowledgeArticleIds: string[] = []): FeedEvent =>
  feedEvent('workflow', `case-${fixture.caseId}`, 'CaseResolved', { caseId: fixture.caseId, resolutionCode: 'FIXED', knowledgeArticleIds, note: '', actor: agent, resolvedAt: at });

export const feedbackRecorded = (fixture: CaseFixture, csat: number, at: string): FeedEvent =>
  feedEvent('workflow', `case-${fixture.caseId}`, 'FeedbackRecorded', { caseId: fixture.caseId, csat, comment: '', actor: { id: 'customer', kind: 'user' }, recordedAt: at });

export interface TaskFixture {
  readonly taskId: string;
  readonly caseId: string;
  readonly fromUnit: string;
  readonly to: { readonly kind: 'UNIT' | 'PARTNER'; readonly id: string; readonly region: string };
  readonly at: string;
}

/** Workflow's collaboration request (协同单) from one unit to a unit or partner. */
export const collaborationRequested = (task: TaskFixture): FeedEvent =>
  feedEvent('workflow', `task-${task.taskId}`, 'CollaborationRequested', {
    ...collaborationRequestedV2.examples[0], taskId: task.taskId, caseId: task.caseId, parentTaskId: null, fromUnit: task.fromUnit, from: { kind: 'QUEUE', id: task.fromUnit }, to: task.to,
    sla: { calendarId: 'cn-standard', acceptWithinBusinessMinutes: 60, completeWithinBusinessMinutes: 480 }, actor: system, requestedAt: task.at,
  });

/** The case's own record of the task it asked for (what workflow's case view counts as open). */
export const collaborationTaskOpened = (task: TaskFixture): FeedEvent =>
  feedEvent('workflow', `case-${task.caseId}`, 'CollaborationTaskOpened', {
    ...collaborationTaskOpenedV2.examples[0], caseId: task.caseId, taskId: task.taskId, parentTaskId: null, fromUnit: task.fromUnit, from: { kind: 'QUEUE', id: task.fromUnit }, to: task.to, actor: agent, openedAt: task.at,
  });

export const taskAccepted = (task: TaskFixture, at: string): FeedEvent =>
  feedEvent('workflow', `task-${task.taskId}`, 'TaskAccepted', { taskId: task.taskId, caseId: task.caseId, unit: task.to.id, by: { kind: task.to.kind, id: task.to.id }, actor: agent, acceptedAt: at });

export const taskWithdrawn = (task: TaskFixture, at: string): FeedEvent =>
  feedEvent('workflow', `task-${task.taskId}`, 'TaskWithdrawn', { taskId: task.taskId, caseId: task.caseId, reason: 'NO_LONGER_NEEDED', actor: agent, withdrawnAt: at });

export const taskCompleted = (task: TaskFixture, at: string): FeedEvent =>
  feedEvent('workflow', `task-${task.taskId}`, 'TaskCompleted', { taskId: task.taskId, caseId: task.caseId, result: 'done', actor: agent, completedAt: at });

export const taskReturned = (task: TaskFixture, at: string, reasonCode = 'WRONG_UNIT'): FeedEvent =>
  feedEvent('workflow', `task-${task.taskId}`, 'TaskReturned', { taskId: task.taskId, caseId: task.caseId, reasonCode, note: '', actor: agent, returnedAt: at });

/** Knowledge's publication of an article version. */
export const articlePublished = (article: { articleId: string; title: string; at: string }): FeedEvent =>
  feedEvent('knowledge', `article-${article.articleId}`, 'ArticlePublished', {
    ...articlePublishedV1.examples[0], articleId: article.articleId, title: article.title, publishedAt: article.at,
  });

type PingPongParty = { readonly kind: 'QUEUE' | 'UNIT' | 'PARTNER'; readonly id: string };

/** Workflow's ping-pong alarm (v2): a hand-off between the two parties reversed direction too often. */
export const pingPongDetected = (caseId: string, sides: [PingPongParty, PingPongParty], at: string): FeedEvent =>
  feedEvent('workflow', `case-${caseId}`, 'PingPongDetected', {
    caseId,
    units: sides.map(({ id }) => ({ unitId: id, supervisorId: null })),
    sides: sides.map((party) => ({ party, supervisorId: null })),
    bounces: 3,
    maxBounces: 2,
    detectedAt: at,
  });
