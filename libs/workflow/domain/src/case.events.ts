import type { Party } from '@collab/domain-kernel';
import type { ActorRef } from './actor';
import type { AgentLoad } from './agent-assignment';
import type { CollaborationRequest, TaskOutcome } from './collaboration-task/collaboration-request';
import type { PingPongDetected } from './ping-pong';
import type { EscalationPolicy, StageSla } from './process/process-definition';
import type { RoutingFacts } from './routing';

export type { PingPongDetected, PingPongSide } from './ping-pong';

/*
 * The case's events after intake opened and acknowledged it (DESIGN.md §4): queued → assigned →
 * in progress (⇄ collaboration) → resolved → closed, reopen and cancel where sensible.
 *
 * Every event from CaseAssignedToAgent on records in its data the actor, the time (`…At`) and,
 * where a person chose, the reason: they are the business audit trail and the legs are measured
 * from them. The correlation id is not in the data: it is tracing, not a business fact, and the
 * event store's metadata already carries it (with causationId and the authenticated actor) on
 * every event, published as the CloudEvents `correlationid` extension. Copying it into the data
 * would only let the two disagree. CaseRegistered and CaseQueued keep their v1 shapes (public
 * schemas forbid extra fields); their actor is the routing process manager, in the metadata.
 * PingPongDetected is the system's observation, appended with the hand-off that caused it.
 */

/** What workflow keeps of an opened case: enough to route, show and measure it. */
export interface CaseSummary extends Omit<RoutingFacts, 'customerTier' | 'customerTags'> {
  readonly caseId: string;
  readonly subject: string;
  readonly description: string;
  readonly requesterId?: string;
  readonly requesterPartner?: string;
  readonly requesterUnit?: string;
  readonly openedAt: string;
}

/** Where a case sits on its main line: a queue (owned by a unit in the org directory) in a region. */
export interface CaseDesk {
  readonly queue: string;
  readonly region: string;
}

/**
 * Workflow took over a case that intake opened. Schema version 2 keeps the customer's tier that
 * routed it (null when the requester has none); version 1, stored before, had none and reads as null.
 */
export interface CaseRegistered {
  readonly type: 'CaseRegistered';
  readonly data: CaseSummary & { readonly customerTier: string | null };
}

/** The case was put in a queue, by which rule. */
export interface CaseQueued {
  readonly type: 'CaseQueued';
  readonly data: {
    readonly caseId: string;
    readonly queue: string;
    readonly ruleId: string;
    readonly assignedAt: string;
  };
}

/**
 * The case started on a version of a process, which it keeps whatever is published later. It
 * copies that stage's SLA and the escalation policy, so the case's clocks need nothing else, and
 * the due times counted in business time on `sla.calendarId` from the case's `openedAt` (the
 * calendar as it was when the case was routed: a later revision moves only clocks computed after
 * it). Appended by RegisterAndRouteCase after CaseRegistered and CaseQueued.
 */
export interface CaseProcessStarted {
  readonly type: 'CaseProcessStarted';
  readonly data: {
    readonly caseId: string;
    readonly processId: string;
    readonly processVersion: number;
    /** The version's first FRONT_LINE stage. */
    readonly stageId: string;
    readonly sla: StageSla;
    readonly escalation: EscalationPolicy;
    readonly responseDueAt: string;
    readonly resolutionDueAt: string;
    readonly startedAt: string;
  };
}

/**
 * An agent of the case's queue became its owner. Schema version 2 adds `overCapacity`: the load
 * and capacity a supervisor's explicit override went past, null within capacity (as every
 * version 1 assignment reads).
 */
export interface CaseAssignedToAgent {
  readonly type: 'CaseAssignedToAgent';
  readonly data: {
    readonly caseId: string;
    readonly queue: string;
    readonly agentId: string;
    readonly overCapacity: AgentLoad | null;
    readonly actor: ActorRef;
    readonly reason: string;
    readonly assignedAt: string;
  };
}

/** Another agent became the owner, without the case leaving its queue; `overCapacity` as for CaseAssignedToAgent (version 2). */
export interface CaseReassigned {
  readonly type: 'CaseReassigned';
  readonly data: {
    readonly caseId: string;
    readonly queue: string;
    readonly fromAgentId: string;
    readonly toAgentId: string;
    readonly overCapacity: AgentLoad | null;
    readonly actor: ActorRef;
    readonly reason: string;
    readonly reassignedAt: string;
  };
}

/** The case moved to another queue, unit or region; it waits there for an owner. */
export interface CaseTransferred {
  readonly type: 'CaseTransferred';
  readonly data: {
    readonly caseId: string;
    readonly from: CaseDesk;
    readonly to: CaseDesk;
    readonly actor: ActorRef;
    readonly reason: string;
    readonly transferredAt: string;
  };
}

/** The owner started working the case. */
export interface CaseWorkStarted {
  readonly type: 'CaseWorkStarted';
  readonly data: {
    readonly caseId: string;
    readonly agentId: string;
    readonly actor: ActorRef;
    readonly startedAt: string;
  };
}

/**
 * 流程穿越: the case (or a unit working one of its tasks) asked another unit for help. Carries the
 * whole request, so a process manager can create the task stream from this event alone.
 */
export interface CollaborationTaskOpened {
  readonly type: 'CollaborationTaskOpened';
  readonly data: CollaborationRequest & {
    readonly caseId: string;
    /**
     * Who asks: the case owner's queue (kind QUEUE), or for a chain the holder of the parent task
     * (its target: a UNIT or a PARTNER). Schema version 2; version 1 held only the id (`fromUnit`),
     * lifted as stored-event-versions.ts says.
     */
    readonly from: Party;
    readonly actor: ActorRef;
    readonly openedAt: string;
    /** Present only when a partner was asked outside the regions it serves, on purpose (not published: v1 has no field for it). */
    readonly regionOverride?: { readonly caseRegion: string; readonly reason: string };
  };
}

/** A collaboration task ended; `reason` is the return reason code or the withdrawal reason, null on completion. */
export interface CollaborationTaskClosed {
  readonly type: 'CollaborationTaskClosed';
  readonly data: {
    readonly caseId: string;
    readonly taskId: string;
    readonly outcome: TaskOutcome;
    readonly reason: string | null;
    readonly actor: ActorRef;
    readonly closedAt: string;
  };
}

/** The owner resolved the case; the requester confirms, reopens, or the quiet period closes it. */
export interface CaseResolved {
  readonly type: 'CaseResolved';
  readonly data: {
    readonly caseId: string;
    readonly resolutionCode: string;
    readonly knowledgeArticleIds: readonly string[];
    readonly note: string;
    readonly actor: ActorRef;
    readonly resolvedAt: string;
  };
}

/** Why a resolved case closed. */
export type CaseClosure = 'CONFIRMED_BY_REQUESTER' | 'QUIET_PERIOD_ELAPSED';

export interface CaseClosed {
  readonly type: 'CaseClosed';
  readonly data: {
    readonly caseId: string;
    readonly closure: CaseClosure;
    readonly actor: ActorRef;
    readonly closedAt: string;
  };
}

/** The requester's satisfaction with a resolution: CSAT 1–5 and a comment (possibly empty). */
export interface FeedbackRecorded {
  readonly type: 'FeedbackRecorded';
  readonly data: {
    readonly caseId: string;
    readonly csat: number;
    readonly comment: string;
    readonly actor: ActorRef;
    readonly recordedAt: string;
  };
}

/**
 * A resolved or recently closed case is worked again, by its last owner (`agentId`) in its queue
 * when they have room. Schema version 2 adds `waitsForRoom`: true when they have none (or no
 * longer work the queue), and the case waits in its queue, without an owner, for an agent with
 * room instead of exceeding capacity; version 1 reopenings read as false.
 */
export interface CaseReopened {
  readonly type: 'CaseReopened';
  readonly data: {
    readonly caseId: string;
    readonly queue: string;
    /** The last owner. */
    readonly agentId: string;
    readonly waitsForRoom: boolean;
    readonly actor: ActorRef;
    readonly reason: string;
    readonly reopenedAt: string;
  };
}

/** The case ended without a resolution; `openTaskIds` are the tasks a process manager withdraws. */
export interface CaseCancelled {
  readonly type: 'CaseCancelled';
  readonly data: {
    readonly caseId: string;
    readonly openTaskIds: readonly string[];
    readonly actor: ActorRef;
    readonly reason: string;
    readonly cancelledAt: string;
  };
}

/** Routing, ownership and moving the case between queues. */
export type CaseAssignmentEvent =
  | CaseRegistered
  | CaseQueued
  | CaseProcessStarted
  | CaseAssignedToAgent
  | CaseReassigned
  | CaseTransferred
  | CaseWorkStarted;

/** The collaboration chain as the case sees it: which tasks are open, and ping-pong. */
export type CaseCollaborationEvent = CollaborationTaskOpened | CollaborationTaskClosed | PingPongDetected;

/** Resolving, closing with the requester, reopening and cancelling. */
export type CaseClosingEvent = CaseResolved | CaseClosed | FeedbackRecorded | CaseReopened | CaseCancelled;

export type WorkflowCaseEvent = CaseAssignmentEvent | CaseCollaborationEvent | CaseClosingEvent;

/** Which phase each event belongs to; a Record, so an event left out is a compile error. */
const PHASE_OF_EVENT: Readonly<
  Record<WorkflowCaseEvent['type'], 'assignment' | 'collaboration' | 'closing'>
> = {
  CaseRegistered: 'assignment',
  CaseQueued: 'assignment',
  CaseProcessStarted: 'assignment',
  CaseAssignedToAgent: 'assignment',
  CaseReassigned: 'assignment',
  CaseTransferred: 'assignment',
  CaseWorkStarted: 'assignment',
  CollaborationTaskOpened: 'collaboration',
  CollaborationTaskClosed: 'collaboration',
  PingPongDetected: 'collaboration',
  CaseResolved: 'closing',
  CaseClosed: 'closing',
  FeedbackRecorded: 'closing',
  CaseReopened: 'closing',
  CaseCancelled: 'closing',
};

/** Every event of a case stream (what the case view follows). */
export const WORKFLOW_CASE_EVENT_TYPES = Object.keys(PHASE_OF_EVENT) as readonly WorkflowCaseEvent['type'][];

export const isAssignmentEvent = (event: WorkflowCaseEvent): event is CaseAssignmentEvent =>
  PHASE_OF_EVENT[event.type] === 'assignment';

export const isCollaborationEvent = (event: WorkflowCaseEvent): event is CaseCollaborationEvent =>
  PHASE_OF_EVENT[event.type] === 'collaboration';
