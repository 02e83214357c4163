import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';
import { calendarV1 } from './calendar-defined.v1';

export const calendarRevisedV1 = publicEvent({
  service: 'intake',
  type: 'CalendarRevised',
  version: 1,
  description:
    "A business calendar's definition was replaced. Carries the whole new definition, not a diff: the calendar is exactly this from now on. Stream calendar-<id>.",
  data: z.strictObject({
    calendar: calendarV1,
    revisedAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      calendar: {
        id: 'id-1',
        name: 'Guangdong complaints',
        timeZone: 'Asia/Shanghai',
        weeklyHours: {},
        holidays: [
          {
            date: '2026-10-01',
            name: 'Guangdong complaints',
          },
        ],
        makeUpWorkingDays: [
          {
            date: '2026-10-01',
            hours: [
              {
                start: '09:00',
                end: '18:00',
              },
            ],
            name: 'Guangdong complaints',
          },
        ],
        onCall: {
          appliesTo: ['appliesto-1'],
          rota: 'around-the-clock',
        },
      },
      revisedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
