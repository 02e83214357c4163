/**
 * buf's STANDARD lint prefixes every enum value with the enum's name (`REQUEST_TYPE_COMPLAINT`)
 * and reserves `*_UNSPECIFIED` for "not set"; the domain speaks the bare names (`COMPLAINT`).
 * These two functions are the only translation, in both directions.
 */
type Unprefixed<V extends string, P extends string> = V extends `${P}${infer Rest}` ? Rest : never;

/** `fromProtoEnum('REQUEST_TYPE_', 'REQUEST_TYPE_FAULT')` → `'FAULT'`; undefined for UNSPECIFIED or a foreign value. */
export const fromProtoEnum = <P extends string, V extends string>(
  prefix: P,
  value: V,
): Exclude<Unprefixed<V, P>, 'UNSPECIFIED'> | undefined => {
  if (!value.startsWith(prefix)) return undefined;
  const bare = value.slice(prefix.length);
  return bare === 'UNSPECIFIED' ? undefined : (bare as Exclude<Unprefixed<V, P>, 'UNSPECIFIED'>);
};

/** `toProtoEnum('TASK_STATUS_', 'ACCEPTED')` → `'TASK_STATUS_ACCEPTED'`. */
export const toProtoEnum = <P extends string, V extends string>(prefix: P, value: V): `${P}${V}` =>
  `${prefix}${value}`;
