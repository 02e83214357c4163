import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, MovableClock } from '@collab/testing';
import answers from './fixtures/data-folder-e900be2.answers.json';
import { EmbeddedPlatform, type Caller } from './embedded-platform';

/**
 * A data folder written by the platform at e900be2 — before versioned migrations, before the
 * follower runtime's leases, before the case view kept legs and chain — opened by today's code.
 * fixtures/data-folder-e900be2.answers.json holds what that release answered for its cases; the
 * upgraded platform must answer the same (an open leg's minutes go on counting, so they only grow).
 */
const FIXTURE = join(__dirname, 'fixtures', 'data-folder-e900be2.tar.xz');
const supervisor: Caller = { sub: 'front-line-supervisor', audience: 'INTERNAL', roles: ['supervisor'], unit: 'front-line' };
type Answer = Record<string, unknown> & { legs?: Record<string, unknown>[] | undefined };

/** Without the field added since e900be2: whether the promise fell within the announced holidays (null for theirs). */
const withoutCoverage = (acknowledgement: unknown): unknown => {
  if (acknowledgement === null || typeof acknowledgement !== 'object') return acknowledgement;
  const { coverage: _coverage, ...rest } = acknowledgement as Record<string, unknown>;
  return rest;
};

/** What a release may answer differently: when it was asked, the minutes an open leg has run since, and fields added since. */
const comparable = (answer: Answer): Answer => ({
  ...answer,
  asOf: undefined,
  acknowledgement: withoutCoverage(answer['acknowledgement']),
  legs: answer.legs?.map((leg) => (leg['to'] === null ? { ...leg, heldMinutes: undefined } : leg)),
});

type Link = Record<string, unknown> & { children: Link[]; to: { kind: string; id: string } };
const everyLink = (links: readonly Link[]): Link[] => links.flatMap((link) => [link, ...everyLink(link.children)]);
/**
 * A link of that release's chain in today's words: OPEN until the case recorded the end, now the
 * task's own status (the fixture's task was never accepted); `fromUnit`, now `from` with its kind
 * (the case's queue, or in a chain the parent task's target).
 */
const linkInTodaysWords =
  (parentOf: (taskId: unknown) => Link | undefined) =>
  ({ fromUnit, ...link }: Link): Link => ({
    ...link,
    from: { kind: link['parentTaskId'] === null ? 'QUEUE' : parentOf(link['parentTaskId'])?.to.kind, id: fromUnit },
    status: link['status'] === 'OPEN' ? 'REQUESTED' : link['status'],
    children: link.children.map(linkInTodaysWords(parentOf)),
  });
/**
 * A leg in today's words: `unit`, now `holder` with its kind (the case's queue, or the task's target);
 * `holdingUnit`, now `clockHolder` with its kind (the unit owning the queue, or the task's target).
 */
const legInTodaysWords =
  (taskOf: (taskId: unknown) => Link | undefined) =>
  ({ unit, holdingUnit, ...leg }: Record<string, unknown>): Record<string, unknown> => {
    const targetKind = leg['kind'] === 'CASE' ? undefined : taskOf(leg['taskId'])?.to.kind;
    return {
      ...leg,
      holder: { kind: targetKind ?? 'QUEUE', id: unit },
      clockHolder: holdingUnit === null ? null : { kind: targetKind ?? 'UNIT', id: holdingUnit },
    };
  };
const anyOpen = (links: readonly Link[]): boolean => links.some((link) => link['closedAt'] === null || anyOpen(link.children));

/**
 * That release's answer in today's words: it said ASSIGNED for a case in a queue that nobody held,
 * now QUEUED; IN_PROGRESS for a case with a task open, now COLLABORATING; OPEN for a task in the
 * chain; and it named parties by id alone (`unit`, `fromUnit`, `holdingUnit`), now with their kinds.
 */
const inTodaysWords = (answer: Answer): Answer => {
  const chain = (answer['chain'] ?? []) as Link[];
  const taskOf = (taskId: unknown) => everyLink(chain).find((link) => link['taskId'] === taskId);
  const status = answer['status'] === 'ASSIGNED' && answer['assignee'] === null ? 'QUEUED' : answer['status'] === 'IN_PROGRESS' && anyOpen(chain) ? 'COLLABORATING' : answer['status'];
  return {
    ...answer,
    status,
    ...(answer['chain'] === undefined ? {} : { chain: chain.map(linkInTodaysWords(taskOf)) }),
    ...(answer.legs === undefined ? {} : { legs: answer.legs.map(legInTodaysWords(taskOf)) }),
  };
};

describe('a data folder written by main at e900be2', () => {
  let platform: EmbeddedPlatform;

  beforeAll(async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'collab-upgrade-'));
    execFileSync('tar', ['xJf', FIXTURE, '-C', dataDir]);
    platform = await EmbeddedPlatform.startOn(dataDir, {}, new MovableClock(answers.clock));
  });
  afterAll(() => platform?.stop());

  it.each(['queued', 'collaborating', 'closed'] as const)('opens, upgrades, and answers the %s case as that release did', async (name) => {
    const before = answers[name] as Answer;
    // The case view fills its new course tables by following the log again from the start.
    await eventually(async () => {
      const now = await platform.call('GET', `/api/v1/cases/${String(before['id'])}`, { caller: supervisor });
      expect(now.status).toBe(200);
      expect(comparable(now.body)).toEqual(comparable(inTodaysWords(before)));
      // Acknowledged before the coverage was recorded: not claimed either way.
      expect((now.body['acknowledgement'] as Record<string, unknown>)['coverage']).toBeNull();
      for (const [index, leg] of (before.legs ?? []).entries())
        if (leg['to'] === null) expect((now.body as Answer).legs?.[index]?.['heldMinutes']).toBeGreaterThanOrEqual(leg['heldMinutes'] as number);
    });
  });

  it('takes new contacts on the upgraded folder: a customer of that release joins their open case, a new one is routed', async () => {
    const contact = { channel: 'web', audience: 'EXTERNAL', requestType: 'COMPLAINT', category: 'billing/wrong-charge', subject: '还是不对', description: 'Laskussani on yhä virhe', region: 'GD-SZ' };
    const again = await platform.call('POST', '/api/v1/contacts', { caller: { sub: 'cust-fx-1', audience: 'EXTERNAL' }, body: { ...contact, requester: { id: 'cust-fx-1' } } });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ caseId: answers.queued.id, joinedExistingCase: true });
    const fresh = await platform.call('POST', '/api/v1/contacts', { caller: { sub: 'cust-fx-9', audience: 'EXTERNAL' }, body: { ...contact, requester: { id: 'cust-fx-9' } } });
    expect(fresh.status).toBe(201);
    // Numbers come in blocks reserved per process: a restarted process starts a new block, never reuses one.
    expect(String(fresh.body['caseNumber'])).toMatch(/^GD-SZ-20261130-\d{6}$/);
    expect(Number(String(fresh.body['caseNumber']).slice(-6))).toBeGreaterThan(3);
    await eventually(async () =>
      expect((await platform.call('GET', `/api/v1/cases/${String(fresh.body['caseId'])}`, { caller: supervisor })).body).toMatchObject({ status: 'QUEUED', queue: 'complaints' }),
    );
  });

  it('brings the default calendars that release seeded (2026 only, no rules) up to this release, and warns that 2026 ends', async () => {
    const cn = await platform.call('GET', '/api/v1/calendars/cn-standard', { caller: supervisor });
    expect(cn.body).toMatchObject({
      version: 2,
      announcedThrough: '2026-12-31',
      holidayRules: expect.arrayContaining([{ rule: 'fixed', date: '01-01', name: 'New Year’s Day 元旦' }]),
    });
    const fi = await platform.call('GET', '/api/v1/calendars/fi-standard', { caller: supervisor });
    expect(fi.body).toMatchObject({ version: 2, holidays: [], holidayRules: expect.arrayContaining([{ rule: 'easter', offsetDays: -2, name: 'Pitkäperjantai' }]) });
    // The platform starts on 30 November 2026, within 60 days of the end of cn-standard's announced holidays.
    const coverage = await platform.call('GET', '/api/v1/calendars/cn-standard/coverage', { caller: supervisor });
    expect(coverage.body).toMatchObject({ announcedThrough: '2026-12-31', ending: { raisedAt: expect.any(String) } });
  });
});
