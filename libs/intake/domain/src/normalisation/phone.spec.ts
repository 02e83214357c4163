import { toE164 } from './phone';

describe('normalising phone numbers to E.164', () => {
  it.each([
    ['a Chinese mobile without country code', '138 0013 8000', 'CN', '+8613800138000'],
    ['a Chinese mobile with +86 and dashes', '+86-138-0013-8000', 'CN', '+8613800138000'],
    ['full-width digits from a CJK keyboard', '１３８００１３８０００', 'CN', '+8613800138000'],
    ['a Finnish mobile with a trunk zero', '040 123 4567', 'FI', '+358401234567'],
    ['a Finnish number given with +358 to a CN desk', '+358 40 123 4567', 'CN', '+358401234567'],
    ['a Japanese mobile', '090-1234-5678', 'JP', '+819012345678'],
  ])('reads %s', (_name, raw, country, expected) => {
    expect(toE164(raw, country as 'CN' | 'FI' | 'JP')).toBe(expected);
  });

  it.each([['letters', 'call me'], ['too short', '12345'], ['an impossible number', '+86 000 0000 0000']])(
    'refuses %s',
    (_name, raw) => {
      expect(toE164(raw, 'CN')).toBeUndefined();
    },
  );
});
