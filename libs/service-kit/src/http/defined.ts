/** `T` with `undefined` removed from every optional property, deeply (what JSON would keep). */
export type Defined<T> = T extends readonly (infer Item)[]
  ? Defined<Item>[]
  : T extends object
    ? { [K in keyof T]: Defined<Exclude<T[K], undefined>> }
    : T;

/**
 * Validators report an absent optional field as `undefined`; domain types (under
 * exactOptionalPropertyTypes) say the key is absent. This drops such keys, deeply.
 */
export const defined = <T>(value: T): Defined<T> => {
  if (Array.isArray(value)) return value.map((item: unknown) => defined(item)) as Defined<T>;
  if (typeof value !== 'object' || value === null || value instanceof Date) return value as Defined<T>;
  const entries = Object.entries(value).filter(([, field]) => field !== undefined);
  return Object.fromEntries(entries.map(([key, field]) => [key, defined(field)])) as Defined<T>;
};
