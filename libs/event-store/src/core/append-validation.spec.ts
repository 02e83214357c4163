import { anEvent } from '../testing/fixtures';
import { satisfies, validateAppend } from './append-validation';

describe('expected version rules', () => {
  it.each([
    ['any', 0, true],
    ['any', 5, true],
    ['no_stream', 0, true],
    ['no_stream', 1, false],
    [0, 0, true],
    [3, 3, true],
    [3, 4, false],
  ] as const)('expected %p against a stream at %i is satisfied: %p', (expected, actual, result) => {
    expect(satisfies(expected, actual)).toBe(result);
  });
});

describe('append validation', () => {
  it('refuses an empty stream id, a negative or fractional version and a non-UUID id', () => {
    expect(() => validateAppend('', [anEvent()], 'any')).toThrow(TypeError);
    expect(() => validateAppend('s', [anEvent()], -1)).toThrow(TypeError);
    expect(() => validateAppend('s', [anEvent()], 1.5)).toThrow(TypeError);
    expect(() => validateAppend('s', [anEvent('X', {}, 'not-a-uuid')], 'any')).toThrow(TypeError);
  });

  it('refuses one id twice in an append, whatever its case', () => {
    const event = anEvent();
    expect(() => validateAppend('s', [event, { ...event, id: event.id.toUpperCase() }], 'any')).toThrow(
      /twice/,
    );
  });
});
