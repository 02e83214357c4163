// Original file: proto/collab/data/v1/data_service.proto

import type { CustomerProfile as _collab_data_v1_CustomerProfile, CustomerProfile__Output as _collab_data_v1_CustomerProfile__Output } from '../../../collab/data/v1/CustomerProfile';

export interface GetCustomerProfileResponse {
  'profile'?: (_collab_data_v1_CustomerProfile | null);
}

export interface GetCustomerProfileResponse__Output {
  'profile': (_collab_data_v1_CustomerProfile__Output | null);
}
