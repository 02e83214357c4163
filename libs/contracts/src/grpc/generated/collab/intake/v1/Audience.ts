// Original file: proto/collab/intake/v1/intake_service.proto

/**
 * Audience is which kind of customer the requester is; it decides what is visible.
 */
export const Audience = {
  AUDIENCE_UNSPECIFIED: 'AUDIENCE_UNSPECIFIED',
  AUDIENCE_EXTERNAL: 'AUDIENCE_EXTERNAL',
  AUDIENCE_INTERNAL: 'AUDIENCE_INTERNAL',
  AUDIENCE_PARTNER: 'AUDIENCE_PARTNER',
} as const;

/**
 * Audience is which kind of customer the requester is; it decides what is visible.
 */
export type Audience =
  | 'AUDIENCE_UNSPECIFIED'
  | 0
  | 'AUDIENCE_EXTERNAL'
  | 1
  | 'AUDIENCE_INTERNAL'
  | 2
  | 'AUDIENCE_PARTNER'
  | 3

/**
 * Audience is which kind of customer the requester is; it decides what is visible.
 */
export type Audience__Output = typeof Audience[keyof typeof Audience]
