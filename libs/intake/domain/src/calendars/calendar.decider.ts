import {
  validateCalendar,
  type BusinessCalendar,
  type BusinessCalendarInput,
} from '@collab/business-calendar';
import { Conflict, assertNever, type Decider, type DecisionContext } from '@collab/domain-kernel';
import type { CalendarEvent } from './calendar.events';

/**
 * "This is the calendar now": defines a new calendar, or revises an existing one. One command,
 * because the administrator's act is the same either way, and because two administrators defining
 * the same new calendar at once then end with a definition and a revision instead of a refusal.
 */
export interface DefineCalendar {
  readonly type: 'DefineCalendar';
  readonly calendar: BusinessCalendarInput;
  /**
   * The version this definition was based on (an If-Match): refused with Conflict when the
   * calendar has moved on meanwhile. 0 means "only if it is new". Left out, the last one wins.
   */
  readonly expectedVersion?: number;
}

export type CalendarCommand = DefineCalendar;

export type CalendarState =
  | { readonly status: 'none' }
  | {
      readonly status: 'defined';
      readonly calendar: BusinessCalendar;
      /** How many definitions it has had (1 for the first); every event is one, so it is the stream's version. */
      readonly version: number;
    };

const evolve = (state: CalendarState, event: CalendarEvent): CalendarState => {
  switch (event.type) {
    case 'CalendarDefined':
      return { status: 'defined', calendar: event.data.calendar, version: 1 };
    case 'CalendarRevised':
      return state.status === 'none'
        ? state
        : { ...state, calendar: event.data.calendar, version: state.version + 1 };
    default:
      return assertNever(event);
  }
};

/** Key order is not meaning: `{ start, end }` and `{ end, start }` are the same interval. */
const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, field]) => [key, canonical(field)]),
  );
};

const sameDefinition = (a: BusinessCalendar, b: BusinessCalendar): boolean =>
  JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

const versionOf = (state: CalendarState): number => (state.status === 'none' ? 0 : state.version);

const refuseStale = (command: DefineCalendar, state: CalendarState): void => {
  const current = versionOf(state);
  if (command.expectedVersion === undefined || command.expectedVersion === current) return;
  const id = command.calendar.id;
  throw new Conflict(
    command.expectedVersion === 0
      ? `calendar "${id}" already exists (version ${current})`
      : `calendar "${id}" is at version ${current}, not ${command.expectedVersion}: it changed meanwhile`,
  );
};

const define = (command: DefineCalendar, state: CalendarState, at: string): CalendarEvent[] => {
  // Every field problem first, in one answer; then whether the definition is still current.
  const calendar = validateCalendar(command.calendar);
  refuseStale(command, state);
  if (state.status === 'none') return [{ type: 'CalendarDefined', data: { calendar, definedAt: at } }];
  if (sameDefinition(state.calendar, calendar)) return [];
  return [{ type: 'CalendarRevised', data: { calendar, revisedAt: at } }];
};

const decide = (
  command: CalendarCommand,
  state: CalendarState,
  context: DecisionContext,
): CalendarEvent[] => {
  switch (command.type) {
    case 'DefineCalendar':
      return define(command, state, context.now.toISOString());
    default:
      return assertNever(command.type);
  }
};

/** One business calendar: its time zone, weekly hours with breaks, holidays, make-up days and on-call rota. */
export const calendarDecider: Decider<CalendarCommand, CalendarEvent, CalendarState> = {
  initialState: () => ({ status: 'none' }),
  evolve,
  decide,
};

export const calendarStreamId = (calendarId: string): string => `calendar-${calendarId}`;
