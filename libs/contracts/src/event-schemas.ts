import type { JsonSchema } from './service-contract';
import intakeCaseOpenedV1 from '../schemas/intake/CaseOpened.v1.schema.json';
import intakeCaseOpenedV2 from '../schemas/intake/CaseOpened.v2.schema.json';
import intakeCaseAcknowledgedV1 from '../schemas/intake/CaseAcknowledged.v1.schema.json';
import intakeContactAppendedV1 from '../schemas/intake/ContactAppended.v1.schema.json';
import intakeChannelRegisteredV1 from '../schemas/intake/ChannelRegistered.v1.schema.json';
import intakeChannelChangedV1 from '../schemas/intake/ChannelChanged.v1.schema.json';
import intakeChannelEnabledV1 from '../schemas/intake/ChannelEnabled.v1.schema.json';
import intakeChannelDisabledV1 from '../schemas/intake/ChannelDisabled.v1.schema.json';
import intakeCategoryDefinedV1 from '../schemas/intake/CategoryDefined.v1.schema.json';
import intakeCategoryRenamedV1 from '../schemas/intake/CategoryRenamed.v1.schema.json';
import intakeCategoryRetiredV1 from '../schemas/intake/CategoryRetired.v1.schema.json';
import intakeCalendarDefinedV1 from '../schemas/intake/CalendarDefined.v1.schema.json';
import intakeCalendarRevisedV1 from '../schemas/intake/CalendarRevised.v1.schema.json';
import intakeCalendarDefinedV2 from '../schemas/intake/CalendarDefined.v2.schema.json';
import intakeCalendarRevisedV2 from '../schemas/intake/CalendarRevised.v2.schema.json';
import intakeCalendarCoverageEndingV1 from '../schemas/intake/CalendarCoverageEnding.v1.schema.json';
import workflowCaseRegisteredV1 from '../schemas/workflow/CaseRegistered.v1.schema.json';
import workflowCaseAssignedV1 from '../schemas/workflow/CaseAssigned.v1.schema.json';
import workflowCaseAssignedToAgentV1 from '../schemas/workflow/CaseAssignedToAgent.v1.schema.json';
import workflowCaseReassignedV1 from '../schemas/workflow/CaseReassigned.v1.schema.json';
import workflowCaseTransferredV1 from '../schemas/workflow/CaseTransferred.v1.schema.json';
import workflowCaseWorkStartedV1 from '../schemas/workflow/CaseWorkStarted.v1.schema.json';
import workflowCollaborationTaskOpenedV1 from '../schemas/workflow/CollaborationTaskOpened.v1.schema.json';
import workflowCollaborationTaskClosedV1 from '../schemas/workflow/CollaborationTaskClosed.v1.schema.json';
import workflowPingPongDetectedV1 from '../schemas/workflow/PingPongDetected.v1.schema.json';
import workflowCaseResolvedV1 from '../schemas/workflow/CaseResolved.v1.schema.json';
import workflowCaseClosedV1 from '../schemas/workflow/CaseClosed.v1.schema.json';
import workflowFeedbackRecordedV1 from '../schemas/workflow/FeedbackRecorded.v1.schema.json';
import workflowCaseReopenedV1 from '../schemas/workflow/CaseReopened.v1.schema.json';
import workflowCaseCancelledV1 from '../schemas/workflow/CaseCancelled.v1.schema.json';
import workflowCollaborationRequestedV1 from '../schemas/workflow/CollaborationRequested.v1.schema.json';
import workflowTaskAcceptedV1 from '../schemas/workflow/TaskAccepted.v1.schema.json';
import workflowTaskNoteAddedV1 from '../schemas/workflow/TaskNoteAdded.v1.schema.json';
import workflowTaskCompletedV1 from '../schemas/workflow/TaskCompleted.v1.schema.json';
import workflowTaskReturnedV1 from '../schemas/workflow/TaskReturned.v1.schema.json';
import workflowTaskUrgedV1 from '../schemas/workflow/TaskUrged.v1.schema.json';
import workflowTaskWithdrawnV1 from '../schemas/workflow/TaskWithdrawn.v1.schema.json';
import workflowUnitDefinedV1 from '../schemas/workflow/UnitDefined.v1.schema.json';
import workflowUnitChangedV1 from '../schemas/workflow/UnitChanged.v1.schema.json';
import workflowQueueDefinedV1 from '../schemas/workflow/QueueDefined.v1.schema.json';
import workflowQueueChangedV1 from '../schemas/workflow/QueueChanged.v1.schema.json';
import workflowAgentEnrolledV1 from '../schemas/workflow/AgentEnrolled.v1.schema.json';
import workflowAgentChangedV1 from '../schemas/workflow/AgentChanged.v1.schema.json';
import workflowAgentDeactivatedV1 from '../schemas/workflow/AgentDeactivated.v1.schema.json';
import workflowAgentReactivatedV1 from '../schemas/workflow/AgentReactivated.v1.schema.json';
import workflowPartnerRegisteredV1 from '../schemas/workflow/PartnerRegistered.v1.schema.json';
import workflowPartnerChangedV1 from '../schemas/workflow/PartnerChanged.v1.schema.json';
import workflowPartnerDeactivatedV1 from '../schemas/workflow/PartnerDeactivated.v1.schema.json';
import workflowPartnerReactivatedV1 from '../schemas/workflow/PartnerReactivated.v1.schema.json';
import workflowResponsibilityAssignedV1 from '../schemas/workflow/ResponsibilityAssigned.v1.schema.json';
import workflowResponsibilityWithdrawnV1 from '../schemas/workflow/ResponsibilityWithdrawn.v1.schema.json';
import workflowCaseProcessStartedV1 from '../schemas/workflow/CaseProcessStarted.v1.schema.json';
import workflowProcessVersionPublishedV1 from '../schemas/workflow/ProcessVersionPublished.v1.schema.json';
import workflowProcessRetiredV1 from '../schemas/workflow/ProcessRetired.v1.schema.json';
import workflowReturnReasonDefinedV1 from '../schemas/workflow/ReturnReasonDefined.v1.schema.json';
import workflowReturnReasonRetiredV1 from '../schemas/workflow/ReturnReasonRetired.v1.schema.json';
import workflowSlaClockStartedV1 from '../schemas/workflow/SlaClockStarted.v1.schema.json';
import workflowSlaWarningV1 from '../schemas/workflow/SlaWarning.v1.schema.json';
import workflowSlaBreachedV1 from '../schemas/workflow/SlaBreached.v1.schema.json';
import workflowSlaEscalatedV1 from '../schemas/workflow/SlaEscalated.v1.schema.json';
import workflowSlaClockStoppedV1 from '../schemas/workflow/SlaClockStopped.v1.schema.json';

/**
 * Every published event schema, by its `$id` (the CloudEvents `dataschema`). The JSON files under
 * libs/contracts/schemas are the source; analysts read them without our code.
 */
const schemas: readonly JsonSchema[] = [
  intakeCaseOpenedV1,
  intakeCaseOpenedV2,
  intakeCaseAcknowledgedV1,
  intakeContactAppendedV1,
  intakeChannelRegisteredV1,
  intakeChannelChangedV1,
  intakeChannelEnabledV1,
  intakeChannelDisabledV1,
  intakeCategoryDefinedV1,
  intakeCategoryRenamedV1,
  intakeCategoryRetiredV1,
  intakeCalendarDefinedV1,
  intakeCalendarRevisedV1,
  intakeCalendarDefinedV2,
  intakeCalendarRevisedV2,
  intakeCalendarCoverageEndingV1,
  workflowCaseRegisteredV1,
  workflowCaseAssignedV1,
  workflowCaseAssignedToAgentV1,
  workflowCaseReassignedV1,
  workflowCaseTransferredV1,
  workflowCaseWorkStartedV1,
  workflowCollaborationTaskOpenedV1,
  workflowCollaborationTaskClosedV1,
  workflowPingPongDetectedV1,
  workflowCaseResolvedV1,
  workflowCaseClosedV1,
  workflowFeedbackRecordedV1,
  workflowCaseReopenedV1,
  workflowCaseCancelledV1,
  workflowCollaborationRequestedV1,
  workflowTaskAcceptedV1,
  workflowTaskNoteAddedV1,
  workflowTaskCompletedV1,
  workflowTaskReturnedV1,
  workflowTaskUrgedV1,
  workflowTaskWithdrawnV1,
  workflowUnitDefinedV1,
  workflowUnitChangedV1,
  workflowQueueDefinedV1,
  workflowQueueChangedV1,
  workflowAgentEnrolledV1,
  workflowAgentChangedV1,
  workflowAgentDeactivatedV1,
  workflowAgentReactivatedV1,
  workflowPartnerRegisteredV1,
  workflowPartnerChangedV1,
  workflowPartnerDeactivatedV1,
  workflowPartnerReactivatedV1,
  workflowResponsibilityAssignedV1,
  workflowResponsibilityWithdrawnV1,
  workflowCaseProcessStartedV1,
  workflowProcessVersionPublishedV1,
  workflowProcessRetiredV1,
  workflowReturnReasonDefinedV1,
  workflowReturnReasonRetiredV1,
  workflowSlaClockStartedV1,
  workflowSlaWarningV1,
  workflowSlaBreachedV1,
  workflowSlaEscalatedV1,
  workflowSlaClockStoppedV1,
];

export const EVENT_SCHEMAS: ReadonlyMap<string, JsonSchema> = new Map(
  schemas.map((schema) => [String(schema['$id']), schema]),
);

export const eventSchema = (schemaId: string): JsonSchema => {
  const schema = EVENT_SCHEMAS.get(schemaId);
  if (!schema) throw new Error(`no JSON Schema with $id ${schemaId} in libs/contracts/schemas`);
  return schema;
};
