import { DateTime, IANAZone } from 'luxon';

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

/**
 * Zone offsets by quarter hour of UTC and local days by date, as worked out. Since 1972 every zone
 * changes its offset on a quarter hour of UTC (offsets are whole quarter hours, changes happen on
 * the hour of local time), so one lookup answers the whole quarter; earlier instants are not memorised.
 */
const offsets = new Map<string, number>();
const days = new Map<string, LocalDay>();
const REMEMBERED = 50_000;
const QUARTER_HOUR_MS = 15 * 60_000;
const QUARTER_HOURS_SINCE = Date.UTC(1972, 0, 1);

const remember = <V>(memory: Map<string, V>, key: string, work: () => V): V => {
  const known = memory.get(key);
  if (known !== undefined) return known;
  if (memory.size >= REMEMBERED) memory.clear();
  const value = work();
  memory.set(key, value);
  return value;
};

/** The zone's offset from UTC at the instant, in minutes; undefined for a zone luxon does not know. */
const offsetAt = (instantMs: number, timeZone: string): number | undefined => {
  const zone = IANAZone.create(timeZone);
  if (!zone.isValid) return undefined;
  if (instantMs < QUARTER_HOURS_SINCE) return zone.offset(instantMs);
  return remember(offsets, `${timeZone} ${Math.floor(instantMs / QUARTER_HOUR_MS)}`, () => zone.offset(instantMs));
};

export const localDayOf = (instantMs: number, timeZone: string): LocalDay => {
  const offset = offsetAt(instantMs, timeZone);
  if (offset === undefined) {
    const local = DateTime.fromMillis(instantMs, { zone: timeZone });
    return DateTime.utc(local.year, local.month, local.day);
  }
  const local = new Date(instantMs + offset * 60_000);
  const [year, month, day] = [local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate()];
  return remember(days, `${year}-${month}-${day}`, () => DateTime.utc(year, month, day));
};

const shifted = new Map<string, LocalDay>();

/** The local day `days` after (or, negative, before) `day`: date arithmetic on midnight UTC, remembered. */
export const daysAfter = (day: LocalDay, days: number): LocalDay => remember(shifted, `${day.toMillis()} ${days}`, () => day.plus({ days }));

/**
 * Instants already worked out, by zone, day and minute: measuring thousands of legs (a rebuild of
 * the case view) asks for the same business days' openings and closings again and again, and each
 * answer costs luxon a time-zone offset lookup. Like the memories above: bounded, forgotten
 * wholesale when full, and exact (every answer depends only on its key).
 */
const instants = new Map<string, number>();

/**
 * The instant at `minutes` after local midnight of `day` in `timeZone`. A wall time that a DST
 * change skips comes out after the gap (luxon's rule); callers drop spans that end up empty.
 */
export const instantOn = (day: LocalDay, minutes: number, timeZone: string): number =>
  remember(instants, `${timeZone} ${day.toMillis()} ${minutes}`, () => instantAt(day, minutes, timeZone));

const instantAt = (day: LocalDay, minutes: number, timeZone: string): number => {
  const date = minutes >= MINUTES_PER_DAY ? daysAfter(day, 1) : day;
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
