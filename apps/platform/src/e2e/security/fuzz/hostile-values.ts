import fc from 'fast-check';

/** Text no store may hold: every payload carries at least one, so every payload must be refused. */
export const poison = fc.constantFrom('nul\u0000inside', '\u0000', 'lone \uD800 high', 'lone \uDFFF low', '\uDBFFend\uD800');

const badTimestamp = fc.constantFrom('0000-01-01T00:00:00Z', '2026-13-45T25:61:00Z', '99999-01-01T00:00:00Z', 'yesterday', '', '2026-01-05', '1e309');
const badEnum = fc.constantFrom('NOT_A_VALUE', 'internal', 'AUDIENCE_UNSPECIFIED', '99', '');
const huge = fc.constantFrom('x'.repeat(70_000), '長'.repeat(30_000));

const scalar = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: badTimestamp },
  { weight: 2, arbitrary: badEnum },
  { weight: 1, arbitrary: poison },
  { weight: 1, arbitrary: fc.constant(-1) },
  { weight: 1, arbitrary: fc.constant(Number.MAX_SAFE_INTEGER) },
);

/** Wrong types, bad enums and timestamps, nesting, now and then a huge string. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 10, arbitrary: scalar },
  { weight: 2, arbitrary: fc.array(scalar, { maxLength: 4 }) },
  { weight: 2, arbitrary: fc.dictionary(fc.string({ maxLength: 12 }), scalar, { maxKeys: 4 }) },
  { weight: 1, arbitrary: huge },
);

/** A body for an operation whose schema names these top-level fields: hostile values, one poisoned. */
export const hostileBody = (fields: readonly string[]): fc.Arbitrary<unknown> => {
  const key = fields.length > 0 ? fc.oneof(fc.constantFrom(...fields), fc.string({ minLength: 1, maxLength: 12 })) : fc.string({ minLength: 1, maxLength: 12 });
  const object = fc
    .tuple(fc.subarray([...fields]), fc.array(hostileValue, { minLength: fields.length, maxLength: fields.length }), key, poison)
    .map(([chosen, values, poisonedKey, poisoned]) => ({ ...Object.fromEntries(chosen.map((field, i) => [field, values[i]])), [poisonedKey]: { deep: [poisoned] } }))
    .chain((body) => fc.constantFrom(body, { ...body, nested: { again: body } }));
  return fc.oneof({ weight: 9, arbitrary: object }, { weight: 1, arbitrary: poison.map((text) => [text, 1, null]) });
};
