import { coverageEndsAt, coverageWarningAt, type BusinessCalendar } from '@collab/business-calendar';
import { assertNever, type Decider, type DecisionContext } from '@collab/domain-kernel';

/**
 * A calendar's announced holidays run out soon (COVERAGE_WARNING_DAYS before the first day they no
 * longer cover): its administrators should add next year's. Raised once per `announcedThrough`, so
 * moving it on (next year's holidays added) arms the warning again for the new date.
 */
export interface CalendarCoverageEnding {
  readonly type: 'CalendarCoverageEnding';
  readonly data: {
    readonly calendarId: string;
    readonly announcedThrough: string;
    readonly coverageEndsAt: string;
    readonly raisedAt: string;
  };
}

export type CalendarCoverageEvent = CalendarCoverageEnding;

/** "Look at this calendar as it is now": raises the warning if it is due and not yet raised. */
export interface WatchCalendarCoverage {
  readonly type: 'WatchCalendarCoverage';
  readonly calendar: BusinessCalendar;
}

export interface CalendarCoverageState {
  /** Every `announcedThrough` a warning was raised for, with when. */
  readonly raised: Readonly<Record<string, string>>;
}

const evolve = (state: CalendarCoverageState, event: CalendarCoverageEvent): CalendarCoverageState => {
  switch (event.type) {
    case 'CalendarCoverageEnding':
      return { raised: { ...state.raised, [event.data.announcedThrough]: event.data.raisedAt } };
    default:
      return assertNever(event.type);
  }
};

const decide = (
  command: WatchCalendarCoverage,
  state: CalendarCoverageState,
  context: DecisionContext,
): CalendarCoverageEvent[] => {
  const { calendar } = command;
  const warnAt = coverageWarningAt(calendar);
  const endsAt = coverageEndsAt(calendar);
  if (!calendar.announcedThrough || !warnAt || !endsAt) return [];
  if (context.now < warnAt || state.raised[calendar.announcedThrough] !== undefined) return [];
  return [
    {
      type: 'CalendarCoverageEnding',
      data: {
        calendarId: calendar.id,
        announcedThrough: calendar.announcedThrough,
        coverageEndsAt: endsAt.toISOString(),
        raisedAt: context.now.toISOString(),
      },
    },
  ];
};

/** When a calendar's announced data runs out, told once per `announcedThrough` (stream `coverage-<id>`). */
export const calendarCoverageDecider: Decider<WatchCalendarCoverage, CalendarCoverageEvent, CalendarCoverageState> = {
  initialState: () => ({ raised: {} }),
  evolve,
  decide,
};

/** Not `calendar-…`: that prefix is the calendars' own streams (a calendar may be called `coverage-x`). */
export const calendarCoverageStreamId = (calendarId: string): string => `coverage-${calendarId}`;

/** When the warning for the calendar's current coverage was raised, if it was. */
export const coverageEndingRaisedAt = (state: CalendarCoverageState, calendar: BusinessCalendar): string | undefined =>
  calendar.announcedThrough === undefined ? undefined : state.raised[calendar.announcedThrough];
