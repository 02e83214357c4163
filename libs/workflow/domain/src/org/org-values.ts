import { IllegalTransition, REGION_MESSAGE, REGION_PATTERN, type FieldError } from '@collab/domain-kernel';
import type { ActorRef } from '../actor';

/** Unit, queue and partner ids are lowercase slugs: `front-line`, `billing`, `gd-sz-store`. */
export const ORG_ID_PATTERN = /^[a-z][a-z0-9-]{1,62}$/;
/** An agent is a person: their id is the `sub` of their token, whatever its spelling. */
export const AGENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/;
/** A region code: a country or province (`CN`, `GD`), then finer parts (`GD-SZ`); one spelling for every service. */
export { REGION_PATTERN };
/** The same spelling intake uses for its business calendars (`cn-standard`, `24x7`). */
export const CALENDAR_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
/** A language range (RFC 4647): `zh` covers `zh-Hans` and `zh-Hant`; `*` covers every language. */
export const LANGUAGE_RANGE_PATTERN = /^(\*|[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*)$/;
/** A skill is a lowercase word: a category's top segment (`billing`) or a request type (`complaint`). */
export const SKILL_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/** The hierarchy, top first: a unit's parent stands higher (a department may sit right under the group). */
export const UNIT_LEVELS = ['GROUP', 'PROVINCE', 'CITY', 'DEPARTMENT'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/** Which stages a unit serves: the front line owns cases, departments work collaboration tasks. */
export const UNIT_TYPES = ['FRONT_LINE', 'DEPARTMENT'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export const levelRank = (level: UnitLevel): number => UNIT_LEVELS.indexOf(level);

/** A name in the two languages the directory is kept in. */
export interface OrgNames {
  readonly zh: string;
  readonly en: string;
}

/** Who changed the directory and, where they said, why: every org event records both. */
export interface OrgChangeBy {
  readonly actor: ActorRef;
  readonly reason?: string;
}

export const MAX_CAPACITY = 1000;

/** An org command refused in the state of its stream (409 at the edge), worded for the directory. */
export class IllegalOrgChange extends IllegalTransition {
  constructor(command: string, state: string, reason: string) {
    super(command, state, reason);
    this.message = `${command} is not allowed: ${reason}`;
  }
}

type Check = (field: string, value: string) => FieldError[];

const patterned =
  (pattern: RegExp, message: string): Check =>
  (field, value) =>
    pattern.test(value) ? [] : [{ field, message }];

export const checkOrgId = patterned(
  ORG_ID_PATTERN,
  'must be a lowercase slug of 2 to 63 characters such as billing or gd-sz-store',
);
export const checkAgentId = patterned(
  AGENT_ID_PATTERN,
  "must be the person's token subject (letters, digits and . _ : @ -, at most 128)",
);
export const checkRegion = patterned(REGION_PATTERN, REGION_MESSAGE);
export const checkCalendarId = patterned(
  CALENDAR_ID_PATTERN,
  'must be a calendar id such as cn-standard or 24x7',
);

export const checkText = (field: string, value: string, max = 200): FieldError[] => {
  const length = value.trim().length;
  if (length === 0) return [{ field, message: 'must not be empty' }];
  return length > max ? [{ field, message: `must be at most ${max} characters` }] : [];
};

export const checkNames = (field: string, names: OrgNames): FieldError[] => [
  ...checkText(`${field}.zh`, names.zh),
  ...checkText(`${field}.en`, names.en),
];

export const checkSupervisor = (field: string, supervisorId: string | null): FieldError[] =>
  supervisorId === null ? [] : checkAgentId(field, supervisorId);

/** Each entry valid by `check`, none twice; `field[2]` names the offender. */
export const checkList = (field: string, values: readonly string[], check: Check): FieldError[] =>
  values.flatMap((value, index) => [
    ...check(`${field}[${index}]`, value),
    ...(values.indexOf(value) < index
      ? [{ field: `${field}[${index}]`, message: `${value} is listed twice` }]
      : []),
  ]);

export const checkSkill = patterned(SKILL_PATTERN, 'must be a lowercase skill such as billing or complaint');
export const checkLanguageRange = patterned(
  LANGUAGE_RANGE_PATTERN,
  'must be a language range such as zh, zh-Hans, en or *',
);

export const checkCapacity = (field: string, capacity: number): FieldError[] =>
  Number.isInteger(capacity) && capacity >= 0 && capacity <= MAX_CAPACITY
    ? []
    : [{ field, message: `must be a whole number from 0 to ${MAX_CAPACITY}` }];

/** If-Match on a change: the version the administrator saw must still be the stream's. */
export const checkExpectedVersion = (
  command: { readonly type: string; readonly expectedVersion?: number },
  state: { readonly status: string; readonly version: number },
): void => {
  if (command.expectedVersion !== undefined && command.expectedVersion !== state.version)
    throw new IllegalOrgChange(
      command.type,
      state.status,
      `it was changed meanwhile: version ${state.version}, not ${command.expectedVersion}`,
    );
};

export const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Only the fields whose wanted value differs from the current one. */
export const differences = <T extends object>(current: T, wanted: Partial<T>): Partial<T> =>
  Object.fromEntries(
    Object.entries(wanted).filter(
      ([key, value]) => value !== undefined && !sameValue(value, current[key as keyof T]),
    ),
  ) as Partial<T>;
