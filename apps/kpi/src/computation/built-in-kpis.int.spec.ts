import { monthOfEvents } from '../testing/scenario';
import { KPI_ENGINES, KpiTestBed } from '../testing/kpi-test-bed';

/** Each built-in KPI against the hand-computed month of testing/scenario.ts (the figures are worked out there). */
describe.each(KPI_ENGINES)('the built-in KPIs over a hand-computed month, on %s', (engine) => {
  let bed: KpiTestBed;

  beforeAll(async () => {
    bed = await KpiTestBed.on(engine);
    await bed.feed(monthOfEvents());
  });
  afterAll(() => bed.close());

  it('counts contacts received by channel, by day', async () => {
    const byDay = await bed.series('contacts-received', { granularity: 'day' });
    expect(byDay.values.map((point) => [point.bucket, point.value])).toEqual([['2026-11-20T00:00:00Z', 1], ['2026-11-23T00:00:00Z', 2]]);
    expect(await bed.value('contacts-received', 'channel:app')).toBe(2);
    expect(await bed.value('contacts-received', 'channel:web')).toBe(1);
  });

  it('measures first response in business minutes across the weekend: average and exact p90', async () => {
    // A: Fri 17:00 → Mon 10:00 local = 60 + 60; B: 30; C: 10.
    expect(await bed.value('first-response-time-avg')).toBeCloseTo(160 / 3, 9);
    expect(await bed.value('first-response-time-p90')).toBe(120);
  });

  it('measures resolution to the last resolution of a reopened case', async () => {
    // A: 60 (Fri) + 180 + 90 (Mon, around lunch) = 330; B: 180; C: 40.
    expect(await bed.value('resolution-time-avg')).toBeCloseTo(550 / 3, 9);
    expect(await bed.value('resolution-time-p90')).toBe(330);
  });

  it('resolves at first contact only what needed nothing else', async () => {
    expect(await bed.value('first-contact-resolution-rate')).toBeCloseTo(1 / 3, 9);
  });

  it('shares SLA clocks met: response, resolution, and the collaboration legs per partner and department', async () => {
    expect(await bed.value('response-sla-compliance')).toBe(1);
    expect(await bed.value('resolution-sla-compliance')).toBe(0.5);
    expect(await bed.value('collaboration-on-time-rate')).toBe(1);
    expect((await bed.series('collaboration-on-time-rate', { scope: 'partner:partner-x' })).values[0]).toMatchObject({ numerator: 1, denominator: 1 });
  });

  it('rates returns (退单) overall and for the partner leg, reopenings, escalations; counts ping-pong', async () => {
    expect(await bed.value('return-rate')).toBe(0.5);
    expect(await bed.value('return-rate', 'partner:partner-x')).toBe(1);
    expect(await bed.value('returns-by-reason')).toBe(1);
    expect(await bed.value('reopen-rate')).toBe(0.25);
    expect(await bed.value('escalation-rate')).toBeCloseTo(1 / 3, 9);
    expect(await bed.value('ping-pong-count')).toBe(1);
  });

  it('keeps the backlog as a level at the end of each bucket', async () => {
    const byDay = await bed.series('backlog', { granularity: 'day' });
    expect(byDay.values.map((point) => [point.bucket, point.value])).toEqual([['2026-11-20T00:00:00Z', 1], ['2026-11-23T00:00:00Z', 0]]);
    const fromMonday = await bed.series('backlog', { granularity: 'day', from: '2026-11-23T00:00:00Z' });
    expect(fromMonday.values.map((point) => point.value)).toEqual([0]);
  });

  it('averages CSAT and rates the responses to it', async () => {
    expect(await bed.value('csat-average')).toBe(3);
    expect(await bed.value('csat-response-rate')).toBeCloseTo(2 / 3, 9);
  });

  it('counts knowledge deflection: self-service answers that opened no case, by channel and day', async () => {
    // Fri: one on the web; Mon: two on the app (testing/scenario.ts).
    expect(await bed.value('knowledge-deflection')).toBe(3);
    expect(await bed.value('knowledge-deflection', 'channel:app')).toBe(2);
    expect(await bed.value('knowledge-deflection', 'channel:web')).toBe(1);
    const byDay = await bed.series('knowledge-deflection', { granularity: 'day' });
    expect(byDay.values.map((point) => [point.bucket, point.value])).toEqual([['2026-11-20T00:00:00Z', 1], ['2026-11-23T00:00:00Z', 2]]);
  });

  it('attributes by the organisation as it was: the queue moved on Saturday, Friday’s work stays with gd-front', async () => {
    // A's first response (Mon) came while A still waited from its Friday queueing under gd-front.
    expect((await bed.series('first-response-time-avg', { scope: 'unit:gd-front' })).values[0]).toMatchObject({ value: 120, samples: 1 });
    expect((await bed.series('first-response-time-avg', { scope: 'unit:gd-billing' })).values[0]).toMatchObject({ value: 20, samples: 2 });
    expect(await bed.value('contacts-received', 'unit:gd-front')).toBe(1);
    // The parent unit's figures include its children.
    expect(await bed.value('contacts-received', 'unit:gd')).toBe(3);
    // After the reopening A is held by gd-billing: its final resolution is gd-billing's.
    expect((await bed.series('resolution-time-avg', { scope: 'unit:gd-billing' })).values[0]).toMatchObject({ samples: 3 });
  });

  it('every answer names the definition version it used', async () => {
    expect(await bed.series('reopen-rate')).toMatchObject({ kpiId: 'reopen-rate', version: 1, scope: 'whole' });
  });
});
