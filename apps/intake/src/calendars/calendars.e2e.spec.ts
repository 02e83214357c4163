import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { defaultCalendars, type BusinessCalendar } from '@collab/business-calendar';
import { CALENDAR_EVENT_TYPES } from '@collab/intake-domain';
import { ValidationFailed } from '@collab/service-kit';
import { intakeContract } from '../intake.contract';
import { CALENDAR_LOOKUP, type CalendarLookup } from '../intake.ports';
import { CalendarsApp, type Answer, type CallOptions } from './calendars.e2e-app';
import type { CalendarView } from './calendar-view/calendar-view';

const workdays = (...hours: { start: string; end: string }[]) => ({
  1: hours,
  2: hours,
  3: hours,
  4: hours,
  5: hours,
});

/** A Guangzhou desk with a lunch break, National Day off, a 调休 Saturday and an urgent on-call rota. */
const gdDesk = {
  name: 'Guangdong desk',
  timeZone: 'Asia/Shanghai',
  weeklyHours: workdays({ start: '09:00', end: '12:00' }, { start: '13:30', end: '17:30' }),
  holidays: [{ date: '2026-10-01', name: 'National Day 国庆节' }],
  makeUpWorkingDays: [{ date: '2026-10-10', name: '国庆节调休' }],
  onCall: { appliesTo: ['URGENT'], rota: [{ weekday: 6, start: '10:00', end: '14:00' }] },
};

const defaultCalendar = (id: string): BusinessCalendar => {
  const found = defaultCalendars().find((calendar) => calendar.id === id);
  if (!found) throw new Error(`no default calendar ${id}`);
  return found;
};

const fieldsOf = (answer: Answer): string[] =>
  (answer.body as { errors: { field: string }[] }).errors.map((error) => error.field);

describe('business calendars, through REST', () => {
  let intake: CalendarsApp;
  let admin: string;
  let agent: string;

  const call = <Body = CalendarView>(method: string, path: string, options: CallOptions = {}) =>
    intake.call<Body>(method, `/api/v1/calendars${path}`, options);
  const define = (id: string, body: unknown, headers: Record<string, string> = {}) =>
    call('PUT', `/${id}`, { token: admin, body, headers });
  const streamOf = async (id: string) =>
    (await intake.store.readStream(`calendar-${id}`)).map((event) => event.type);

  /** The list reads the read model, which follows the log a moment behind. */
  const listEventually = async (until: (calendars: CalendarView[]) => boolean): Promise<CalendarView[]> => {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const { body } = await call<{ items: CalendarView[] }>('GET', '', { token: agent });
      if (until(body.items)) return body.items;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the calendar list never got there');
  };

  beforeAll(async () => {
    intake = await CalendarsApp.start();
    admin = await intake.token('admin-1', ['admin']);
    agent = await intake.token('agent-1', ['agent']);
  });

  afterAll(() => intake?.stop());

  it('lists the default calendars, whole and at version 1, to any authenticated caller', async () => {
    const listed = await listEventually((calendars) => calendars.length >= 3);
    expect(listed).toEqual(
      defaultCalendars()
        .map((calendar) => ({ ...calendar, version: 1 }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    );
  });

  it('shows one calendar with its version as ETag', async () => {
    const answer = await call('GET', '/fi-standard', { token: agent });
    expect(answer).toMatchObject({
      status: 200,
      etag: '"1"',
      body: { ...defaultCalendar('fi-standard'), version: 1 },
    });
  });

  it('lets an admin define a calendar (201), revise it (200) and repeat a revision without recording it again', async () => {
    const defined = await define('gd-desk', gdDesk);
    expect(defined).toMatchObject({ status: 201, etag: '"1"' });
    expect(defined.body).toEqual({ id: 'gd-desk', ...gdDesk, version: 1 });
    expect((await call('GET', '/gd-desk', { token: agent })).body).toEqual(defined.body);

    // A revision is the whole definition: the holiday left out is gone.
    const revision = { ...gdDesk, name: 'Guangdong desk (2026)', holidays: [] };
    const revised = await define('gd-desk', revision);
    expect(revised).toMatchObject({
      status: 200,
      etag: '"2"',
      body: { ...revision, id: 'gd-desk', version: 2 },
    });
    expect(await define('gd-desk', revision)).toMatchObject({
      status: 200,
      etag: '"2"',
      body: { version: 2 },
    });
    expect(await streamOf('gd-desk')).toEqual(['CalendarDefined', 'CalendarRevised']);

    const listed = await listEventually((calendars) =>
      calendars.some((c) => c.id === 'gd-desk' && c.version === 2),
    );
    expect(listed.find((c) => c.id === 'gd-desk')).toEqual(revised.body);
  });

  it('revises on If-Match only the version the admin saw (409 otherwise)', async () => {
    await define('gd-if-match', gdDesk);
    const current = await call('GET', '/gd-if-match', { token: agent });
    expect(
      await define('gd-if-match', { ...gdDesk, name: 'first' }, { 'if-match': current.etag! }),
    ).toMatchObject({ status: 200, body: { version: 2 } });

    const stale = await define('gd-if-match', { ...gdDesk, name: 'second' }, { 'if-match': current.etag! });
    expect(stale).toMatchObject({ status: 409, body: { status: 409, title: 'Conflict' } });
    expect(stale.type).toContain('application/problem+json');
    expect((await call('GET', '/gd-if-match', { token: agent })).body).toMatchObject({
      name: 'first',
      version: 2,
    });

    expect(await define('gd-never-defined', gdDesk, { 'if-match': '"1"' })).toMatchObject({ status: 409 });
    expect(await streamOf('gd-never-defined')).toEqual([]);
  });

  it.each([
    ['GET', '/no-such-calendar', 404],
    ['GET', '/Not_A_Slug', 400],
  ])('answers %s %s with %i, as problem details', async (method, path, status) => {
    const answer = await call(method, path, { token: agent });
    expect(answer).toMatchObject({ status, body: { status } });
    expect(answer.type).toContain('application/problem+json');
  });

  it('refuses a caller who is not an admin (403) and stores nothing', async () => {
    expect(await call('PUT', '/agent-desk', { token: agent, body: gdDesk })).toMatchObject({
      status: 403,
      body: { status: 403 },
    });
    expect(await streamOf('agent-desk')).toEqual([]);
  });

  it.each([
    ['GET', ''],
    ['GET', '/cn-standard'],
    ['PUT', '/cn-standard'],
  ])('refuses %s %s without a token (401)', async (method, path) =>
    expect(await call(method, path, method === 'PUT' ? { body: gdDesk } : {})).toMatchObject({
      status: 401,
      body: { status: 401 },
    }),
  );

  interface Put {
    readonly id: string;
    readonly body: unknown;
    readonly headers?: Record<string, string>;
  }
  const everythingWrong = {
    name: ' ',
    timeZone: 'Asia/Atlantis',
    weeklyHours: { 1: [{ start: '13:30', end: '12:00' }], 8: [{ start: '09:00', end: '17:00' }] },
    holidays: [
      { date: '2026-02-30', name: 'No such day' },
      { date: '2026-10-01', name: 'National Day' },
    ],
    makeUpWorkingDays: [{ date: '2026-10-01' }],
    onCall: {
      appliesTo: ['URGENT'],
      rota: [
        { weekday: 9, start: '22:00', end: '06:00' },
        { start: '10:00', end: '14:00' },
      ],
    },
  };

  it.each<[string, Put, string[]]>([
    [
      'a definition wrong in every part',
      { id: 'bad-desk', body: everythingWrong },
      [
        'name',
        'timeZone',
        'weeklyHours.1.0.end',
        'weeklyHours.8',
        'holidays.0.date',
        'makeUpWorkingDays.0.date',
        'onCall.rota.0.weekday',
        'onCall.rota.0.end',
        'onCall.rota.1',
      ],
    ],
    ['an empty body', { id: 'bad-desk', body: {} }, ['name', 'timeZone', 'weeklyHours']],
    [
      'an unknown field and an id in the body',
      { id: 'bad-desk', body: { ...gdDesk, id: 'bad-desk', colour: 'red' } },
      ['id', 'colour'],
    ],
    [
      'hours that are not a list of intervals',
      { id: 'bad-desk', body: { ...gdDesk, weeklyHours: { 1: '09:00-17:00' } } },
      ['weeklyHours.1'],
    ],
    [
      'an on-call rota for a priority intake does not know',
      { id: 'bad-desk', body: { ...gdDesk, onCall: { appliesTo: ['urgent'], rota: 'around-the-clock' } } },
      ['onCall.appliesTo.0'],
    ],
    ['a path id that is not a slug', { id: 'Bad_Desk', body: gdDesk }, ['id']],
    [
      'an If-Match that is no version ETag',
      { id: 'bad-desk', body: gdDesk, headers: { 'if-match': 'W/"abc"' } },
      ['If-Match'],
    ],
  ])('answers 400 to %s, naming each field, and stores nothing', async (_, { id, body, headers }, fields) => {
    const answer = await define(id, body, headers);
    expect(answer).toMatchObject({ status: 400, body: { status: 400, title: 'The request is invalid' } });
    expect(fieldsOf(answer)).toEqual(fields);
    expect(await streamOf(id)).toEqual([]);
  });

  it('binds CALENDAR_LOOKUP to the calendars as last defined, refusing an unknown one by naming calendarId', async () => {
    const lookup = intake.nest.get<CalendarLookup>(CALENDAR_LOOKUP);
    await expect(lookup.require('gd-desk')).resolves.toEqual({
      id: 'gd-desk',
      ...gdDesk,
      name: 'Guangdong desk (2026)',
      holidays: [],
    });
    const refusal = await lookup.require('no-such-calendar').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ValidationFailed);
    expect((refusal as ValidationFailed).errors).toEqual([
      { field: 'calendarId', message: 'unknown calendar "no-such-calendar"' },
    ]);
  });

  it('records only events valid against their published JSON Schemas', async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    const schemas = join(__dirname, '..', '..', '..', '..', 'libs', 'contracts', 'schemas', 'intake');
    // The version intake publishes now (v2 added holiday rules and announcedThrough).
    const versionOf = (type: string): number => intakeContract.language.current[type]?.version ?? 0;
    for (const type of CALENDAR_EVENT_TYPES)
      ajv.addSchema(JSON.parse(await readFile(join(schemas, `${type}.v${versionOf(type)}.schema.json`), 'utf8')));
    const events = await intake.store.readAll({ after: 0n, maxCount: 10_000 });
    const calendarEvents = events.filter((event) =>
      (CALENDAR_EVENT_TYPES as readonly string[]).includes(event.type),
    );
    expect(new Set(calendarEvents.map((event) => event.type))).toEqual(new Set(CALENDAR_EVENT_TYPES));
    for (const event of calendarEvents) {
      const valid = ajv.validate(`urn:collab:schema:intake:${event.type}:v${versionOf(event.type)}`, event.data);
      expect({ event: event.type, data: event.data, errors: valid ? null : ajv.errors }).toMatchObject({
        errors: null,
      });
    }
  });

  it('seeds the defaults once: a restart defines nothing again and keeps an admin’s revision of a default', async () => {
    const always = defaultCalendar('24x7');
    await define('24x7', { ...always, id: undefined, name: 'Always open (self-service)' });
    await intake.restart();
    expect(await streamOf('cn-standard')).toEqual(['CalendarDefined']);
    expect(await streamOf('24x7')).toEqual(['CalendarDefined', 'CalendarRevised']);
    expect((await call('GET', '/24x7', { token: agent })).body).toMatchObject({
      name: 'Always open (self-service)',
      version: 2,
    });
  });
});
