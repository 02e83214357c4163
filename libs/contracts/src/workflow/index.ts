import { publishedLanguage } from '../published-language/published-language';

/** The rules that give a version 1 party id its kind, for readers that fall back on them. */
export { askerOfVersion1, clockHolderOfVersion1, pingPongSideOfVersion1, sideOfVersion1 } from './party';
import { agentChangedV1 } from './agent-changed.v1';
import { agentCrossUnitMembershipGrantedV1 } from './agent-cross-unit-membership-granted.v1';
import { agentDeactivatedV1 } from './agent-deactivated.v1';
import { agentEnrolledV1 } from './agent-enrolled.v1';
import { agentReactivatedV1 } from './agent-reactivated.v1';
import { caseAssignedV1 } from './case-assigned.v1';
import { caseAssignedToAgentV1 } from './case-assigned-to-agent.v1';
import { caseAssignedToAgentV2 } from './case-assigned-to-agent.v2';
import { caseCancelledV1 } from './case-cancelled.v1';
import { caseClosedV1 } from './case-closed.v1';
import { caseProcessStartedV1 } from './case-process-started.v1';
import { caseReassignedV1 } from './case-reassigned.v1';
import { caseReassignedV2 } from './case-reassigned.v2';
import { caseRegisteredV1 } from './case-registered.v1';
import { caseRegisteredV2 } from './case-registered.v2';
import { caseQueuedV1 } from './case-queued.v1';
import { caseReopenedV1 } from './case-reopened.v1';
import { caseReopenedV2 } from './case-reopened.v2';
import { caseResolvedV1 } from './case-resolved.v1';
import { caseTransferredV1 } from './case-transferred.v1';
import { caseWorkStartedV1 } from './case-work-started.v1';
import { collaborationRequestedV1 } from './collaboration-requested.v1';
import { collaborationRequestedV2 } from './collaboration-requested.v2';
import { collaborationTaskClosedV1 } from './collaboration-task-closed.v1';
import { collaborationTaskOpenedV1 } from './collaboration-task-opened.v1';
import { collaborationTaskOpenedV2 } from './collaboration-task-opened.v2';
import { feedbackRecordedV1 } from './feedback-recorded.v1';
import { partnerChangedV1 } from './partner-changed.v1';
import { partnerDeactivatedV1 } from './partner-deactivated.v1';
import { partnerReactivatedV1 } from './partner-reactivated.v1';
import { partnerRegisteredV1 } from './partner-registered.v1';
import { pingPongDetectedV1 } from './ping-pong-detected.v1';
import { pingPongDetectedV2 } from './ping-pong-detected.v2';
import { processRetiredV1 } from './process-retired.v1';
import { systemParameterChangedV1 } from './system-parameter-changed.v1';
import { escalationPercentsChangedV1 } from './escalation-percents-changed.v1';
import { roleGrantedV1 } from './role-granted.v1';
import { roleRevokedV1 } from './role-revoked.v1';
import { processVersionPublishedV1 } from './process-version-published.v1';
import { processVersionPublishedV2 } from './process-version-published.v2';
import { queueChangedV1 } from './queue-changed.v1';
import { queueChangedV2 } from './queue-changed.v2';
import { queueDefinedV1 } from './queue-defined.v1';
import { queueDefinedV2 } from './queue-defined.v2';
import { queueRetiredV1 } from './queue-retired.v1';
import { responsibilityAssignedV1 } from './responsibility-assigned.v1';
import { responsibilityWithdrawnV1 } from './responsibility-withdrawn.v1';
import { returnReasonDefinedV1 } from './return-reason-defined.v1';
import { returnReasonRetiredV1 } from './return-reason-retired.v1';
import { slaBreachedV1 } from './sla-breached.v1';
import { slaClockStartedV1 } from './sla-clock-started.v1';
import { slaClockStartedV2 } from './sla-clock-started.v2';
import { slaClockStoppedV1 } from './sla-clock-stopped.v1';
import { slaEscalatedV1 } from './sla-escalated.v1';
import { slaEscalatedV2 } from './sla-escalated.v2';
import { slaWarningV1 } from './sla-warning.v1';
import { taskAcceptedV1 } from './task-accepted.v1';
import { taskAcceptedV2 } from './task-accepted.v2';
import { taskCompletedV1 } from './task-completed.v1';
import { taskNoteAddedV1 } from './task-note-added.v1';
import { taskNoteAddedV2 } from './task-note-added.v2';
import { taskReturnedV1 } from './task-returned.v1';
import { taskUrgedV1 } from './task-urged.v1';
import { taskWithdrawnV1 } from './task-withdrawn.v1';
import { unitChangedV1 } from './unit-changed.v1';
import { unitDefinedV1 } from './unit-defined.v1';

export {
  agentChangedV1,
  agentCrossUnitMembershipGrantedV1,
  agentDeactivatedV1,
  agentEnrolledV1,
  agentReactivatedV1,
  caseAssignedV1,
  caseAssignedToAgentV1,
  caseAssignedToAgentV2,
  caseCancelledV1,
  caseClosedV1,
  caseProcessStartedV1,
  caseReassignedV1,
  caseReassignedV2,
  caseRegisteredV1,
  caseRegisteredV2,
  caseQueuedV1,
  caseReopenedV1,
  caseReopenedV2,
  caseResolvedV1,
  caseTransferredV1,
  caseWorkStartedV1,
  collaborationRequestedV1,
  collaborationRequestedV2,
  collaborationTaskClosedV1,
  collaborationTaskOpenedV1,
  collaborationTaskOpenedV2,
  feedbackRecordedV1,
  partnerChangedV1,
  partnerDeactivatedV1,
  partnerReactivatedV1,
  partnerRegisteredV1,
  pingPongDetectedV1,
  pingPongDetectedV2,
  processRetiredV1,
  processVersionPublishedV1,
  processVersionPublishedV2,
  queueChangedV1,
  queueChangedV2,
  queueDefinedV1,
  queueDefinedV2,
  queueRetiredV1,
  responsibilityAssignedV1,
  responsibilityWithdrawnV1,
  returnReasonDefinedV1,
  returnReasonRetiredV1,
  slaBreachedV1,
  slaClockStartedV1,
  slaClockStartedV2,
  slaClockStoppedV1,
  slaEscalatedV1,
  slaEscalatedV2,
  slaWarningV1,
  systemParameterChangedV1,
  escalationPercentsChangedV1,
  roleGrantedV1,
  roleRevokedV1,
  taskAcceptedV1,
  taskAcceptedV2,
  taskCompletedV1,
  taskNoteAddedV1,
  taskNoteAddedV2,
  taskReturnedV1,
  taskUrgedV1,
  taskWithdrawnV1,
  unitChangedV1,
  unitDefinedV1,
};

/** What workflow publishes on `collab.workflow.events.v1`, newest version of each type first; older versions stay readable. */
export const workflowLanguage = publishedLanguage(
  'workflow',
  {
    AgentChanged: agentChangedV1,
    AgentCrossUnitMembershipGranted: agentCrossUnitMembershipGrantedV1,
    AgentDeactivated: agentDeactivatedV1,
    AgentEnrolled: agentEnrolledV1,
    AgentReactivated: agentReactivatedV1,
    CaseAssignedToAgent: caseAssignedToAgentV2,
    CaseCancelled: caseCancelledV1,
    CaseClosed: caseClosedV1,
    CaseProcessStarted: caseProcessStartedV1,
    CaseReassigned: caseReassignedV2,
    CaseRegistered: caseRegisteredV2,
    CaseQueued: caseQueuedV1,
    CaseReopened: caseReopenedV2,
    CaseResolved: caseResolvedV1,
    CaseTransferred: caseTransferredV1,
    CaseWorkStarted: caseWorkStartedV1,
    CollaborationRequested: collaborationRequestedV2,
    CollaborationTaskClosed: collaborationTaskClosedV1,
    CollaborationTaskOpened: collaborationTaskOpenedV2,
    FeedbackRecorded: feedbackRecordedV1,
    PartnerChanged: partnerChangedV1,
    PartnerDeactivated: partnerDeactivatedV1,
    PartnerReactivated: partnerReactivatedV1,
    PartnerRegistered: partnerRegisteredV1,
    PingPongDetected: pingPongDetectedV2,
    ProcessRetired: processRetiredV1,
    ProcessVersionPublished: processVersionPublishedV2,
    QueueChanged: queueChangedV2,
    QueueDefined: queueDefinedV2,
    QueueRetired: queueRetiredV1,
    ResponsibilityAssigned: responsibilityAssignedV1,
    ResponsibilityWithdrawn: responsibilityWithdrawnV1,
    ReturnReasonDefined: returnReasonDefinedV1,
    ReturnReasonRetired: returnReasonRetiredV1,
    SlaBreached: slaBreachedV1,
    SlaClockStarted: slaClockStartedV2,
    SlaClockStopped: slaClockStoppedV1,
    SlaEscalated: slaEscalatedV2,
    SlaWarning: slaWarningV1,
    SystemParameterChanged: systemParameterChangedV1,
    EscalationPercentsChanged: escalationPercentsChangedV1,
    RoleGranted: roleGrantedV1,
    RoleRevoked: roleRevokedV1,
    TaskAccepted: taskAcceptedV2,
    TaskCompleted: taskCompletedV1,
    TaskNoteAdded: taskNoteAddedV2,
    TaskReturned: taskReturnedV1,
    TaskUrged: taskUrgedV1,
    TaskWithdrawn: taskWithdrawnV1,
    UnitChanged: unitChangedV1,
    UnitDefined: unitDefinedV1,
  },
  [caseRegisteredV1, caseAssignedV1, caseAssignedToAgentV1, caseReassignedV1, caseReopenedV1, queueChangedV1, queueDefinedV1, processVersionPublishedV1, collaborationRequestedV1, collaborationTaskOpenedV1, taskAcceptedV1, taskNoteAddedV1, pingPongDetectedV1, slaClockStartedV1, slaEscalatedV1],
);
