import { randomUUID } from 'node:crypto';
import type { NewEvent, RecordedEvent } from '@collab/event-store';
import { FencedCheckpoints } from '../checkpoints/fenced-checkpoints';
import { ProjectionGroup, type ProjectionSpec, type Transactor } from '../handlers/projection-group';
import { PostgresLeases } from '../leases/postgres-leases';
import { SharedLogReader } from '../reading/shared-log-reader';
import { PROJECTION_FLUSH } from '../runner/follower';
import { FollowerRunner } from '../runner/follower-runner';
import type { SqlExecutor } from '../sql';
import { CuttablePool, followingSchema, type FollowingSchema } from '../testing/following-test-kit';
import { RebuildRun, type RebuildPhase } from './rebuild-run';
import { ShadowNames, UndeclaredWrite } from './shadow-names';
import { ShadowTables, StructureChanged, UnsupportedTable } from './shadow-tables';
import { readStructure } from './table-structure';

const quiet = { warn: () => undefined, error: () => undefined };
const anEvent = (type: string): NewEvent => ({ id: randomUUID(), type, data: { note: '在查' }, metadata: { correlationId: randomUUID(), actor: { id: 'clerk-wu', kind: 'user' } } });

/** Notes per task, idempotent by stream version; the table has a key, a check, a partial unique index and a plain one. */
const notes = (schema: string): ProjectionSpec<SqlExecutor> => ({
  name: 'test.notes',
  handles: ['NoteAdded'],
  apply: async (events: readonly RecordedEvent[], tx: SqlExecutor) => {
    for (const event of events)
      await tx.query(
        `insert into ${schema}.note_view (task, notes, version) values ($1, 1, $2)
         on conflict (task) do update set notes = ${schema}.note_view.notes + 1, version = excluded.version
          where ${schema}.note_view.version < excluded.version`,
        [event.streamId, event.streamVersion],
      );
  },
});
/** Another projection of the same group: its checkpoint is none of the rebuild's business. */
const urges = (schema: string): ProjectionSpec<SqlExecutor> => ({
  name: 'test.urges',
  handles: ['TaskUrged'],
  apply: async (events: readonly RecordedEvent[], tx: SqlExecutor) => {
    for (const event of events)
      await tx.query(`insert into ${schema}.urge_view (id) values ($1) on conflict do nothing`, [event.id]);
  },
});

const tablesDdl = (schema: string): string => `
  create table ${schema}.note_view (task text primary key, notes int not null constraint notes_positive check (notes > 0), version int not null);
  create unique index note_view_busy on ${schema}.note_view (task) where notes > 10;
  create index note_view_by_notes on ${schema}.note_view (notes desc, task);
  create table ${schema}.urge_view (id uuid primary key);`;

describe('a read model rebuilt into shadow tables while its live group follows', () => {
  let db: FollowingSchema;
  let live: { pool: CuttablePool; leases: PostgresLeases; runner: FollowerRunner };
  let rebuilding: { pool: CuttablePool; leases: PostgresLeases };

  const append = async (count: number): Promise<void> => {
    for (let index = 0; index < count; index += 20)
      await Promise.all(Array.from({ length: Math.min(20, count - index) }, (_, k) => db.store.append(`task-${(index + k) % 37}`, [anEvent('NoteAdded'), anEvent('TaskUrged')], 'any')));
  };
  const checkpoint = async (name: string): Promise<bigint> => (await new FencedCheckpoints(db.schema).load(db.admin, [name])).get(name)!;
  const until = async (check: () => Promise<boolean>, ms = 20_000): Promise<void> => {
    for (const deadline = Date.now() + ms; !(await check()); await new Promise((resolve) => setTimeout(resolve, 50)))
      if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
  };
  const caughtUp = () => until(async () => (await checkpoint('test.notes')) === (await db.store.headPosition()) && (await checkpoint('test.urges')) === (await db.store.headPosition()));
  /** The fold of the whole log: notes per task. */
  const folded = async (): Promise<string[]> => {
    const all = await db.store.readAll({ after: 0n, maxCount: 100_000 });
    const counts = new Map<string, { notes: number; version: number }>();
    for (const event of all.filter((candidate) => candidate.type === 'NoteAdded'))
      counts.set(event.streamId, { notes: (counts.get(event.streamId)?.notes ?? 0) + 1, version: event.streamVersion });
    return [...counts].map(([task, { notes: count, version }]) => `${task}:${count}:${version}`).sort();
  };
  const rows = async (): Promise<string[]> =>
    (await db.admin.query(`select task || ':' || notes || ':' || version as row from ${db.schema}.note_view order by 1`)).rows.map((row: { row: string }) => row.row);

  const renaming = (pool: CuttablePool, names: ShadowNames): Transactor<SqlExecutor> => (work) =>
    pool.transaction((tx, sql) => work({ query: (text: string, params?: unknown[]) => tx.query(names.rewrite(text), params) }, sql));

  const rebuild = (spec: ProjectionSpec<SqlExecutor>, tables: readonly string[], observe: (phase: RebuildPhase) => Promise<void> = () => Promise.resolve()) => {
    const names = new ShadowNames(tables);
    return new RebuildRun({
      source: db.store,
      projection: spec,
      group: { home: db.schema, lease: 'projections:test' },
      shadow: new ShadowTables(names),
      db: rebuilding.pool,
      shadowTransaction: renaming(rebuilding.pool, names),
      plainTransaction: (work) => rebuilding.pool.transaction((_tx, sql) => work(sql)),
      leases: rebuilding.leases,
      progress: { phase: observe, advanced: () => undefined },
      batchSize: 100,
      signal: new AbortController().signal,
    }).run();
  };

  beforeEach(async () => {
    db = await followingSchema('rebuild');
    await db.admin.query(tablesDdl(db.schema));
    const pool = new CuttablePool();
    const leases = new PostgresLeases({ pool, ttlMs: 1_500, tickMs: 250 });
    const reader = new SharedLogReader({ readAll: (o) => db.store.readAll(o), headPosition: () => db.store.headPosition() }, { pollMs: 50 });
    const handler = new ProjectionGroup(db.schema, [notes(db.schema), urges(db.schema)], pool.transaction);
    const runner = new FollowerRunner({ name: 'projections:test', home: db.schema, handler, flush: PROJECTION_FLUSH }, { log: 'test', reader, leases, db: pool, logger: quiet });
    runner.start();
    live = { pool, leases, runner };
    const rebuildPool = new CuttablePool();
    rebuilding = { pool: rebuildPool, leases: new PostgresLeases({ pool: rebuildPool, ttlMs: 1_500, tickMs: 250, takeOver: true }) };
  });
  afterEach(async () => {
    await live.runner.stop();
    await live.leases.stop();
    await rebuilding.leases.stop();
    await Promise.all([live.pool.end(), rebuilding.pool.end()]);
    await db.drop();
  });

  it('ends equal to the fold of the whole log, traffic going on throughout, with names, the other checkpoint and live following intact', async () => {
    await append(600);
    await caughtUp();
    // A read model gone wrong: the rebuild is what mends it.
    await db.admin.query(`delete from ${db.schema}.note_view where task in ('task-3', 'task-4')`);
    const structureBefore = await readStructure(db.admin, { schema: db.schema, table: 'note_view' });
    const traffic = append(1_500);
    let urgesAtSwap: bigint | undefined;
    const outcome = await rebuild(notes(db.schema), [`${db.schema}.note_view`], async (phase) => {
      // Events in the windows that matter: while the live group pauses, and between the last read and the swap.
      if (phase === 'final-catch-up' || phase === 'swapping') await append(40);
      if (phase === 'swapping') urgesAtSwap = await checkpoint('test.urges');
      if (phase === 'swapped') expect(await checkpoint('test.urges')).toBe(urgesAtSwap);
    });
    await traffic;
    await caughtUp();
    // The live group let go of its lease for the swap and took it back: two new terms.
    const { rows: [lease] } = await db.admin.query(`select owner, token::int as token from ${db.schema}.leases where name = 'projections:test'`);
    expect(lease).toEqual({ owner: live.leases.owner, token: 3 });
    expect(await rows()).toEqual(await folded());
    expect(outcome.position).toBeGreaterThanOrEqual(outcome.previousCheckpoint);
    expect(await readStructure(db.admin, { schema: db.schema, table: 'note_view' })).toEqual(structureBefore);
    const { rows: left } = await db.admin.query(`select nspname from pg_namespace where nspname = $1`, [`${db.schema}_rebuild`]);
    expect(left).toEqual([]);
    expect(live.runner.status().state).toBe('following');
  });

  it('moves the checkpoint only forward, to where the shadow got, when nothing else is running', async () => {
    await append(200);
    await caughtUp();
    await live.runner.stop();
    const before = await checkpoint('test.notes');
    const outcome = await rebuild(notes(db.schema), [`${db.schema}.note_view`]);
    expect(outcome).toMatchObject({ position: await db.store.headPosition(), previousCheckpoint: before, read: 400, applied: 200 });
    expect(await checkpoint('test.notes')).toBe(outcome.position);
    expect(await rows()).toEqual(await folded());
  });

  it('stops, leaving the live tables and checkpoint as they were, when the projection writes a table it did not declare', async () => {
    await append(100);
    await caughtUp();
    const [before, at] = [await rows(), await checkpoint('test.urges')];
    const both: ProjectionSpec<SqlExecutor> = { ...notes(db.schema), handles: ['NoteAdded', 'TaskUrged'], apply: async (events, tx) => urges(db.schema).apply(events.filter((event) => event.type === 'TaskUrged'), tx) };
    await expect(rebuild(both, [`${db.schema}.note_view`])).rejects.toThrow(UndeclaredWrite);
    expect(await rows()).toEqual(before);
    expect(await checkpoint('test.urges')).toBeGreaterThanOrEqual(at);
    const { rows: left } = await db.admin.query(`select nspname from pg_namespace where nspname = $1`, [`${db.schema}_rebuild`]);
    expect(left).toEqual([]);
  });

  it('refuses to swap when the live table changed while it ran, and to copy a table it cannot reproduce', async () => {
    await append(100);
    await caughtUp();
    const before = await rows();
    const changing = rebuild(notes(db.schema), [`${db.schema}.note_view`], async (phase) => {
      if (phase === 'catching-up') await db.admin.query(`create index note_view_by_version on ${db.schema}.note_view (version)`);
    });
    await expect(changing).rejects.toThrow(StructureChanged);
    await expect(changing).rejects.toThrow('- index CREATE INDEX note_view_by_version');
    expect(await rows()).toEqual(before);
    await db.admin.query(`create table ${db.schema}.urge_note (urge uuid references ${db.schema}.urge_view (id))`);
    await expect(rebuild(urges(db.schema), [`${db.schema}.urge_view`])).rejects.toThrow(UnsupportedTable);
  });
});
