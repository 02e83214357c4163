// Original file: proto/collab/intake/v1/intake_service.proto

/**
 * RequestType is what the requester wants.
 */
export const RequestType = {
  REQUEST_TYPE_UNSPECIFIED: 'REQUEST_TYPE_UNSPECIFIED',
  /**
   * 咨询
   */
  REQUEST_TYPE_CONSULT: 'REQUEST_TYPE_CONSULT',
  /**
   * 查询
   */
  REQUEST_TYPE_INQUIRY: 'REQUEST_TYPE_INQUIRY',
  /**
   * 办理
   */
  REQUEST_TYPE_TRANSACTION: 'REQUEST_TYPE_TRANSACTION',
  /**
   * 投诉
   */
  REQUEST_TYPE_COMPLAINT: 'REQUEST_TYPE_COMPLAINT',
  /**
   * 报障
   */
  REQUEST_TYPE_FAULT: 'REQUEST_TYPE_FAULT',
  /**
   * 建议
   */
  REQUEST_TYPE_SUGGESTION: 'REQUEST_TYPE_SUGGESTION',
  /**
   * 营销
   */
  REQUEST_TYPE_MARKETING: 'REQUEST_TYPE_MARKETING',
} as const;

/**
 * RequestType is what the requester wants.
 */
export type RequestType =
  | 'REQUEST_TYPE_UNSPECIFIED'
  | 0
  /**
   * 咨询
   */
  | 'REQUEST_TYPE_CONSULT'
  | 1
  /**
   * 查询
   */
  | 'REQUEST_TYPE_INQUIRY'
  | 2
  /**
   * 办理
   */
  | 'REQUEST_TYPE_TRANSACTION'
  | 3
  /**
   * 投诉
   */
  | 'REQUEST_TYPE_COMPLAINT'
  | 4
  /**
   * 报障
   */
  | 'REQUEST_TYPE_FAULT'
  | 5
  /**
   * 建议
   */
  | 'REQUEST_TYPE_SUGGESTION'
  | 6
  /**
   * 营销
   */
  | 'REQUEST_TYPE_MARKETING'
  | 7

/**
 * RequestType is what the requester wants.
 */
export type RequestType__Output = typeof RequestType[keyof typeof RequestType]
