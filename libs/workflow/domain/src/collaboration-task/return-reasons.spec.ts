import { NotFound, ValidationFailed } from '@collab/domain-kernel';
import {
  DEFAULT_RETURN_REASONS,
  activeReturnReasonCodes,
  defineReturnReason,
  retireReturnReason,
  returnReasonErrors,
} from './return-reasons';

const refusalOf = (define: () => unknown): unknown => {
  try {
    define();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
};

describe('the managed list of return reasons', () => {
  it('starts with the usual reasons', () =>
    expect(activeReturnReasonCodes(DEFAULT_RETURN_REASONS)).toEqual(
      expect.arrayContaining(['WRONG_UNIT', 'MISSING_INFORMATION', 'OUT_OF_SCOPE', 'DUPLICATE']),
    ));

  it('names every default in Chinese and English', () =>
    DEFAULT_RETURN_REASONS.forEach((reason) => expect(Object.keys(reason.names)).toEqual(['zh-Hans', 'en'])));

  it('accepts an active code and names the field for any other', () => {
    expect(returnReasonErrors(DEFAULT_RETURN_REASONS, 'DUPLICATE')).toEqual([]);
    expect(returnReasonErrors(DEFAULT_RETURN_REASONS, 'duplicate')).toMatchObject([{ field: 'reasonCode' }]);
    expect(
      returnReasonErrors(retireReturnReason(DEFAULT_RETURN_REASONS, 'DUPLICATE'), 'DUPLICATE'),
    ).toMatchObject([{ field: 'reasonCode', message: expect.stringContaining('retired') }]);
  });

  it('adds a reason, and revives a retired one under new names', () => {
    const added = defineReturnReason(DEFAULT_RETURN_REASONS, 'NEEDS_SITE_VISIT', {
      'zh-Hans': '需上门',
      en: 'Needs a site visit',
    });
    expect(activeReturnReasonCodes(added)).toContain('NEEDS_SITE_VISIT');
    const revived = defineReturnReason(retireReturnReason(added, 'DUPLICATE'), 'DUPLICATE', {
      en: 'Duplicate request',
    });
    expect(revived.filter((reason) => reason.code === 'DUPLICATE')).toEqual([
      { code: 'DUPLICATE', names: { en: 'Duplicate request' }, active: true },
    ]);
    expect(revived).toHaveLength(added.length);
  });

  it('refuses a malformed, nameless or duplicate code, naming each field', () => {
    expect(() => defineReturnReason(DEFAULT_RETURN_REASONS, 'wrong unit', {})).toThrow(ValidationFailed);
    expect(
      refusalOf(() => defineReturnReason(DEFAULT_RETURN_REASONS, 'WRONG_UNIT', { en: ' ' })),
    ).toMatchObject({
      errors: [{ field: 'names' }, { field: 'code', message: 'WRONG_UNIT is already on the list' }],
    });
  });

  it('cannot retire what it does not hold', () =>
    expect(() => retireReturnReason(DEFAULT_RETURN_REASONS, 'NOPE')).toThrow(NotFound));
});
