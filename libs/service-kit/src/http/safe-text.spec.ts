import { ValidationFailed } from '@collab/domain-kernel';
import { MAX_KEY_LENGTH, MAX_STRING_LENGTH, SafeTextPipe, unsafeTextIn } from './safe-text';

describe('text that cannot be stored', () => {
  it.each<[string, unknown, string]>([
    ['a NUL', { subject: 'a\u0000b' }, 'subject'],
    ['a lone high surrogate', { a: { b: ['ok', '\ud83d'] } }, 'a.b.1'],
    ['a lone low surrogate', { note: 'x\ude00' }, 'note'],
    ['an oversized string', { description: 'x'.repeat(MAX_STRING_LENGTH + 1) }, 'description'],
    ['an oversized key', { ['k'.repeat(MAX_KEY_LENGTH + 1)]: 1 }, 'body'],
    ['a NUL in a key', { nested: { ['a\u0000']: 1 } }, 'nested'],
  ])('finds %s, naming the field', (_what, value, field) =>
    expect(unsafeTextIn(value)).toEqual([expect.objectContaining({ field })]));

  it('passes well-formed text: CJK, emoji as surrogate pairs, Finnish', () =>
    expect(unsafeTextIn({ subject: '账单 😀 Lasku äö', list: ['ok'], n: 1, none: null })).toEqual([]));

  it('names at most 20 problems and echoes at most 200 characters of a field path', () => {
    const many = Object.fromEntries(Array.from({ length: 100 }, (_, index) => [`f${index}`, '\u0000']));
    expect(unsafeTextIn(many)).toHaveLength(20);
    const deep = { ['p'.repeat(120)]: { ['q'.repeat(120)]: '\u0000' } };
    expect(unsafeTextIn(deep)[0]!.field.length).toBeLessThanOrEqual(201);
  });

  it('refuses through the pipe for bodies, queries and path parameters, and leaves the principal alone', () => {
    const pipe = new SafeTextPipe();
    expect(() => pipe.transform({ a: '\u0000' }, { type: 'body' })).toThrow(ValidationFailed);
    expect(() => pipe.transform('\u0000', { type: 'param', data: 'id' })).toThrow(ValidationFailed);
    expect(pipe.transform({ a: 'fine' }, { type: 'query' })).toEqual({ a: 'fine' });
    expect(pipe.transform({ subject: '\u0000' }, { type: 'custom' })).toEqual({ subject: '\u0000' });
  });
});
