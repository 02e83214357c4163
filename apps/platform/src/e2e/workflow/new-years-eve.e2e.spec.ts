import { HostedServices } from '@collab/service-kit';
import { eventually } from '@collab/testing';
import { EmbeddedPlatform, MovableClock } from '../embedded-platform';
import { customer, supervisor } from './lifecycle-steps';

/**
 * New Year's Eve in Shanghai through the whole platform: a phone complaint at 16:00 on Thursday
 * 31 December 2026, when cn-standard's announced holidays (the 2026 notice) end that night. 元旦 is
 * a holiday by rule in every year; 2027's lunar holidays and 调休 are not announced, so promises
 * reaching into 2027 say so. The movable clock runs on in real time from where the test puts it,
 * so instants are checked to the minute.
 */

interface SlaClock {
  readonly clockKey: string;
  readonly calendarId: string | null;
  readonly dueAt: string;
  readonly coverage: { readonly complete: boolean; readonly announcedThrough?: string } | null;
}

const STARTS_AT = '2026-12-31T08:00:00Z';
const clock = new MovableClock(STARTS_AT);

/**
 * The clock runs on in real time from 16:00, so a contact sent `lateMs` after it (the platform's
 * start and the earlier steps, longer on a busy machine) is promised times `lateMs` later, within the
 * same business hours: `actual` is `expected` moved by that, give or take the request's own minute.
 */
const movedByLateness = (actual: unknown, expected: string, lateMs: number): void => {
  const gap = Date.parse(String(actual)) - Date.parse(expected) - lateMs;
  expect({ actual, gap: gap >= 0 && gap < 60_000 }).toEqual({ actual, gap: true });
};

describe('New Year’s Eve 2026 in Shanghai, embedded platform', () => {
  let platform: EmbeddedPlatform;

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start({}, clock);
  }, 120_000);
  afterAll(() => platform?.stop());

  it('warns administrators at start that cn-standard’s announced holidays end with 2026', async () => {
    const coverage = await platform.call('GET', '/api/v1/calendars/cn-standard/coverage', {
      caller: supervisor,
    });
    expect(coverage.body).toMatchObject({
      announcedThrough: '2026-12-31',
      ending: { raisedAt: expect.any(String) },
    });
  });

  it('acknowledges a contact whose promise stays within 2026 as covered, and a second contact joining a case repeats its case’s coverage', async () => {
    const contact = (requester: string, threadRef: string) => ({
      channel: 'app',
      audience: 'EXTERNAL',
      requester: { id: requester },
      requestType: 'INQUIRY',
      category: 'billing/wrong-charge',
      subject: 'Laskun eräpäivä',
      description: 'Milloin laskuni eräpäivä on?',
      language: 'fi',
      region: 'GD-SZ',
      threadRef,
    });
    const first = await platform.call('POST', '/api/v1/contacts', { caller: customer('cust-nye-2'), body: contact('cust-nye-2', 'nye-thread-1') });
    const joined = await platform.call('POST', '/api/v1/contacts', { caller: customer('cust-nye-2'), body: contact('cust-nye-2', 'nye-thread-1') });
    expect([first.status, joined.status]).toEqual([201, 201]);
    const acknowledgement = first.body['acknowledgement'] as Record<string, unknown>;
    // An inquiry at 16:00: its promise ends on 31 December if the process's front-line SLA fits in the
    // two working hours left; either way the coverage is stated, and it agrees with the dates.
    const resolveBy = String(acknowledgement['expectedResolutionAt']);
    const withinYear = Date.parse(resolveBy) < Date.parse('2026-12-31T16:00:00Z');
    expect(acknowledgement['coverage']).toMatchObject({ complete: withinYear, announcedThrough: '2026-12-31' });
    expect(joined.body['caseId']).toBe(first.body['caseId']);
    expect((joined.body['acknowledgement'] as Record<string, unknown>)['coverage']).toEqual(acknowledgement['coverage']);
  });

  it('acknowledges a phone complaint at 16:00 with a resolution after 元旦, and counts its SLA clocks the same way, each saying how far it is covered', async () => {
    const lateMs = clock.now().getTime() - Date.parse(STARTS_AT);
    const submitted = await platform.call('POST', '/api/v1/contacts', {
      caller: customer('cust-nye'),
      body: {
        channel: 'phone',
        audience: 'EXTERNAL',
        requester: { id: 'cust-nye' },
        requestType: 'COMPLAINT',
        category: 'billing/wrong-charge',
        subject: '账单金额不对',
        description: '本月账单多扣了 30 元，请核实。',
        language: 'zh-Hans',
        region: 'GD-SZ',
      },
    });
    expect(submitted.status).toBe(201);
    const acknowledgement = submitted.body['acknowledgement'] as Record<string, unknown>;
    // The default process (ADR 0012): first response 1 h, resolution 8 h on cn-standard. 16:00 + 1 h = 17:00 (09:00Z).
    // Resolution: Thu 31 Dec 16:00–18:00 is 2 h; Fri 1 Jan 2027 is 元旦, then the weekend; Mon 4 Jan
    // 09:00–12:00 (3 h) and 13:30–16:30 (3 h) = 16:30 (08:30Z).
    movedByLateness(acknowledgement['expectedFirstResponseAt'], '2026-12-31T09:00:00Z', lateMs);
    movedByLateness(acknowledgement['expectedResolutionAt'], '2027-01-04T08:30:00Z', lateMs);
    // The resolution falls in 2027, past the announced holidays: the acknowledgement says so, in words too.
    expect(acknowledgement['coverage']).toEqual({ complete: false, announcedThrough: '2026-12-31', warning: expect.stringContaining('cn-standard') });

    const caseId = String(submitted.body['caseId']);
    const clocks = await eventually(async () => {
      const answer = await platform.call('GET', `/api/v1/cases/${caseId}/sla`, { caller: supervisor });
      const shown = (answer.body['clocks'] ?? []) as SlaClock[];
      if (!shown.some((shownClock) => shownClock.clockKey === 'case:resolution'))
        throw new Error('no clocks yet');
      return shown;
    });
    const response = clocks.find((shown) => shown.clockKey === 'case:response');
    const resolution = clocks.find((shown) => shown.clockKey === 'case:resolution');
    // The response clock (60 business minutes, escalations up to 150 %) ends by 17:30 on 31 December: covered.
    expect(response?.coverage).toEqual({ complete: true, announcedThrough: '2026-12-31' });
    // The resolution clock runs into 2027: counted past the announced holidays, and it says so.
    expect(Date.parse(resolution?.dueAt ?? '')).toBeGreaterThan(Date.parse('2027-01-04T00:00:00Z'));
    expect(resolution?.coverage).toMatchObject({ complete: false, announcedThrough: '2026-12-31' });
  });

  it('tells the requester in the acknowledgement that the promise falls past the announced holidays, in the answer and the event, and again to a joining contact', async () => {
    const contact = {
      channel: 'phone',
      audience: 'EXTERNAL',
      requester: { id: 'cust-nye-2' },
      requestType: 'COMPLAINT',
      category: 'billing/wrong-charge',
      subject: '又多扣了',
      description: '这个月又多扣了 30 元。',
      language: 'zh-Hans',
      region: 'GD-SZ',
    };
    const caller = customer('cust-nye-2');
    const submitted = await platform.call('POST', '/api/v1/contacts', { caller, body: contact });
    expect(submitted.status).toBe(201);
    const past = {
      complete: false,
      announcedThrough: '2026-12-31',
      warning: expect.stringContaining('cn-standard has announced holidays only through 2026-12-31'),
    };
    expect(submitted.body['acknowledgement']).toMatchObject({ calendarId: 'cn-standard', coverage: past });

    const caseId = String(submitted.body['caseId']);
    const intakeLog = platform.app.get(HostedServices).get('intake')!.store;
    const acknowledged = (await intakeLog.readStream(`case-${caseId}`)).filter(
      (event) => event.type === 'CaseAcknowledged',
    );
    expect(acknowledged).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({ coverage: past }),
        metadata: expect.objectContaining({ schemaVersion: 2 }),
      }),
    ]);

    // The same customer about the same category joins the case, and hears the same promise.
    const joined = await platform.call('POST', '/api/v1/contacts', {
      caller,
      body: { ...contact, channel: 'app', description: '补充：是流量费。' },
    });
    expect(joined.body).toMatchObject({
      caseId,
      joinedExistingCase: true,
      acknowledgement: { coverage: past },
    });
  });
});
