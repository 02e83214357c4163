import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { findReadModel, loadDatabaseSettings, openDatabase, rebuildReadModel, type Database } from '@collab/service-kit';
import { eventually, MovableClock } from '@collab/testing';
import { AGENT, DataApp, type Caller } from '../data.e2e-app';
import { dataReadModels } from '../data.read-models';
import { aCase, caseOpened, caseRegistered, feedbackRecorded } from '../testing/service-events.fixtures';

const ANALYST: Caller = { sub: 'analyst-7', roles: ['analyst'], audience: 'INTERNAL' };
const AT_RISK = { description: 'Three complaints in 30 days', conditions: [{ type: 'COUNT', kind: 'CASE_OPENED', requestType: 'COMPLAINT', atLeast: 3, withinDays: 30 }] };
const UNHAPPY = { description: 'Last CSAT at most 2', conditions: [{ type: 'CSAT', measure: 'LAST', atMost: 2 }] };
const [complainer, unhappy] = [randomUUID(), randomUUID()];
const complaint = (at: string) => aCase({ customerId: complainer, requesterId: 'cust-complainer', requestType: 'COMPLAINT', at });
const consult = aCase({ customerId: unhappy, requesterId: 'cust-unhappy', requestType: 'CONSULT', at: '2026-11-30T01:00:00.000Z' });
const quiet = { phase: () => undefined, advanced: () => undefined };

/** Every row of each table as canonical JSON text, sorted: an order-independent picture. */
const rowsOf = async (database: Database, tables: readonly string[]): Promise<Record<string, string[]>> => {
  const picture: Record<string, string[]> = {};
  for (const table of tables) picture[table] = (await database.pool.query<{ row: string }>(`select to_jsonb(t)::text as row from ${table} t`)).rows.map((row) => row.row).sort();
  return picture;
};

/*
 * The tag rules and the customer tags, built live by the data service (rules defined, redefined,
 * retired and defined again through REST; tags given and taken by the review timers), then rebuilt
 * from data's own log with the platform stopped, as `npm run rebuild -- data <read-model>` does:
 * the rebuilt tables equal the live ones, and no review is asked again.
 */
describe('rebuilding the tag rules and customer tags from data’s own log (embedded)', () => {
  const clock = new MovableClock('2026-12-01T04:00:00.000Z');
  let data: DataApp;
  let dataDir: string;
  let operator: Database | undefined;

  const tagsOf = async (customerId: string) =>
    (await data.call<{ items: { tag: string; ruleVersion: number }[] }>(AGENT, `/api/v1/customers/${customerId}/tags`)).body.items.map((tag) => `${tag.tag}@${tag.ruleVersion}`);
  const define = async (tag: string, rule: object) => expect((await data.send(ANALYST, 'PUT', `/api/v1/data/tag-rules/${tag}`, rule)).status).toBe(200);

  beforeAll(async () => {
    data = await DataApp.start(clock);
  }, 60_000);

  afterAll(async () => {
    await operator?.close();
    if (data) await data.stop();
    else if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('builds the tables live: tags given, taken away by a retirement, given again by a later version', async () => {
    await define('at-risk', AT_RISK);
    await define('unhappy', UNHAPPY);
    await data.feed(caseOpened(complaint('2026-11-20T00:00:00.000Z')), caseOpened(complaint('2026-11-25T00:00:00.000Z')), caseOpened(complaint('2026-11-30T02:00:00.000Z')));
    await data.feed(caseOpened(consult), ...caseRegistered(consult, 'front-line'), feedbackRecorded(consult, 1, '2026-11-30T03:00:00.000Z'));
    await eventually(async () => expect([await tagsOf(complainer), await tagsOf(unhappy)]).toEqual([['at-risk@1'], ['unhappy@1']]));

    expect((await data.send(ANALYST, 'POST', '/api/v1/data/tag-rules/unhappy/retire')).status).toBe(200);
    await eventually(async () => expect(await tagsOf(unhappy)).toEqual([]));
    await define('at-risk', { ...AT_RISK, description: 'Three complaints within 30 days' });
    await define('unhappy', { ...UNHAPPY, description: 'Unhappy again' });
    await eventually(async () => expect([await tagsOf(complainer), await tagsOf(unhappy)]).toEqual([['at-risk@1'], ['unhappy@2']]));
  }, 60_000);

  it('rebuilds each read model into exactly the rows the live projection had built, asking no review again', async () => {
    const tables = ['data.tag_rule', 'data.customer_tag', 'data.tag_review'];
    // The live projections have applied the whole log before the service stops.
    await eventually(async () => {
      const { rows } = await data.query<{ head: string; behind: number }>(
        `select (select max(position) from data.events)::text as head,
                (select count(*)::int from data.checkpoints where name in ('data.tag-rules', 'data.customer-tags') and position = (select max(position) from data.events)) as behind`,
      );
      expect(rows[0]!.behind).toBe(2);
    }, { timeoutMs: 15_000 });
    dataDir = await data.stop(true);
    data = undefined as unknown as DataApp;
    operator = await openDatabase(loadDatabaseSettings({ DATA_DIR: dataDir }), { warn: () => undefined });
    const live = await rowsOf(operator, tables);
    expect(live['data.tag_rule']).toHaveLength(2);
    expect(live['data.customer_tag']).toHaveLength(2);

    for (const readModel of ['tag-rules', 'customer-tags']) {
      const projection = findReadModel(dataReadModels, readModel);
      const report = await rebuildReadModel({ database: operator, service: dataReadModels, readModel, progress: quiet, signal: new AbortController().signal, batchSize: 2 });
      expect(report.applied).toBeGreaterThan(0);
      expect(Object.fromEntries([...report.rows])).toEqual(Object.fromEntries(projection.tables.map((table) => [table, live[table]!.length])));
    }
    expect(await rowsOf(operator, tables)).toEqual(live);
  }, 60_000);
});
