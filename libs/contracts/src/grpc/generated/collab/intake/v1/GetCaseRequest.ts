// Original file: proto/collab/intake/v1/intake_service.proto


export interface GetCaseRequest {
  'caseId'?: (string);
}

export interface GetCaseRequest__Output {
  'caseId': (string);
}
