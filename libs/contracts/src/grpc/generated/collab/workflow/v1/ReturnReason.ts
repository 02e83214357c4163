// Original file: proto/collab/workflow/v1/partner_collaboration_service.proto

/**
 * ReturnReason says why a task was handed back; reports count returns by reason.
 */
export const ReturnReason = {
  RETURN_REASON_UNSPECIFIED: 'RETURN_REASON_UNSPECIFIED',
  /**
   * The task belongs to another unit or partner.
   */
  RETURN_REASON_WRONG_UNIT: 'RETURN_REASON_WRONG_UNIT',
  /**
   * The request lacks what is needed to act on it.
   */
  RETURN_REASON_INSUFFICIENT_INFORMATION: 'RETURN_REASON_INSUFFICIENT_INFORMATION',
  /**
   * The request is outside the target's contract or responsibility.
   */
  RETURN_REASON_OUT_OF_SCOPE: 'RETURN_REASON_OUT_OF_SCOPE',
  /**
   * Another task or case already covers it.
   */
  RETURN_REASON_DUPLICATE: 'RETURN_REASON_DUPLICATE',
  /**
   * The customer could not be reached to carry the work out.
   */
  RETURN_REASON_CUSTOMER_UNREACHABLE: 'RETURN_REASON_CUSTOMER_UNREACHABLE',
  /**
   * Any other reason; the note explains it.
   */
  RETURN_REASON_OTHER: 'RETURN_REASON_OTHER',
} as const;

/**
 * ReturnReason says why a task was handed back; reports count returns by reason.
 */
export type ReturnReason =
  | 'RETURN_REASON_UNSPECIFIED'
  | 0
  /**
   * The task belongs to another unit or partner.
   */
  | 'RETURN_REASON_WRONG_UNIT'
  | 1
  /**
   * The request lacks what is needed to act on it.
   */
  | 'RETURN_REASON_INSUFFICIENT_INFORMATION'
  | 2
  /**
   * The request is outside the target's contract or responsibility.
   */
  | 'RETURN_REASON_OUT_OF_SCOPE'
  | 3
  /**
   * Another task or case already covers it.
   */
  | 'RETURN_REASON_DUPLICATE'
  | 4
  /**
   * The customer could not be reached to carry the work out.
   */
  | 'RETURN_REASON_CUSTOMER_UNREACHABLE'
  | 5
  /**
   * Any other reason; the note explains it.
   */
  | 'RETURN_REASON_OTHER'
  | 6

/**
 * ReturnReason says why a task was handed back; reports count returns by reason.
 */
export type ReturnReason__Output = typeof ReturnReason[keyof typeof ReturnReason]
