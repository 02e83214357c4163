import { defaultCalendars, type BusinessCalendar } from '@collab/business-calendar';
import { specFor } from '@collab/domain-kernel';
import { calendarCoverageDecider, type CalendarCoverageEnding } from './calendar-coverage.decider';

const cn = defaultCalendars().find((calendar) => calendar.id === 'cn-standard') as BusinessCalendar;
const fi = defaultCalendars().find((calendar) => calendar.id === 'fi-standard') as BusinessCalendar;
const watch = (calendar: BusinessCalendar) => ({ type: 'WatchCalendarCoverage', calendar }) as const;
const at = (instant: string) => specFor(calendarCoverageDecider, { now: new Date(instant) });

/** cn-standard's announced holidays cover 2026: 60 days before 1 January 2027 (Shanghai) is 2 November 00:00 (+08:00). */
const ending = (announcedThrough: string, coverageEndsAt: string, raisedAt: string): CalendarCoverageEnding => ({
  type: 'CalendarCoverageEnding',
  data: { calendarId: 'cn-standard', announcedThrough, coverageEndsAt, raisedAt },
});

describe('telling administrators that a calendar’s announced holidays run out', () => {
  it('says nothing 61 days before the first uncovered day', () =>
    at('2026-11-01T15:59:59Z').given().when(watch(cn)).then());

  it('raises CalendarCoverageEnding from 60 days before it', () =>
    at('2026-11-01T16:00:00Z')
      .given()
      .when(watch(cn))
      .then(ending('2026-12-31', '2026-12-31T16:00:00.000Z', '2026-11-01T16:00:00.000Z')));

  it('raises it at once when first looked at later, as on a start on 6 December', () =>
    at('2026-12-06T18:00:00Z')
      .given()
      .when(watch(cn))
      .then(ending('2026-12-31', '2026-12-31T16:00:00.000Z', '2026-12-06T18:00:00.000Z')));

  it('raises it once per announcedThrough', () =>
    at('2026-12-20T00:00:00Z')
      .given(ending('2026-12-31', '2026-12-31T16:00:00.000Z', '2026-12-06T18:00:00.000Z'))
      .when(watch(cn))
      .then());

  it('is armed again when next year’s holidays move announcedThrough on', () => {
    const raised2026 = ending('2026-12-31', '2026-12-31T16:00:00.000Z', '2026-12-06T18:00:00.000Z');
    const cn2027 = { ...cn, announcedThrough: '2027-12-31' };
    at('2027-06-01T00:00:00Z').given(raised2026).when(watch(cn2027)).then();
    at('2027-11-02T00:00:00Z')
      .given(raised2026)
      .when(watch(cn2027))
      .then(ending('2027-12-31', '2027-12-31T16:00:00.000Z', '2027-11-02T00:00:00.000Z'));
  });

  it('never raises it for a calendar of rules only', () => at('2099-12-01T00:00:00Z').given().when(watch(fi)).then());
});
