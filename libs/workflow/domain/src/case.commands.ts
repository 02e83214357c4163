import type { ActorRef, SupervisorDirectory } from './actor';
import type { AgentLoad } from './agent-assignment';
import type { CaseSummary } from './case.events';
import type { CollaborationSides, RegionOverride } from './collaboration-task/request-rules';
import type { CollaborationRequest, TaskOutcome } from './collaboration-task/collaboration-request';
import type { PublishedProcess } from './process/process-definition';
import type { RoutingDecision, RoutingRule } from './routing';

/**
 * The process version a new case starts on, with its first due times. The caller counts them on
 * the stage's calendar (business time needs the calendar; the decider stays pure).
 */
export interface CaseProcessStart {
  readonly published: PublishedProcess;
  readonly responseDueAt: string;
  readonly resolutionDueAt: string;
}

/** Sent by the routing process manager when intake opened a case. */
export interface RegisterAndRouteCase {
  readonly type: 'RegisterAndRouteCase';
  readonly summary: CaseSummary;
  /**
   * The process the case starts on: its rules and fallback route the case (`rules` and
   * `fallback` are then not looked at), and CaseProcessStarted records the version.
   */
  readonly process?: CaseProcessStart;
  readonly rules?: readonly RoutingRule[];
  /** Where the case goes when no rule matches; FALLBACK_ROUTE by default. */
  readonly fallback?: RoutingDecision;
  /** The customer's tier from intake's customer records, when known; routes the case and CaseRegistered keeps it. */
  readonly customerTier?: string;
  /** The customer's tags as workflow heard them from data; they route the case and are not recorded with it. */
  readonly customerTags?: readonly string[];
}

/** Make an agent of the case's queue its owner; `queue` is the queue the agent was picked from. */
export interface AssignCase {
  readonly type: 'AssignCase';
  readonly caseId: string;
  readonly queue: string;
  readonly agentId: string;
  /** The agent's open cases and capacity as the directory counts them now. */
  readonly agentLoad: AgentLoad;
  /** A supervisor's explicit decision to go beyond the agent's capacity (only supervisors may send it). */
  readonly overrideCapacity: boolean;
  readonly actor: ActorRef;
  readonly reason: string;
}

export interface ReassignCase {
  readonly type: 'ReassignCase';
  readonly caseId: string;
  readonly toAgentId: string;
  /** The new owner's open cases and capacity as the directory counts them now. */
  readonly agentLoad: AgentLoad;
  /** A supervisor's explicit decision to go beyond the new owner's capacity. */
  readonly overrideCapacity: boolean;
  readonly actor: ActorRef;
  readonly reason: string;
}

/**
 * Move the case to another queue (of this or another unit), optionally in another region.
 * `supervisors` names the supervisors of both queues, for a ping-pong escalation.
 */
export interface TransferCase {
  readonly type: 'TransferCase';
  readonly caseId: string;
  readonly to: { readonly queue: string; readonly region?: string };
  readonly actor: ActorRef;
  readonly reason: string;
  readonly supervisors?: SupervisorDirectory;
}

export interface StartWork {
  readonly type: 'StartWork';
  readonly caseId: string;
  readonly actor: ActorRef;
}

/** The owner (or, with `parentTaskId`, the unit holding that task) asks another unit for help. */
export interface RequestCollaboration {
  readonly type: 'RequestCollaboration';
  readonly caseId: string;
  readonly request: CollaborationRequest;
  readonly actor: ActorRef;
  readonly supervisors?: SupervisorDirectory;
  /** Who asks and where the target serves, from the org directory (request-rules.ts). */
  readonly sides?: CollaborationSides;
  /** Asks a partner outside the regions it serves, saying why; recorded on the task's opening. */
  readonly regionOverride?: RegionOverride;
}

/** Sent by a process manager when a task stream records its end (completed, returned or withdrawn). */
export interface RecordCollaborationOutcome {
  readonly type: 'RecordCollaborationOutcome';
  readonly caseId: string;
  readonly taskId: string;
  readonly outcome: TaskOutcome;
  readonly reason: string | null;
  readonly actor: ActorRef;
  readonly supervisors?: SupervisorDirectory;
}

export interface ResolveCase {
  readonly type: 'ResolveCase';
  readonly caseId: string;
  readonly resolutionCode: string;
  readonly knowledgeArticleIds: readonly string[];
  readonly note: string;
  readonly actor: ActorRef;
}

/** The requester confirms the resolution. */
export interface ConfirmResolution {
  readonly type: 'ConfirmResolution';
  readonly caseId: string;
  readonly actor: ActorRef;
}

/** Sent by the auto-close timer; refused until the quiet period after resolution has passed. */
export interface AutoCloseCase {
  readonly type: 'AutoCloseCase';
  readonly caseId: string;
  readonly actor: ActorRef;
}

export interface RecordFeedback {
  readonly type: 'RecordFeedback';
  readonly caseId: string;
  readonly csat: number;
  readonly comment: string;
  readonly actor: ActorRef;
}

export interface ReopenCase {
  readonly type: 'ReopenCase';
  readonly caseId: string;
  /**
   * The last owner's open cases and capacity now; null when they no longer work the case's queue
   * as an active agent. Without room the case waits in its queue rather than exceed capacity.
   */
  readonly ownerLoad: AgentLoad | null;
  readonly actor: ActorRef;
  readonly reason: string;
}

export interface CancelCase {
  readonly type: 'CancelCase';
  readonly caseId: string;
  readonly actor: ActorRef;
  readonly reason: string;
}

export type WorkflowCaseCommand =
  | RegisterAndRouteCase
  | AssignCase
  | ReassignCase
  | TransferCase
  | StartWork
  | RequestCollaboration
  | RecordCollaborationOutcome
  | ResolveCase
  | ConfirmResolution
  | AutoCloseCase
  | RecordFeedback
  | ReopenCase
  | CancelCase;
