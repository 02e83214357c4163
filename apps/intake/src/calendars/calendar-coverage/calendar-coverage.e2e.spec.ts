import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { eventually, MovableClock } from '@collab/testing';
import { BUILT_IN_DEFAULT_PROCESS, type ProcessScope, type PublishedProcess } from '@collab/workflow-domain';
import { CalendarsApp } from '../calendars.e2e-app';

/**
 * Calendars past the years anyone has announced, through REST on a movable clock that starts on
 * 1 October 2026 and only moves forward. cn-standard's announced holidays (the State Council's 2026
 * notice) end on 2026-12-31; fi-standard is rules only. The promise is the front-line SLA of the
 * case's process (ADR 0012); workflow published these (below): complaints on cn-standard, first
 * response 4 h and resolution 24 h; the Helsinki desk's category on fi-standard, the same; faults on
 * cn-standard, 30 min and 4 h. Shanghai is UTC+8; Helsinki UTC+2 in winter, UTC+3 in summer.
 */
const clock = new MovableClock('2026-10-01T00:00:00Z');
const HELSINKI = 'desk/helsinki';

const desk = (processId: string, scope: ProcessScope, calendarId: string, [response, resolution]: [number, number]): PublishedProcess => ({
  ...BUILT_IN_DEFAULT_PROCESS,
  processId,
  name: processId,
  scope,
  stages: [
    {
      id: 'front-line',
      name: 'Front line',
      unitType: 'FRONT_LINE',
      sla: { calendarId, responseWithinBusinessMinutes: response, resolutionWithinBusinessMinutes: resolution },
    },
  ],
  version: 1,
  publishedAt: '2026-06-01T00:00:00.000Z',
});

interface Coverage {
  readonly calendarId: string;
  readonly announcedThrough: string | null;
  readonly coverageEndsAt: string | null;
  readonly warningFrom: string | null;
  readonly ending: { readonly raisedAt: string } | null;
}

describe('calendars past their announced years, through REST', () => {
  let intake: CalendarsApp;
  let admin: string;
  let agent: string;

  const coverageOf = async (calendarId: string): Promise<Coverage> => {
    const answer = await intake.call<Coverage>('GET', `/api/v1/calendars/${calendarId}/coverage`, { token: agent });
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const endingsOf = async (calendarId: string) =>
    (await intake.store.readStream(`coverage-${calendarId}`)).filter((event) => event.type === 'CalendarCoverageEnding');
  /** Moves the clock there and asks about a contact arriving exactly then (the clock runs on by milliseconds). */
  const arriving = (instant: string) => {
    clock.advanceTo(instant);
    return { arrivesAt: instant };
  };
  const whatIf = async (question: Record<string, unknown>) => {
    const answer = await intake.call<Record<string, unknown>>('POST', '/api/v1/contacts/expected-times', {
      token: agent,
      body: { audience: 'EXTERNAL', requestType: 'COMPLAINT', priority: 'NORMAL', ...question },
    });
    expect(answer.status).toBe(200);
    return answer.body;
  };

  beforeAll(async () => {
    intake = await CalendarsApp.start({ clock, env: { INTAKE_CALENDAR_WATCH_MS: '50' } });
    admin = await intake.token('admin-1', ['admin']);
    agent = await intake.token('agent-1', ['agent']);
    const helsinkiChat = { id: 'hki-chat', kind: 'CHAT', name: 'Helsinki chat', audiences: ['EXTERNAL'], calendarId: 'fi-standard' };
    expect(await intake.call('POST', '/api/v1/channels', { token: admin, body: helsinkiChat })).toMatchObject({ status: 201 });
    await intake.givenWorkflowPublished(desk('complaints', { requestTypes: ['COMPLAINT'] }, 'cn-standard', [240, 1440]));
    await intake.givenWorkflowPublished(desk('helsinki-desk', { requestTypes: ['COMPLAINT'], categories: [HELSINKI] }, 'fi-standard', [240, 1440]));
    await intake.givenWorkflowPublished(desk('faults', { requestTypes: ['FAULT'] }, 'cn-standard', [30, 240]));
  }, 60_000);

  afterAll(() => intake?.stop());

  it('shows how far each default calendar’s announced holidays reach, and no warning 61 days ahead', async () => {
    expect(await coverageOf('cn-standard')).toEqual({
      calendarId: 'cn-standard',
      announcedThrough: '2026-12-31',
      // Midnight after 31 December in Shanghai; the warning 60 days before, 2 November 00:00 (+08:00).
      coverageEndsAt: '2026-12-31T16:00:00.000Z',
      warningFrom: '2026-11-01T16:00:00.000Z',
      ending: null,
    });
    expect(await coverageOf('fi-standard')).toEqual({
      calendarId: 'fi-standard',
      announcedThrough: null,
      coverageEndsAt: null,
      warningFrom: null,
      ending: null,
    });
    expect(await endingsOf('cn-standard')).toEqual([]);
  });

  it('raises CalendarCoverageEnding once, 60 days before cn-standard’s coverage ends, and keeps it across a restart', async () => {
    clock.advanceTo('2026-11-01T16:00:00Z');
    const raised = await eventually(async () => {
      const coverage = await coverageOf('cn-standard');
      if (!coverage.ending) throw new Error('not raised yet');
      return coverage.ending;
    });
    expect(Date.parse(raised.raisedAt)).toBeGreaterThanOrEqual(Date.parse('2026-11-01T16:00:00Z'));
    const [ending, ...more] = await endingsOf('cn-standard');
    expect(more).toEqual([]);
    expect(ending?.data).toEqual({
      calendarId: 'cn-standard',
      announcedThrough: '2026-12-31',
      coverageEndsAt: '2026-12-31T16:00:00.000Z',
      raisedAt: raised.raisedAt,
    });
    expect(ending?.metadata.actor).toEqual({ id: 'intake.calendar-coverage', kind: 'system' });
    // Published as it is recorded: valid against its JSON Schema.
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    const schemaFile = join(__dirname, '..', '..', '..', '..', '..', 'libs', 'contracts', 'schemas', 'intake', 'CalendarCoverageEnding.v1.schema.json');
    expect(ajv.validate(JSON.parse(await readFile(schemaFile, 'utf8')) as object, ending?.data)).toBe(true);

    await intake.restart();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await endingsOf('cn-standard')).toHaveLength(1);
    expect(await endingsOf('fi-standard')).toEqual([]);
  });

  it('promises a complaint phoned in on New Year’s Eve 17:00 in Shanghai after 元旦, and says the promise reaches past 2026', async () => {
    const now = arriving('2026-12-31T17:00:00+08:00');
    // Thu 31 Dec 17:00–18:00 is 1 h; Fri 1 Jan 2027 is 元旦 by rule, then the weekend.
    // First response: Mon 4 Jan 09:00–12:00 (3 h) = 12:00 (04:00Z), not Fri 1 Jan 12:00.
    // Resolution 24 h: 1 h + Mon 7.5 h + Tue 7.5 h + Wed 7.5 h = 23.5 h; Thu 7 Jan 09:00–09:30 = 09:30 (01:30Z).
    const answer = await whatIf({ channel: 'phone', ...now });
    expect(answer).toMatchObject({
      calendarId: 'cn-standard',
      arrivesAt: '2026-12-31T09:00:00.000Z',
      withinServiceHours: true,
      firstResponseBy: '2027-01-04T04:00:00.000Z',
      resolveBy: '2027-01-07T01:30:00.000Z',
      coverage: { complete: false, announcedThrough: '2026-12-31' },
    });
    expect((answer['coverage'] as { warning: string }).warning).toMatch(/cn-standard.*2026-12-31/);
  });

  it('still calls a promise that ends within 2026 complete', async () =>
    expect(await whatIf({ channel: 'phone', priority: 'URGENT', requestType: 'FAULT', arrivesAt: '2026-12-31T10:00:00+08:00' })).toMatchObject({
      // URGENT: 30 min and 4 h, on call around the clock: 10:30 and 14:00, both on 31 December.
      firstResponseBy: '2026-12-31T02:30:00.000Z',
      resolveBy: '2026-12-31T06:00:00.000Z',
      coverage: { complete: true, announcedThrough: '2026-12-31' },
    }));

  it('skips Good Friday and Easter Monday 2027 in Helsinki, with nothing missing: Finland’s holidays are all rules', async () => {
    const now = arriving('2027-03-25T15:00:00+02:00');
    // Thu 25 Mar 15:00 (+02:00): 1 h to 16:00; Fri 26 Good Friday, weekend, Mon 29 Easter Monday.
    // First response: Tue 30 Mar 08:00 + 3 h = 11:00 (+03:00 since 28 March) = 08:00Z.
    // Resolution 24 h: 1 h + Tue 8 h + Wed 8 h + Thu 1 Apr 7 h = 15:00 (12:00Z).
    expect(await whatIf({ channel: 'hki-chat', category: HELSINKI, ...now })).toEqual({
      channel: 'hki-chat',
      calendarId: 'fi-standard',
      timeZone: 'Europe/Helsinki',
      arrivesAt: '2027-03-25T13:00:00.000Z',
      withinServiceHours: true,
      onCall: false,
      firstResponseBy: '2027-03-30T08:00:00.000Z',
      resolveBy: '2027-04-01T12:00:00.000Z',
      coverage: { complete: true },
    });
  });

  it('skips Midsummer Eve 2027 (Friday 25 June)', async () => {
    const now = arriving('2027-06-24T14:00:00+03:00');
    // Thu 24 Jun 14:00 (+03:00): 2 h; Fri 25 Midsummer Eve; Mon 28 Jun 08:00 + 2 h = 10:00 (07:00Z).
    expect(await whatIf({ channel: 'hki-chat', category: HELSINKI, ...now })).toMatchObject({
      firstResponseBy: '2027-06-28T07:00:00.000Z',
      coverage: { complete: true },
    });
  });

  it('arms the warning again when an administrator adds a year and moves announcedThrough on', async () => {
    const desk = {
      name: 'Test desk (its own announced year)',
      timeZone: 'Asia/Shanghai',
      weeklyHours: { 1: [{ start: '09:00', end: '17:00' }] },
      holidayRules: [{ rule: 'fixed', date: '01-01', name: 'New Year’s Day 元旦' }],
      announcedThrough: '2027-06-30',
    };
    expect(await intake.call('PUT', '/api/v1/calendars/test-desk', { token: admin, body: desk })).toMatchObject({ status: 201 });
    // Already within 60 days of 1 July: raised at the next look.
    await eventually(async () => expect((await coverageOf('test-desk')).ending).not.toBeNull());
    const revised = { ...desk, announcedThrough: '2027-12-31' };
    expect(await intake.call('PUT', '/api/v1/calendars/test-desk', { token: admin, body: revised })).toMatchObject({
      status: 200,
      body: { announcedThrough: '2027-12-31', holidayRules: desk.holidayRules },
    });
    expect(await coverageOf('test-desk')).toMatchObject({ announcedThrough: '2027-12-31', ending: null });
    clock.advanceTo('2027-11-01T16:00:00Z');
    await eventually(async () => expect((await coverageOf('test-desk')).ending).not.toBeNull());
    expect((await endingsOf('test-desk')).map((event) => event.data['announcedThrough'])).toEqual(['2027-06-30', '2027-12-31']);
  });

  it('refuses a malformed rule or coverage date, naming the field', async () => {
    const answer = await intake.call<{ errors: { field: string }[] }>('PUT', '/api/v1/calendars/bad-desk', {
      token: admin,
      body: {
        name: 'Bad desk',
        timeZone: 'Asia/Shanghai',
        weeklyHours: { 1: [{ start: '09:00', end: '17:00' }] },
        holidayRules: [{ rule: 'fixed', date: '13-01', name: 'Nowhere' }],
        announcedThrough: 'next year',
      },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((error) => error.field)).toEqual(['holidayRules.0.date', 'announcedThrough']);
  });

  it('skips 国庆 2031 by rule in Shanghai, and says the promise reaches past what was announced', async () => {
    const now = arriving('2031-09-30T17:00:00+08:00');
    // Tue 30 Sep 17:00: 1 h; Wed–Fri 1–3 Oct are 国庆 by rule (its announced span unknown); Mon 6 Oct 09:00 + 3 h = 12:00 (04:00Z).
    expect(await whatIf({ channel: 'phone', ...now })).toMatchObject({
      firstResponseBy: '2031-10-06T04:00:00.000Z',
      coverage: { complete: false, announcedThrough: '2026-12-31' },
    });
  });
});
