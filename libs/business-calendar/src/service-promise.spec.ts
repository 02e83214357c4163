import { ValidationFailed } from '@collab/domain-kernel';
import { at, defaultCalendar, nineToFiveDesk, wallClock } from './calendar.fixtures';
import { expectedTimes, type SlaPolicy } from './service-promise';

const SHANGHAI = 'Asia/Shanghai';
const normal: SlaPolicy = { firstResponseMinutes: 4 * 60, resolutionMinutes: 3 * 8 * 60 };
const urgent: SlaPolicy = { firstResponseMinutes: 30, resolutionMinutes: 4 * 60 };
const desk = nineToFiveDesk({ onCall: { appliesTo: ['URGENT'], rota: 'around-the-clock' } });
const fridayNight = at('2026-06-12T22:00', SHANGHAI);

const promised = (times: { firstResponseBy: Date; resolveBy: Date }) => ({
  firstResponseBy: wallClock(times.firstResponseBy, SHANGHAI),
  resolveBy: wallClock(times.resolveBy, SHANGHAI),
});

describe('the expected times promised at acknowledgement', () => {
  it('gives a contact at 22:00 on a Friday to a 9–17 desk Monday-morning times', () =>
    expect(promised(expectedTimes(desk, normal, fridayNight, 'NORMAL'))).toEqual({
      firstResponseBy: 'Mon 2026-06-15 13:00',
      resolveBy: 'Wed 2026-06-17 17:00',
    }));

  it('gives an urgent contact times within the night when an on-call rota applies', () =>
    expect(promised(expectedTimes(desk, urgent, fridayNight, 'URGENT'))).toEqual({
      firstResponseBy: 'Fri 2026-06-12 22:30',
      resolveBy: 'Sat 2026-06-13 02:00',
    }));

  it('counts without on-call when no priority is given', () =>
    expect(promised(expectedTimes(desk, urgent, fridayNight))).toEqual({
      firstResponseBy: 'Mon 2026-06-15 09:30',
      resolveBy: 'Mon 2026-06-15 13:00',
    }));

  it('skips a public holiday and works a make-up day on the China desk', () =>
    expect(
      promised(
        expectedTimes(defaultCalendar('cn-standard'), normal, at('2026-09-30T16:00', SHANGHAI), 'NORMAL'),
      ),
    ).toEqual({
      // Sep 30: 2h; Oct 1–7 National Day; Oct 8–9: 7.5h a day; Sat Oct 10 调休.
      firstResponseBy: 'Thu 2026-10-08 11:00',
      resolveBy: 'Sat 2026-10-10 17:30',
    }));

  it('answers a what-if without changing anything: same question, same answer', () => {
    const calendar = defaultCalendar('cn-standard');
    const before = structuredClone(calendar);
    const first = expectedTimes(calendar, normal, fridayNight, 'NORMAL');
    expect(expectedTimes(calendar, normal, fridayNight, 'NORMAL')).toEqual(first);
    expect(calendar).toEqual(before);
  });

  it('refuses a policy with negative or unbounded targets, naming each', () => {
    const bad = { firstResponseMinutes: -5, resolutionMinutes: Number.POSITIVE_INFINITY };
    expect(() => expectedTimes(desk, bad, fridayNight)).toThrow(ValidationFailed);
    expect(() => expectedTimes(desk, bad, fridayNight)).toThrow(
      expect.objectContaining({
        errors: [
          expect.objectContaining({ field: 'firstResponseMinutes' }),
          expect.objectContaining({ field: 'resolutionMinutes' }),
        ],
      }),
    );
  });
});
