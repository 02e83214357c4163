import { IllegalTransition, NotFound, ValidationFailed, fold, specFor } from '@collab/domain-kernel';
import {
  returnReasonListDecider,
  type ReturnReasonCommand,
  type ReturnReasonDefined,
  type ReturnReasonEvent,
  type ReturnReasonRetired,
} from './return-reason-list.decider';
import { DEFAULT_RETURN_REASONS, activeReturnReasonCodes } from './return-reasons';

const now = new Date('2026-03-02T09:00:00.000Z');
const admin = { id: 'admin-1', kind: 'user' } as const;
const spec = specFor(returnReasonListDecider, { now });

const defined = (code: string, names: Record<string, string> = { en: code }): ReturnReasonDefined => ({
  type: 'ReturnReasonDefined',
  data: { code, names, actor: admin, definedAt: now.toISOString() },
});
const retired = (code: string, reason = 'no longer used'): ReturnReasonRetired => ({
  type: 'ReturnReasonRetired',
  data: { code, reason, actor: admin, retiredAt: now.toISOString() },
});
const define = (code: string, names: Record<string, string> = { en: code }): ReturnReasonCommand => ({
  type: 'DefineReturnReason',
  code,
  names,
  actor: admin,
});
const retire = (code: string, reason = 'no longer used'): ReturnReasonCommand => ({
  type: 'RetireReturnReason',
  code,
  reason,
  actor: admin,
});
const seed: ReturnReasonCommand = {
  type: 'SeedReturnReasons',
  reasons: DEFAULT_RETURN_REASONS,
  actor: admin,
};

const listAfter = (...events: ReturnReasonEvent[]) => fold(returnReasonListDecider, events).reasons;

describe('the managed return-reason list (退单原因) on its stream', () => {
  it('is seeded with the defaults, one event per reason', () =>
    spec
      .given()
      .when(seed)
      .then(...DEFAULT_RETURN_REASONS.map((reason) => defined(reason.code, { ...reason.names }))));

  it('folds the seeded events back to the default list', () => {
    const seeded = returnReasonListDecider.decide(seed, returnReasonListDecider.initialState(), { now });
    expect(listAfter(...seeded)).toEqual(DEFAULT_RETURN_REASONS);
  });

  it('is seeded only once: a list already edited keeps what the administrator made of it', () =>
    spec.given(defined('NEEDS_SITE_VISIT')).when(seed).thenThrows(IllegalTransition));

  it('adds a reason', () =>
    spec.given(defined('WRONG_UNIT')).when(define('NEEDS_SITE_VISIT')).then(defined('NEEDS_SITE_VISIT')));

  it('revives a retired reason under new names', () => {
    spec
      .given(defined('DUPLICATE'), retired('DUPLICATE'))
      .when(define('DUPLICATE', { en: 'Duplicate request' }))
      .then(defined('DUPLICATE', { en: 'Duplicate request' }));
    expect(
      listAfter(defined('DUPLICATE'), retired('DUPLICATE'), defined('DUPLICATE', { en: 'Again' })),
    ).toEqual([{ code: 'DUPLICATE', names: { en: 'Again' }, active: true }]);
  });

  it('refuses a malformed code, a nameless reason and an active duplicate, naming the field', () => {
    spec.given().when(define('wrong unit')).thenThrows(ValidationFailed);
    spec
      .given()
      .when(define('NEEDS_SITE_VISIT', { en: ' ' }))
      .thenThrows(ValidationFailed);
    spec.given(defined('WRONG_UNIT')).when(define('WRONG_UNIT')).thenThrows(ValidationFailed);
  });

  it('retires a reason with why, and keeps it on the list for history', () => {
    spec
      .given(defined('DUPLICATE'))
      .when(retire('DUPLICATE', 'merged into WRONG_UNIT'))
      .then(retired('DUPLICATE', 'merged into WRONG_UNIT'));
    const list = listAfter(defined('DUPLICATE'), defined('WRONG_UNIT'), retired('DUPLICATE'));
    expect(list).toHaveLength(2);
    expect(activeReturnReasonCodes(list)).toEqual(['WRONG_UNIT']);
  });

  it('refuses to retire an unknown code (not found), a retired one (409) or without a reason (400)', () => {
    spec.given(defined('DUPLICATE')).when(retire('NEVER_DEFINED')).thenThrows(NotFound);
    spec
      .given(defined('DUPLICATE'), retired('DUPLICATE'))
      .when(retire('DUPLICATE'))
      .thenThrows(IllegalTransition);
    spec.given(defined('DUPLICATE')).when(retire('DUPLICATE', ' ')).thenThrows(ValidationFailed);
  });
});
