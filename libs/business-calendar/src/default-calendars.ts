import { DateTime } from 'luxon';
import type { BusinessCalendar, Holiday, HolidayRule, MakeUpWorkingDay, WorkingInterval } from './business-calendar';
import { validateCalendar } from './calendar.validation';

const MONDAY_TO_FRIDAY = [1, 2, 3, 4, 5] as const;
const everyWorkday = (hours: readonly WorkingInterval[]) =>
  Object.fromEntries(MONDAY_TO_FRIDAY.map((weekday) => [weekday, hours]));

const days = (name: string, first: string, count: number): Holiday[] =>
  Array.from({ length: count }, (_, offset) => ({
    date: DateTime.fromISO(first, { zone: 'utc' }).plus({ days: offset }).toISODate() ?? first,
    name,
  }));

/** 国务院办公厅关于2026年部分节假日安排的通知 (4 Nov 2025): the days off, weekends within them included. */
const CN_HOLIDAYS_2026: readonly Holiday[] = [
  ...days('New Year’s Day 元旦', '2026-01-01', 3),
  ...days('Spring Festival 春节', '2026-02-15', 9),
  ...days('Qingming 清明节', '2026-04-04', 3),
  ...days('Labour Day 劳动节', '2026-05-01', 5),
  ...days('Dragon Boat Festival 端午节', '2026-06-19', 3),
  ...days('Mid-Autumn Festival 中秋节', '2026-09-25', 3),
  ...days('National Day 国庆节', '2026-10-01', 7),
];

/** The same notice's 调休: weekend days worked in exchange for the longer holidays. */
const CN_MAKE_UP_DAYS_2026: readonly MakeUpWorkingDay[] = [
  { date: '2026-01-04', name: '元旦调休' },
  { date: '2026-02-14', name: '春节调休' },
  { date: '2026-02-28', name: '春节调休' },
  { date: '2026-05-09', name: '劳动节调休' },
  { date: '2026-09-20', name: '国庆节调休' },
  { date: '2026-10-10', name: '国庆节调休' },
];

/**
 * China's holidays that a rule fixes: 元旦, 劳动节 and the first three days of 国庆 (法定节假日, 全国年节及纪念日放假办法).
 * How long each break lasts, the lunar holidays and the 调休 are announced each year by the State
 * Council, and are data (CN_HOLIDAYS_2026 above), never guessed.
 */
const CN_HOLIDAY_RULES: readonly HolidayRule[] = [
  { rule: 'fixed', date: '01-01', name: 'New Year’s Day 元旦' },
  { rule: 'fixed', date: '05-01', name: 'Labour Day 劳动节' },
  { rule: 'fixed', date: '10-01', name: 'National Day 国庆节' },
  { rule: 'fixed', date: '10-02', name: 'National Day 国庆节' },
  { rule: 'fixed', date: '10-03', name: 'National Day 国庆节' },
];

/** The last date the State Council's notices in CN_HOLIDAYS_2026 and CN_MAKE_UP_DAYS_2026 cover. */
const CN_ANNOUNCED_THROUGH = '2026-12-31';

/**
 * Finland's holidays all follow rules (the public holidays that fall on weekdays, plus Midsummer
 * Eve and Christmas Eve, which offices close for), so fi-standard knows every year and announces
 * nothing. Midsummer Day and All Saints' Day always fall on a Saturday: listed for a desk that
 * works Saturdays.
 */
const FI_HOLIDAY_RULES: readonly HolidayRule[] = [
  { rule: 'fixed', date: '01-01', name: 'Uudenvuodenpäivä' },
  { rule: 'fixed', date: '01-06', name: 'Loppiainen' },
  { rule: 'easter', offsetDays: -2, name: 'Pitkäperjantai' },
  { rule: 'easter', offsetDays: 1, name: 'Toinen pääsiäispäivä' },
  { rule: 'fixed', date: '05-01', name: 'Vappu' },
  { rule: 'easter', offsetDays: 39, name: 'Helatorstai' },
  { rule: 'weekday-on-or-after', weekday: 5, date: '06-19', name: 'Juhannusaatto' },
  { rule: 'weekday-on-or-after', weekday: 6, date: '06-20', name: 'Juhannuspäivä' },
  { rule: 'weekday-on-or-after', weekday: 6, date: '10-31', name: 'Pyhäinpäivä' },
  { rule: 'fixed', date: '12-06', name: 'Itsenäisyyspäivä' },
  { rule: 'fixed', date: '12-24', name: 'Jouluaatto' },
  { rule: 'fixed', date: '12-25', name: 'Joulupäivä' },
  { rule: 'fixed', date: '12-26', name: 'Tapaninpäivä' },
];

/**
 * The calendars a new installation starts with; administrators change them, and add next year's
 * announced holidays and 调休 to cn-standard (moving its `announcedThrough`) once the State Council
 * publishes them: until then promises past 2026 say their coverage is incomplete. Urgent contacts are worked around the clock by the on-call duty (值班) on the staffed
 * desks, so their promises do not wait for the morning.
 */
export const defaultCalendars = (): BusinessCalendar[] =>
  [
    {
      id: 'cn-standard',
      name: 'China service desk (Mon–Fri 09:00–18:00, lunch 12:00–13:30)',
      timeZone: 'Asia/Shanghai',
      weeklyHours: everyWorkday([
        { start: '09:00', end: '12:00' },
        { start: '13:30', end: '18:00' },
      ]),
      holidays: CN_HOLIDAYS_2026,
      holidayRules: CN_HOLIDAY_RULES,
      makeUpWorkingDays: CN_MAKE_UP_DAYS_2026,
      announcedThrough: CN_ANNOUNCED_THROUGH,
      onCall: { appliesTo: ['URGENT'], rota: 'around-the-clock' as const },
    },
    {
      id: 'fi-standard',
      name: 'Finland service desk (Mon–Fri 08:00–16:00)',
      timeZone: 'Europe/Helsinki',
      weeklyHours: everyWorkday([{ start: '08:00', end: '16:00' }]),
      holidayRules: FI_HOLIDAY_RULES,
      onCall: { appliesTo: ['URGENT'], rota: 'around-the-clock' as const },
    },
    {
      id: '24x7',
      name: 'Always open',
      // The zone still matters: it decides which local day a contact arrived on.
      timeZone: 'Asia/Shanghai',
      weeklyHours: Object.fromEntries(
        [1, 2, 3, 4, 5, 6, 7].map((weekday) => [weekday, [{ start: '00:00', end: '24:00' }]]),
      ),
    },
  ].map(validateCalendar);
