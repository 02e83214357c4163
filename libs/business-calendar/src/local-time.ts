import { DateTime } from 'luxon';

export const MINUTES_PER_DAY = 24 * 60;

const HH_MM = /^(\d{2}):(\d{2})$/;
const YYYY_MM_DD = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `HH:mm` → minutes after midnight, or undefined when malformed. `24:00` (the midnight that ends
 * the day) is accepted only as an end, so a day can be worked up to its last minute.
 */
export const minutesOf = (time: string, as: 'start' | 'end'): number | undefined => {
  const match = HH_MM.exec(time);
  if (!match) return undefined;
  const [hours, minuteOfHour] = [Number(match[1]), Number(match[2])];
  if (minuteOfHour > 59) return undefined;
  const minutes = hours * 60 + minuteOfHour;
  if (as === 'end' && minutes === MINUTES_PER_DAY) return minutes;
  return minutes < MINUTES_PER_DAY ? minutes : undefined;
};

/** A real calendar date written `YYYY-MM-DD` (so `2026-02-30` is not one). */
export const isLocalDate = (value: string): boolean =>
  YYYY_MM_DD.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid;

/**
 * A local calendar day, carried as midnight UTC so that date arithmetic never meets a DST change;
 * wall-clock times on it are turned into instants in the calendar's zone by `instantOn`.
 */
export type LocalDay = DateTime;

export const localDayOf = (instantMs: number, timeZone: string): LocalDay => {
  const local = DateTime.fromMillis(instantMs, { zone: timeZone });
  return DateTime.utc(local.year, local.month, local.day);
};

/**
 * The instant at `minutes` after local midnight of `day` in `timeZone`. A wall time that a DST
 * change skips comes out after the gap (luxon's rule); callers drop spans that end up empty.
 */
export const instantOn = (day: LocalDay, minutes: number, timeZone: string): number => {
  const date = minutes >= MINUTES_PER_DAY ? day.plus({ days: 1 }) : day;
  const minuteOfDay = minutes % MINUTES_PER_DAY;
  return DateTime.fromObject(
    {
      year: date.year,
      month: date.month,
      day: date.day,
      hour: Math.floor(minuteOfDay / 60),
      minute: minuteOfDay % 60,
    },
    { zone: timeZone },
  ).toMillis();
};
