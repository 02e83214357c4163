import { z } from 'zod';
import { publicEvent, upcastFrom } from '../published-language/public-event';
import { calendarRevisedV1 } from './calendar-revised.v1';
import { calendarV2, calendarV2Example } from './calendar-v2';

/** v2 adds the optional holidayRules and announcedThrough; a v1 event is a v2 event without them. */
export const calendarRevisedV2 = publicEvent({
  service: 'intake',
  type: 'CalendarRevised',
  version: 2,
  description:
    "A business calendar's definition was replaced. Carries the whole new definition, not a diff: the calendar is exactly this from now on. Stream calendar-<id>. v2 adds the optional holidayRules and announcedThrough.",
  data: z.strictObject({ calendar: calendarV2, revisedAt: z.iso.datetime({ offset: true }) }),
  examples: [{ calendar: calendarV2Example, revisedAt: '2026-11-23T02:00:00.000Z' }],
  upcastFrom: upcastFrom(calendarRevisedV1, (v1) => v1),
});
