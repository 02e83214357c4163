// Original file: proto/collab/data/v1/data_service.proto


export interface GetCustomerProfileRequest {
  /**
   * The customer id (UUID), or `me` for the calling customer.
   */
  'customerId'?: (string);
}

export interface GetCustomerProfileRequest__Output {
  /**
   * The customer id (UUID), or `me` for the calling customer.
   */
  'customerId': (string);
}
