// Original file: proto/collab/intake/v1/intake_service.proto


/**
 * Requester is who the contact is about, as the channel knows them.
 */
export interface Requester {
  /**
   * Identity in the calling system (customer number, employee id, partner staff id).
   */
  'id'?: (string);
  'name'?: (string);
  'phone'?: (string);
  'email'?: (string);
  /**
   * Organisational unit of an INTERNAL requester.
   */
  'unit'?: (string);
  /**
   * Partner organisation of a PARTNER requester.
   */
  'partner'?: (string);
  /**
   * Customer tier or segment, e.g. "gold"; free text owned by the channel.
   */
  'tier'?: (string);
}

/**
 * Requester is who the contact is about, as the channel knows them.
 */
export interface Requester__Output {
  /**
   * Identity in the calling system (customer number, employee id, partner staff id).
   */
  'id': (string);
  'name': (string);
  'phone': (string);
  'email': (string);
  /**
   * Organisational unit of an INTERNAL requester.
   */
  'unit': (string);
  /**
   * Partner organisation of a PARTNER requester.
   */
  'partner': (string);
  /**
   * Customer tier or segment, e.g. "gold"; free text owned by the channel.
   */
  'tier': (string);
}
