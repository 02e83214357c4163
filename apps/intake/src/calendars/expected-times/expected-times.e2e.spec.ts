import { BUILT_IN_DEFAULT_PROCESS, type ProcessScope, type PublishedProcess } from '@collab/workflow-domain';
import { CalendarsApp, type Answer } from '../calendars.e2e-app';

/**
 * The what-if through REST, on the real channel registry and calendars. A contact is promised the
 * front-line SLA of the process its case will start on, in business time on that stage's calendar
 * (ADR 0012). Given workflow published these processes (below), every expected instant is worked
 * out by hand in the comment above it:
 *   desk/shanghai:          nine-to-five, first response 4 h, resolution 12 h;
 *   FAULT in desk/shanghai: nine-to-five, first response 30 min, resolution 4 h;
 *   desk/helsinki:          fi-standard, 4 h and 12 h;  desk/anytime: 24x7, 4 h and 12 h;
 *   anything else:          the default process, cn-standard, 1 h and 8 h.
 * Shanghai is UTC+8, Helsinki in June UTC+3. Priority does not change an SLA; it opens on-call hours.
 */

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

const SHANGHAI = 'desk/shanghai';
const HELSINKI = 'desk/helsinki';

const nineToFive = { start: '09:00', end: '17:00' };
const nationalDay = Array.from({ length: 7 }, (_, day) => ({
  date: `2026-10-0${day + 1}`,
  name: 'National Day 国庆节',
}));

/** A 9–17 desk in Shanghai, no lunch break, with an on-call rota for urgent contacts on Friday evening and Saturday. */
const nineToFiveDesk = {
  name: '9–17 desk',
  timeZone: 'Asia/Shanghai',
  weeklyHours: { 1: [nineToFive], 2: [nineToFive], 3: [nineToFive], 4: [nineToFive], 5: [nineToFive] },
  holidays: [{ date: '2026-06-19', name: 'Dragon Boat Festival 端午节' }, ...nationalDay],
  // 调休: Saturday 10 October is worked, with Monday's hours, in exchange for the National Day week.
  makeUpWorkingDays: [{ date: '2026-10-10', name: '国庆节调休' }],
  onCall: {
    appliesTo: ['URGENT'],
    rota: [
      { weekday: 5, start: '18:00', end: '23:00' },
      { weekday: 6, start: '10:00', end: '14:00' },
    ],
  },
};

interface Question {
  readonly channel: string;
  readonly category?: string;
  readonly audience?: string;
  readonly requestType?: string;
  readonly priority?: string;
  readonly arrivesAt?: string;
}

type Promised = Record<string, unknown>;

describe('what a contact would be promised (the what-if), through REST', () => {
  let intake: CalendarsApp;
  let admin: string;
  let agent: string;

  const whatIf = (question: Question, as: { token?: string } = { token: agent }): Promise<Answer<Promised>> =>
    intake.call<Promised>('POST', '/api/v1/contacts/expected-times', {
      token: as.token,
      body: { audience: 'EXTERNAL', requestType: 'CONSULT', ...question },
    });
  const promised = async (question: Question): Promise<Promised> => {
    const answer = await whatIf(question);
    expect(answer.status).toBe(200);
    return answer.body;
  };

  beforeAll(async () => {
    intake = await CalendarsApp.start();
    admin = await intake.token('admin-1', ['admin']);
    agent = await intake.token('agent-1', ['agent']);
    const asAdmin = (method: string, path: string, body: unknown) =>
      intake.call(method, path, { token: admin, body });
    expect(await asAdmin('PUT', '/api/v1/calendars/nine-to-five', nineToFiveDesk)).toMatchObject({
      status: 201,
    });
    const channel = (id: string, kind: string, calendarId: string) =>
      asAdmin('POST', '/api/v1/channels', { id, kind, name: id, audiences: ['EXTERNAL'], calendarId });
    expect(await channel('sh-hotline', 'PHONE', 'nine-to-five')).toMatchObject({ status: 201 });
    expect(await channel('hki-chat', 'CHAT', 'fi-standard')).toMatchObject({ status: 201 });
    await intake.givenWorkflowPublished(desk('shanghai-desk', { categories: [SHANGHAI] }, 'nine-to-five', [240, 720]));
    await intake.givenWorkflowPublished(
      desk('shanghai-faults', { categories: [SHANGHAI], requestTypes: ['FAULT'] }, 'nine-to-five', [30, 240]),
    );
    await intake.givenWorkflowPublished(desk('helsinki-desk', { categories: [HELSINKI] }, 'fi-standard', [240, 720]));
    await intake.givenWorkflowPublished(desk('anytime-desk', { categories: ['desk/anytime'] }, '24x7', [240, 720]));
  });

  afterAll(() => intake?.stop());

  describe('a process on a 9–17 desk (nine-to-five, Shanghai)', () => {
    it('counts a normal contact at 22:00 on a Friday from Monday 09:00', async () =>
      // Fri 12 June 22:00 is closed and no one is on call for NORMAL; counting starts Mon 15 June 09:00.
      // First response: Mon 09:00 + 4 h = Mon 13:00 (05:00Z).
      // Resolution: Mon 09–17 (8 h) + Tue 09:00–13:00 (4 h) = Tue 16 June 13:00 (05:00Z).
      expect(
        await promised({ channel: 'sh-hotline', category: SHANGHAI, priority: 'NORMAL', arrivesAt: '2026-06-12T22:00:00+08:00' }),
      ).toEqual({
        channel: 'sh-hotline',
        calendarId: 'nine-to-five',
        timeZone: 'Asia/Shanghai',
        arrivesAt: '2026-06-12T14:00:00.000Z',
        withinServiceHours: false,
        onCall: false,
        firstResponseBy: '2026-06-15T05:00:00.000Z',
        resolveBy: '2026-06-16T05:00:00.000Z',
        coverage: { complete: true },
      }));

    it('works an urgent contact at the same moment at once, within the on-call window', async () =>
      // Fri 22:00 is inside the Friday 18:00–23:00 shift, which counts for URGENT.
      // First response: 22:00 + 30 min = Fri 22:30 (14:30Z).
      // Resolution 4 h: Fri 22:00–23:00 (1 h), then the Saturday shift 10:00–13:00 (3 h) = Sat 13 June 13:00 (05:00Z).
      expect(
        await promised({
          channel: 'sh-hotline',
          category: SHANGHAI,
          priority: 'URGENT',
          requestType: 'FAULT',
          arrivesAt: '2026-06-12T22:00:00+08:00',
        }),
      ).toMatchObject({
        withinServiceHours: false,
        onCall: true,
        firstResponseBy: '2026-06-12T14:30:00.000Z',
        resolveBy: '2026-06-13T05:00:00.000Z',
      }));

    it('makes an urgent contact after the rota wait for Monday like any other', async () =>
      // Sat 13 June 15:00 is after the Saturday shift; nothing on Sunday; counting starts Mon 09:00.
      // First response: Mon 09:30 (01:30Z). Resolution: Mon 09:00 + 4 h = Mon 13:00 (05:00Z).
      expect(
        await promised({
          channel: 'sh-hotline',
          category: SHANGHAI,
          priority: 'URGENT',
          requestType: 'FAULT',
          arrivesAt: '2026-06-13T15:00:00+08:00',
        }),
      ).toMatchObject({
        withinServiceHours: false,
        onCall: false,
        firstResponseBy: '2026-06-15T01:30:00.000Z',
        resolveBy: '2026-06-15T05:00:00.000Z',
      }));

    it('skips a public holiday', async () =>
      // Thu 18 June 15:00; Fri 19 June is the Dragon Boat Festival; Sat and Sun are not worked.
      // First response: Thu 15–17 (2 h) + Mon 22 June 09:00–11:00 (2 h) = Mon 11:00 (03:00Z); Fri 11:00 without the holiday.
      // Resolution: Thu 2 h + Mon 8 h + Tue 23 June 09:00–11:00 (2 h) = Tue 11:00 (03:00Z).
      expect(await promised({ channel: 'sh-hotline', category: SHANGHAI, arrivesAt: '2026-06-18T15:00:00+08:00' })).toMatchObject(
        {
          withinServiceHours: true,
          onCall: false,
          firstResponseBy: '2026-06-22T03:00:00.000Z',
          resolveBy: '2026-06-23T03:00:00.000Z',
        },
      ));

    it('still works urgent contacts on a holiday evening, since on-call covers holidays', async () =>
      // Fri 19 June (holiday) 19:00 is inside the Friday 18:00–23:00 shift.
      // First response: 19:30 (11:30Z). Resolution: 19:00 + 4 h = 23:00, the shift's end (15:00Z).
      expect(
        await promised({
          channel: 'sh-hotline',
          category: SHANGHAI,
          priority: 'URGENT',
          requestType: 'FAULT',
          arrivesAt: '2026-06-19T19:00:00+08:00',
        }),
      ).toMatchObject({
        onCall: true,
        firstResponseBy: '2026-06-19T11:30:00.000Z',
        resolveBy: '2026-06-19T15:00:00.000Z',
      }));

    it('works the make-up Saturday (调休) with Monday’s hours', async () =>
      // Fri 9 October 16:00; Sat 10 October is a make-up working day, 09:00–17:00.
      // First response: Fri 16–17 (1 h) + Sat 09:00–12:00 (3 h) = Sat 12:00 (04:00Z); Mon 12 October 12:00 without it.
      // Resolution: Fri 1 h + Sat 8 h + Mon 12 October 09:00–12:00 (3 h) = Mon 12:00 (04:00Z).
      expect(await promised({ channel: 'sh-hotline', category: SHANGHAI, arrivesAt: '2026-10-09T16:00:00+08:00' })).toMatchObject(
        {
          firstResponseBy: '2026-10-10T04:00:00.000Z',
          resolveBy: '2026-10-12T04:00:00.000Z',
        },
      ));

    it('is open on the make-up Saturday itself', async () =>
      // Sat 10 October 10:00. First response: 10:00 + 4 h = 14:00 (06:00Z).
      expect(await promised({ channel: 'sh-hotline', category: SHANGHAI, arrivesAt: '2026-10-10T10:00:00+08:00' })).toMatchObject(
        {
          withinServiceHours: true,
          firstResponseBy: '2026-10-10T06:00:00.000Z',
        },
      ));
  });

  describe('the default process, on a desk with a 12:00–13:30 lunch break (cn-standard: 09:00–12:00 + 13:30–18:00, Shanghai)', () => {
    it('does not count the lunch break', async () =>
      // Tue 16 June 11:30. First response 1 h: 11:30–12:00 (0.5 h) + 13:30–14:00 (0.5 h) = 14:00 (06:00Z); 12:30 if lunch counted.
      // Resolution 8 h: Tue 0.5 h + 4.5 h (13:30–18:00) = 5 h; Wed 09:00–12:00 (3 h) = Wed 17 June 12:00 (04:00Z).
      expect(await promised({ channel: 'phone', arrivesAt: '2026-06-16T11:30:00+08:00' })).toEqual({
        channel: 'phone',
        calendarId: 'cn-standard',
        timeZone: 'Asia/Shanghai',
        arrivesAt: '2026-06-16T03:30:00.000Z',
        withinServiceHours: true,
        onCall: false,
        firstResponseBy: '2026-06-16T06:00:00.000Z',
        resolveBy: '2026-06-17T04:00:00.000Z',
        coverage: { complete: true, announcedThrough: '2026-12-31' },
      }));

    it('counts a contact arriving during lunch from 13:30', async () =>
      // Tue 16 June 12:15 is the break. First response: 13:30 + 1 h = 14:30 (06:30Z).
      // Resolution: Tue 13:30–18:00 (4.5 h) + Wed 09–12 (3 h) = 7.5 h; Wed 13:30–14:00 (0.5 h) = Wed 14:00 (06:00Z).
      expect(await promised({ channel: 'phone', arrivesAt: '2026-06-16T12:15:00+08:00' })).toMatchObject({
        withinServiceHours: false,
        onCall: false,
        firstResponseBy: '2026-06-16T06:30:00.000Z',
        resolveBy: '2026-06-17T06:00:00.000Z',
      }));

    it('is the same on any channel: the process decides, not the channel (sh-hotline works 9–17)', async () =>
      expect(await promised({ channel: 'sh-hotline', arrivesAt: '2026-06-16T12:15:00+08:00' })).toMatchObject({
        calendarId: 'cn-standard',
        firstResponseBy: '2026-06-16T06:30:00.000Z',
        resolveBy: '2026-06-17T06:00:00.000Z',
      }));
  });

  describe('two time zones: one instant, Tue 16 June 07:00Z', () => {
    it('is 15:00 in Shanghai (the default process, cn-standard)', async () =>
      // First response: 15:00 + 1 h = Tue 16:00 (08:00Z).
      // Resolution 8 h: Tue 15–18 (3 h); Wed 09–12 (3 h) = 6 h; 13:30–15:30 (2 h) = Wed 17 June 15:30 (07:30Z).
      expect(await promised({ channel: 'phone', arrivesAt: '2026-06-16T15:00:00+08:00' })).toMatchObject({
        timeZone: 'Asia/Shanghai',
        arrivesAt: '2026-06-16T07:00:00.000Z',
        firstResponseBy: '2026-06-16T08:00:00.000Z',
        resolveBy: '2026-06-17T07:30:00.000Z',
      }));

    it('is 10:00 in Helsinki (fi-standard, 08:00–16:00)', async () =>
      // First response: 10:00 + 4 h = Tue 14:00 EEST (11:00Z).
      // Resolution: Tue 10–16 (6 h) + Wed 08:00–14:00 (6 h) = Wed 17 June 14:00 EEST (11:00Z).
      expect(await promised({ channel: 'hki-chat', category: HELSINKI, arrivesAt: '2026-06-16T10:00:00+03:00' })).toEqual({
        channel: 'hki-chat',
        calendarId: 'fi-standard',
        timeZone: 'Europe/Helsinki',
        arrivesAt: '2026-06-16T07:00:00.000Z',
        withinServiceHours: true,
        onCall: false,
        firstResponseBy: '2026-06-16T11:00:00.000Z',
        resolveBy: '2026-06-17T11:00:00.000Z',
        coverage: { complete: true },
      }));
  });

  it('asks about now when no arrival time is given', async () => {
    const before = Date.now();
    // The anytime desk's process works 24x7: the first response is exactly 4 h after arrival.
    const answer = await promised({ channel: 'app', category: 'desk/anytime' });
    const arrivesAt = Date.parse(String(answer['arrivesAt']));
    expect(arrivesAt).toBeGreaterThanOrEqual(before);
    expect(arrivesAt).toBeLessThanOrEqual(Date.now());
    expect(Date.parse(String(answer['firstResponseBy'])) - arrivesAt).toBe(4 * 60 * 60_000);
    expect(answer).toMatchObject({ calendarId: '24x7', withinServiceHours: true });
  });

  it.each<[string, Question & Record<string, unknown>, string[]]>([
    ['an unknown channel', { channel: 'fax-line' }, ['channel']],
    ['a channel that does not serve the audience', { channel: 'app', audience: 'PARTNER' }, ['channel']],
    [
      'a missing channel and unknown kinds of everything',
      { channel: undefined as never, audience: 'ALIENS', requestType: 'GOSSIP', priority: 'CRITICAL' },
      ['channel', 'audience', 'requestType', 'priority'],
    ],
    ['an arrival without an offset', { channel: 'phone', arrivesAt: '2026-06-12T22:00' }, ['arrivesAt']],
    ['a field a what-if does not take', { channel: 'phone', subject: 'billing' }, ['subject']],
  ])('answers 400 to %s, naming each field', async (_, question, fields) => {
    const answer = await whatIf(question);
    expect(answer).toMatchObject({ status: 400, body: { status: 400, title: 'The request is invalid' } });
    expect((answer.body['errors'] as { field: string }[]).map((error) => error.field)).toEqual(fields);
  });

  it('answers 400 naming the channel once it is disabled', async () => {
    expect(await intake.call('POST', '/api/v1/channels/hki-chat/disable', { token: admin })).toMatchObject({
      status: 200,
    });
    expect(await whatIf({ channel: 'hki-chat' })).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'channel', message: 'channel "hki-chat" is disabled' }] },
    });
    await intake.call('POST', '/api/v1/channels/hki-chat/enable', { token: admin });
  });

  it('refuses a caller without a token (401)', async () =>
    expect(await whatIf({ channel: 'phone' }, {})).toMatchObject({ status: 401, body: { status: 401 } }));

  it('stores nothing, whether it answers or refuses', async () => {
    const head = await intake.store.headPosition();
    await whatIf({ channel: 'sh-hotline', category: SHANGHAI, priority: 'URGENT', arrivesAt: '2026-06-12T22:00:00+08:00' });
    await whatIf({ channel: 'phone' });
    await whatIf({ channel: 'fax-line' });
    expect(await intake.store.headPosition()).toBe(head);
  });

  it('promises on a calendar’s revision from the moment it is recorded (one definition, no copy to refresh)', async () => {
    // The desk now also closes on Monday 15 June. Friday 22:00 NORMAL is then counted from Tue 16 June 09:00:
    // first response Tue 13:00 (05:00Z); resolution Tue 8 h + Wed 09:00–13:00 = Wed 17 June 13:00 (05:00Z).
    const revision = {
      ...nineToFiveDesk,
      holidays: [...nineToFiveDesk.holidays, { date: '2026-06-15', name: 'Office move' }],
    };
    expect(
      await intake.call('PUT', '/api/v1/calendars/nine-to-five', { token: admin, body: revision }),
    ).toMatchObject({ status: 200 });
    expect(await promised({ channel: 'sh-hotline', category: SHANGHAI, arrivesAt: '2026-06-12T22:00:00+08:00' })).toMatchObject({
      firstResponseBy: '2026-06-16T05:00:00.000Z',
      resolveBy: '2026-06-17T05:00:00.000Z',
    });
  });
});
