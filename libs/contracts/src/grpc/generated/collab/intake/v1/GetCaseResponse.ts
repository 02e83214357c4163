// Original file: proto/collab/intake/v1/intake_service.proto

import type { Case as _collab_intake_v1_Case, Case__Output as _collab_intake_v1_Case__Output } from '../../../collab/intake/v1/Case';

export interface GetCaseResponse {
  'case'?: (_collab_intake_v1_Case | null);
}

export interface GetCaseResponse__Output {
  'case': (_collab_intake_v1_Case__Output | null);
}
