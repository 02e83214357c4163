// Original file: proto/collab/intake/v1/intake_service.proto

import type { CaseStatus as _collab_intake_v1_CaseStatus, CaseStatus__Output as _collab_intake_v1_CaseStatus__Output } from '../../../collab/intake/v1/CaseStatus';
import type { Acknowledgement as _collab_intake_v1_Acknowledgement, Acknowledgement__Output as _collab_intake_v1_Acknowledgement__Output } from '../../../collab/intake/v1/Acknowledgement';

export interface SubmitContactResponse {
  'caseId'?: (string);
  /**
   * Human case number, e.g. "C-20260123-000042".
   */
  'caseNumber'?: (string);
  'status'?: (_collab_intake_v1_CaseStatus);
  /**
   * True when the contact attached to an already open case instead of opening one.
   */
  'joinedExistingCase'?: (boolean);
  'acknowledgement'?: (_collab_intake_v1_Acknowledgement | null);
  'contactId'?: (string);
}

export interface SubmitContactResponse__Output {
  'caseId': (string);
  /**
   * Human case number, e.g. "C-20260123-000042".
   */
  'caseNumber': (string);
  'status': (_collab_intake_v1_CaseStatus__Output);
  /**
   * True when the contact attached to an already open case instead of opening one.
   */
  'joinedExistingCase': (boolean);
  'acknowledgement': (_collab_intake_v1_Acknowledgement__Output | null);
  'contactId': (string);
}
