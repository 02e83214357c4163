import { z } from 'zod';

/**
 * The instants the API accepts: an ISO 8601 date-time with its offset, between these bounds. A
 * year 0000 parses in JavaScript but PostgreSQL refuses it, and no case, contact or history is
 * older than 1900 or later than 9999: anything outside is a client's mistake (400), not ours.
 */
export const EARLIEST_INSTANT = '1900-01-01T00:00:00Z';
export const LATEST_INSTANT = '9999-12-31T23:59:59Z';
const earliest = Date.parse(EARLIEST_INSTANT);
const latest = Date.parse(LATEST_INSTANT);

export const instantSchema = (message = 'must be an ISO 8601 date-time with offset') =>
  z.iso
    // abort: a string that is no date-time says so once, not also that it lies out of range.
    .datetime({ offset: true, message, abort: true })
    .refine(
      (value) => {
        const instant = Date.parse(value);
        return instant >= earliest && instant <= latest;
      },
      { message: `must lie between ${EARLIEST_INSTANT} and ${LATEST_INSTANT}` },
    );
