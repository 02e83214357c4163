// Original file: proto/collab/intake/v1/intake_service.proto

/**
 * Priority of a contact or case. Unspecified lets the process definition decide.
 */
export const Priority = {
  PRIORITY_UNSPECIFIED: 'PRIORITY_UNSPECIFIED',
  PRIORITY_LOW: 'PRIORITY_LOW',
  PRIORITY_NORMAL: 'PRIORITY_NORMAL',
  PRIORITY_HIGH: 'PRIORITY_HIGH',
  PRIORITY_URGENT: 'PRIORITY_URGENT',
} as const;

/**
 * Priority of a contact or case. Unspecified lets the process definition decide.
 */
export type Priority =
  | 'PRIORITY_UNSPECIFIED'
  | 0
  | 'PRIORITY_LOW'
  | 1
  | 'PRIORITY_NORMAL'
  | 2
  | 'PRIORITY_HIGH'
  | 3
  | 'PRIORITY_URGENT'
  | 4

/**
 * Priority of a contact or case. Unspecified lets the process definition decide.
 */
export type Priority__Output = typeof Priority[keyof typeof Priority]
