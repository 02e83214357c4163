import {
  asIs,
  agentChangedV1,
  agentCrossUnitMembershipGrantedV1,
  agentDeactivatedV1,
  agentEnrolledV1,
  agentReactivatedV1,
  caseQueuedV1,
  caseAssignedToAgentV2,
  caseCancelledV1,
  caseClosedV1,
  caseProcessStartedV1,
  caseReassignedV2,
  caseRegisteredV2,
  caseReopenedV2,
  caseResolvedV1,
  caseTransferredV1,
  caseWorkStartedV1,
  collaborationRequestedV2,
  collaborationTaskClosedV1,
  collaborationTaskOpenedV2,
  feedbackRecordedV1,
  partnerChangedV1,
  partnerDeactivatedV1,
  partnerReactivatedV1,
  partnerRegisteredV1,
  pingPongDetectedV2,
  processRetiredV1,
  systemParameterChangedV1,
  escalationPercentsChangedV1,
  roleGrantedV1,
  roleRevokedV1,
  processVersionPublishedV2,
  queueChangedV2,
  queueDefinedV2,
  queueRetiredV1,
  responsibilityAssignedV1,
  responsibilityWithdrawnV1,
  returnReasonDefinedV1,
  returnReasonRetiredV1,
  slaBreachedV1,
  slaClockStartedV2,
  slaClockStoppedV1,
  slaEscalatedV2,
  slaWarningV1,
  taskAcceptedV2,
  taskCompletedV1,
  taskNoteAddedV2,
  taskReturnedV1,
  taskUrgedV1,
  taskWithdrawnV1,
  unitChangedV1,
  unitDefinedV1,
  publish,
  serviceContract,
  workflowLanguage,
  type ServiceContract,
} from '@collab/contracts';
import type {
  AgentEvent,
  CollaborationTaskEvent,
  PartnerEvent,
  ProcessEvent,
  QueueEvent,
  ResponsibilityEvent,
  ReturnReasonEvent,
  SlaEvent,
  SystemParameterEvent,
  EscalationPercentsEvent,
  RoleGrantEvent,
  UnitEvent,
  WorkflowCaseEvent,
} from '@collab/workflow-domain';

type WorkflowEvent =
  | WorkflowCaseEvent
  | CollaborationTaskEvent
  | UnitEvent
  | QueueEvent
  | AgentEvent
  | PartnerEvent
  | ResponsibilityEvent
  | ProcessEvent
  | ReturnReasonEvent
  | SlaEvent
  | SystemParameterEvent
  | EscalationPercentsEvent
  | RoleGrantEvent;

/**
 * What workflow publishes on `collab.workflow.events.v1`: the case's main line (stream
 * `case-<caseId>`), its collaboration tasks (stream `task-<taskId>`), SLA clocks, process
 * definitions and the org directory, each internal event type mapped to its public event
 * (libs/contracts/src/workflow). Events not listed here stay inside workflow.
 */
export const workflowContract: ServiceContract = serviceContract<WorkflowEvent>(workflowLanguage, {
  CaseRegistered: (data) =>
    publish(caseRegisteredV2, {
      ...data,
      audience: caseRegisteredV2.data.shape.audience.parse(data.audience),
    }),
  CaseQueued: ({ assignedAt, ...queued }) => publish(caseQueuedV1, { ...queued, queuedAt: assignedAt }),
  CaseAssignedToAgent: asIs(caseAssignedToAgentV2),
  CaseReassigned: asIs(caseReassignedV2),
  CaseTransferred: asIs(caseTransferredV1),
  CaseWorkStarted: asIs(caseWorkStartedV1),
  // A region override stays inside workflow: the public event has no field for it, and it is the history's, not analysts'.
  CollaborationTaskOpened: ({ regionOverride: _override, ...opened }) =>
    publish(collaborationTaskOpenedV2, { ...opened, fromUnit: opened.from.id }),
  CollaborationTaskClosed: asIs(collaborationTaskClosedV1),
  PingPongDetected: (detected) =>
    publish(pingPongDetectedV2, {
      ...detected,
      units: detected.sides.map(({ party, supervisorId }) => ({ unitId: party.id, supervisorId })),
    }),
  CaseResolved: asIs(caseResolvedV1),
  CaseClosed: asIs(caseClosedV1),
  FeedbackRecorded: asIs(feedbackRecordedV1),
  CaseReopened: asIs(caseReopenedV2),
  CaseCancelled: asIs(caseCancelledV1),
  // v2 keeps v1's id-only field beside the tagged party, so v1 readers go on reading.
  CollaborationRequested: (requested) => publish(collaborationRequestedV2, { ...requested, fromUnit: requested.from.id }),
  TaskAccepted: (accepted) => publish(taskAcceptedV2, { ...accepted, unit: accepted.by.id }),
  TaskNoteAdded: (noted) => publish(taskNoteAddedV2, { ...noted, unit: noted.by.id }),
  TaskCompleted: asIs(taskCompletedV1),
  TaskReturned: asIs(taskReturnedV1),
  TaskUrged: asIs(taskUrgedV1),
  TaskWithdrawn: asIs(taskWithdrawnV1),
  UnitDefined: asIs(unitDefinedV1),
  UnitChanged: asIs(unitChangedV1),
  QueueDefined: asIs(queueDefinedV2),
  QueueChanged: asIs(queueChangedV2),
  QueueRetired: asIs(queueRetiredV1),
  AgentEnrolled: asIs(agentEnrolledV1),
  AgentChanged: asIs(agentChangedV1),
  AgentDeactivated: asIs(agentDeactivatedV1),
  AgentReactivated: asIs(agentReactivatedV1),
  AgentCrossUnitMembershipGranted: asIs(agentCrossUnitMembershipGrantedV1),
  PartnerRegistered: asIs(partnerRegisteredV1),
  PartnerChanged: asIs(partnerChangedV1),
  PartnerDeactivated: asIs(partnerDeactivatedV1),
  PartnerReactivated: asIs(partnerReactivatedV1),
  ResponsibilityAssigned: asIs(responsibilityAssignedV1),
  ResponsibilityWithdrawn: asIs(responsibilityWithdrawnV1),
  CaseProcessStarted: asIs(caseProcessStartedV1),
  ProcessVersionPublished: asIs(processVersionPublishedV2),
  ProcessRetired: asIs(processRetiredV1),
  ReturnReasonDefined: asIs(returnReasonDefinedV1),
  ReturnReasonRetired: asIs(returnReasonRetiredV1),
  SlaClockStarted: (started) => publish(slaClockStartedV2, { ...started, holdingUnit: started.clockHolder?.id ?? null }),
  SlaWarning: asIs(slaWarningV1),
  SlaBreached: asIs(slaBreachedV1),
  SlaEscalated: (escalated) => publish(slaEscalatedV2, { ...escalated, holdingUnit: escalated.clockHolder?.id ?? null }),
  SlaClockStopped: asIs(slaClockStoppedV1),
  SystemParameterChanged: asIs(systemParameterChangedV1),
  EscalationPercentsChanged: asIs(escalationPercentsChangedV1),
  RoleGranted: asIs(roleGrantedV1),
  RoleRevoked: asIs(roleRevokedV1),
});
