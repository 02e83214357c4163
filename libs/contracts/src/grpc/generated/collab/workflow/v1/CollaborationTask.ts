// Original file: proto/collab/workflow/v1/partner_collaboration_service.proto

import type { TaskTarget as _collab_workflow_v1_TaskTarget, TaskTarget__Output as _collab_workflow_v1_TaskTarget__Output } from '../../../collab/workflow/v1/TaskTarget';
import type { TaskStatus as _collab_workflow_v1_TaskStatus, TaskStatus__Output as _collab_workflow_v1_TaskStatus__Output } from '../../../collab/workflow/v1/TaskStatus';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';
import type { TaskNote as _collab_workflow_v1_TaskNote, TaskNote__Output as _collab_workflow_v1_TaskNote__Output } from '../../../collab/workflow/v1/TaskNote';
import type { ReturnReason as _collab_workflow_v1_ReturnReason, ReturnReason__Output as _collab_workflow_v1_ReturnReason__Output } from '../../../collab/workflow/v1/ReturnReason';
import type { Long } from '@grpc/proto-loader';

/**
 * CollaborationTask is a hand-off from the case owner to a department or partner.
 */
export interface CollaborationTask {
  'id'?: (string);
  'caseId'?: (string);
  'caseNumber'?: (string);
  'target'?: (_collab_workflow_v1_TaskTarget | null);
  'status'?: (_collab_workflow_v1_TaskStatus);
  /**
   * What the target is asked to do.
   */
  'summary'?: (string);
  /**
   * Request type of the case, e.g. "COMPLAINT", for the target's own routing.
   */
  'requestType'?: (string);
  'category'?: (string);
  'region'?: (string);
  'requestedAt'?: (_google_protobuf_Timestamp | null);
  /**
   * When the task's SLA (OLA or underpinning contract) expires, on the business calendar.
   */
  'dueAt'?: (_google_protobuf_Timestamp | null);
  'acceptedAt'?: (_google_protobuf_Timestamp | null);
  'completedAt'?: (_google_protobuf_Timestamp | null);
  'returnedAt'?: (_google_protobuf_Timestamp | null);
  'notes'?: (_collab_workflow_v1_TaskNote)[];
  /**
   * Set when the task was completed.
   */
  'resolution'?: (string);
  /**
   * Set when the task was returned.
   */
  'returnReason'?: (_collab_workflow_v1_ReturnReason);
  /**
   * How often the case owner urged (催办) the task.
   */
  'urgeCount'?: (number);
  /**
   * 0 while within SLA; grows with every escalation level reached.
   */
  'escalationLevel'?: (number);
  /**
   * Version of the task stream this view reflects; grows with every change.
   */
  'version'?: (number | string | Long);
  /**
   * Set when the task was returned: the code from the managed list of return reasons, which may
   * hold codes the ReturnReason enum does not name (return_reason is then OTHER).
   */
  'returnReasonCode'?: (string);
  /**
   * The note the target gave with a return.
   */
  'returnNote'?: (string);
  /**
   * When the target must accept the task, on the business calendar.
   */
  'acceptDueAt'?: (_google_protobuf_Timestamp | null);
}

/**
 * CollaborationTask is a hand-off from the case owner to a department or partner.
 */
export interface CollaborationTask__Output {
  'id': (string);
  'caseId': (string);
  'caseNumber': (string);
  'target': (_collab_workflow_v1_TaskTarget__Output | null);
  'status': (_collab_workflow_v1_TaskStatus__Output);
  /**
   * What the target is asked to do.
   */
  'summary': (string);
  /**
   * Request type of the case, e.g. "COMPLAINT", for the target's own routing.
   */
  'requestType': (string);
  'category': (string);
  'region': (string);
  'requestedAt': (_google_protobuf_Timestamp__Output | null);
  /**
   * When the task's SLA (OLA or underpinning contract) expires, on the business calendar.
   */
  'dueAt': (_google_protobuf_Timestamp__Output | null);
  'acceptedAt': (_google_protobuf_Timestamp__Output | null);
  'completedAt': (_google_protobuf_Timestamp__Output | null);
  'returnedAt': (_google_protobuf_Timestamp__Output | null);
  'notes': (_collab_workflow_v1_TaskNote__Output)[];
  /**
   * Set when the task was completed.
   */
  'resolution': (string);
  /**
   * Set when the task was returned.
   */
  'returnReason': (_collab_workflow_v1_ReturnReason__Output);
  /**
   * How often the case owner urged (催办) the task.
   */
  'urgeCount': (number);
  /**
   * 0 while within SLA; grows with every escalation level reached.
   */
  'escalationLevel': (number);
  /**
   * Version of the task stream this view reflects; grows with every change.
   */
  'version': (string);
  /**
   * Set when the task was returned: the code from the managed list of return reasons, which may
   * hold codes the ReturnReason enum does not name (return_reason is then OTHER).
   */
  'returnReasonCode': (string);
  /**
   * The note the target gave with a return.
   */
  'returnNote': (string);
  /**
   * When the target must accept the task, on the business calendar.
   */
  'acceptDueAt': (_google_protobuf_Timestamp__Output | null);
}
