import fc from 'fast-check';
import { businessTimeBetween, defaultCalendars } from '@collab/business-calendar';
import { clockInstants, clockUsageAt, instantAtPercent, type ClockSpan } from './sla-instants';
import { escalation, nineToFiveDesk, OPENED, shanghai } from './sla.fixtures';

const responseSpan: ClockSpan = {
  startedAt: new Date(OPENED),
  dueAt: new Date(shanghai('2026-11-23T09:30:00')),
  targetMinutes: 60,
  calendar: nineToFiveDesk,
};

describe('the instants of a clock, in business time on its calendar', () => {
  it('a 60-minute response SLA started Friday 16:30 on a 9–17 desk warns at 80 % on Monday morning', () =>
    expect(clockInstants(responseSpan, escalation)).toEqual({
      warnAt: shanghai('2026-11-23T09:18:00'),
      warnAtPercent: 80,
      escalations: [
        { level: 1, atPercent: 100, notify: 'UNIT_SUPERVISOR', at: shanghai('2026-11-23T09:30:00') },
        { level: 2, atPercent: 150, notify: 'PARENT_UNIT_SUPERVISOR', at: shanghai('2026-11-23T10:00:00') },
      ],
    }));

  it('skips the weekend and the night, not only the evening', () =>
    expect(instantAtPercent({ ...responseSpan, targetMinutes: 600, dueAt: new Date(shanghai('2026-11-24T11:00:00')) }, 50)).toEqual(
      new Date(shanghai('2026-11-23T13:30:00')),
    ));

  it('puts 100 % exactly at the due time that was promised, even one worked out on other hours', () =>
    expect(instantAtPercent({ ...responseSpan, dueAt: new Date(shanghai('2026-11-23T09:20:00')) }, 100)).toEqual(
      new Date(shanghai('2026-11-23T09:20:00')),
    ));

  it('never warns after the due time, even when the due time was worked out on shorter hours', () =>
    expect(instantAtPercent({ ...responseSpan, dueAt: new Date(shanghai('2026-11-20T16:45:00')) }, 80)).toEqual(
      new Date(shanghai('2026-11-20T16:45:00')),
    ));

  it('counts calendar time between start and due on a clock without a calendar', () =>
    expect(
      instantAtPercent({ ...responseSpan, calendar: null, dueAt: new Date(Date.parse(OPENED) + 100 * 60_000) }, 150),
    ).toEqual(new Date(Date.parse(OPENED) + 150 * 60_000)));

  it('has no warning when the policy warns at 100 % or later: the breach says it', () =>
    expect(clockInstants(responseSpan, { ...escalation, warnAtPercent: 100 })).toMatchObject({ warnAt: null, warnAtPercent: null }));

  it('lists the levels in level order whatever order the policy gave', () =>
    expect(
      clockInstants(responseSpan, { warnAtPercent: 80, levels: [...escalation.levels].reverse() }).escalations.map((e) => e.level),
    ).toEqual([1, 2]));

  it('has elapsed exactly the share of business time it stands for (cn-standard, any start, any target)', () => {
    const cnStandard = defaultCalendars().find((calendar) => calendar.id === 'cn-standard')!;
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2026-12-01T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 2_000 }),
        fc.integer({ min: 1, max: 99 }),
        (startedAt, targetMinutes, percent) => {
          const span = { startedAt, targetMinutes, calendar: cnStandard, dueAt: new Date(8_000_000_000_000) };
          const reached = instantAtPercent(span, percent);
          expect(businessTimeBetween(cnStandard, startedAt, reached)).toBeCloseTo((targetMinutes * percent) / 100, 6);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('how much of a clock is used, in business time on its calendar', () => {
  const cnStandard = defaultCalendars().find((calendar) => calendar.id === 'cn-standard')!;
  // A one-hour response clock started Friday 19:00 in Shanghai, after the desk closed: due Monday 10:00.
  const fridayEvening: ClockSpan = {
    startedAt: new Date(shanghai('2026-12-04T19:00:00')),
    dueAt: new Date(shanghai('2026-12-07T10:00:00')),
    targetMinutes: 60,
    calendar: cnStandard,
  };

  it.each([
    ['Sunday 23:02: no business minute has passed', '2026-12-06T23:02:00', 0, 60],
    ['Monday 09:00: the desk just opened', '2026-12-07T09:00:00', 0, 60],
    ['Monday 09:30: halfway (the wall clock would say 99 %)', '2026-12-07T09:30:00', 50, 30],
    ['Monday 10:00: due', '2026-12-07T10:00:00', 100, 0],
    ['Monday 11:30: 90 business minutes late', '2026-12-07T11:30:00', 250, -90],
    ['Monday 13:00: over lunch nothing more is used', '2026-12-07T13:00:00', 300, -120],
  ])('%s', (_when, local, percentUsed, businessMinutesLeft) =>
    expect(clockUsageAt(fridayEvening, new Date(shanghai(local)))).toEqual({ percentUsed, businessMinutesLeft }));

  it('counts the on-call hours for the priorities they cover', () =>
    expect(clockUsageAt({ ...fridayEvening, priority: 'URGENT', dueAt: new Date(shanghai('2026-12-04T20:00:00')) }, new Date(shanghai('2026-12-04T19:30:00')))).toEqual({
      percentUsed: 50,
      businessMinutesLeft: 30,
    }));

  it('counts calendar time on a clock without a calendar', () =>
    expect(clockUsageAt({ ...fridayEvening, calendar: null, dueAt: new Date(shanghai('2026-12-04T20:00:00')) }, new Date(shanghai('2026-12-04T19:15:00')))).toEqual({
      percentUsed: 25,
      businessMinutesLeft: 45,
    }));

  it('stays below 100 % before the promised due time and reaches it at the due time, whatever the hours say', () =>
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 * 24 * 5 }), (minutes) => {
        const now = new Date(Date.parse(fridayEvening.startedAt.toISOString()) + minutes * 60_000);
        const { percentUsed } = clockUsageAt(fridayEvening, now);
        return now < fridayEvening.dueAt ? percentUsed < 100 : percentUsed >= 100;
      }),
      { numRuns: 200 },
    ));
});
