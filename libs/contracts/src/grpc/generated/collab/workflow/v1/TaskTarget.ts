// Original file: proto/collab/workflow/v1/partner_collaboration_service.proto


/**
 * TaskTarget is who the task is addressed to: an internal unit or a partner organisation.
 */
export interface TaskTarget {
  'unit'?: (string);
  'partner'?: (string);
}

/**
 * TaskTarget is who the task is addressed to: an internal unit or a partner organisation.
 */
export interface TaskTarget__Output {
  'unit': (string);
  'partner': (string);
}
