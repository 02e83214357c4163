import { z } from 'zod';
import { publicEvent, upcastFrom } from '../published-language/public-event';
import { calendarDefinedV1 } from './calendar-defined.v1';
import { calendarV2, calendarV2Example } from './calendar-v2';

/** v2 adds the optional holidayRules and announcedThrough; a v1 event is a v2 event without them. */
export const calendarDefinedV2 = publicEvent({
  service: 'intake',
  type: 'CalendarDefined',
  version: 2,
  description:
    "A business calendar was defined. Carries the whole validated definition, so subscribers (workflow's SLA timers) count business time on the same definition intake promises with. Stream calendar-<id>. v2 adds the optional holidayRules and announcedThrough.",
  data: z.strictObject({ calendar: calendarV2, definedAt: z.iso.datetime({ offset: true }) }),
  examples: [{ calendar: calendarV2Example, definedAt: '2026-11-23T02:00:00.000Z' }],
  upcastFrom: upcastFrom(calendarDefinedV1, (v1) => v1),
});
