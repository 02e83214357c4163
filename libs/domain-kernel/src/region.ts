/**
 * Region codes, one spelling everywhere: a country or province (`CN`, `GD`, `BJ`), then finer
 * parts (`GD-SZ`, `FI-18`), upper case. Intake normalises a contact's region once, when it
 * arrives; routing rules, units and partners are held to the same form when they are defined, so
 * `bj` from a channel and `BJ` in a rule name the same place and match exactly.
 */
export const REGION_PATTERN = /^[A-Z]{2,3}(-[A-Z0-9]{1,8}){0,3}$/;

export const REGION_MESSAGE = 'must be a region code such as CN, GD, GD-SZ or FI-18';

/**
 * The normal form of a region code as a person or channel typed it: outer spaces dropped, the
 * full-width letters some keyboards give folded (NFKC), upper case. Only spelling changes: a
 * code that is not a region code stays invalid (isRegionCode says so).
 */
export const normaliseRegion = (raw: string): string => raw.normalize('NFKC').trim().toUpperCase();

export const isRegionCode = (value: string): boolean => REGION_PATTERN.test(value);
