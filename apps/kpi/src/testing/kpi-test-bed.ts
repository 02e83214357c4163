import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CollabEvent } from '@collab/contracts';
import { rowsOf } from '@collab/following';
import { BUILT_IN_KPIS, type Granularity } from '@collab/kpi-domain';
import { batchTransactionOn, type EventConsumerPort } from '@collab/messaging';
import { loadDatabaseSettings, migrateSchema, openDatabase, type Database } from '@collab/service-kit';
import { freshDatabase } from '@collab/testing';
import { KpiCatalogue } from '../computation/kpi-catalogue';
import { KpiFolding } from '../computation/kpi-folding';
import type { KpiSource } from '../facts/fed-readers';
import { KpiFactsConsumer } from '../facts/kpi-facts.consumer';
import { KPI_MIGRATIONS } from '../migrations/kpi.migrations';
import { KpiValues } from '../values/kpi-values';
import { parseScope } from '../values/kpi-scope';
import type { KpiSeries } from '../kpi.answers';

/** The engines the fold's specs run on: the embedded default, and PostgreSQL as the distributed mode runs it. */
export const KPI_ENGINES = ['PGlite', 'PostgreSQL'] as const;
export type KpiEngine = (typeof KPI_ENGINES)[number];

export interface FeedOptions {
  /** Events per shared transaction; each event in its own when absent. */
  readonly batch?: number;
}

const NO_TRANSPORT: EventConsumerPort = { consume: () => Promise.reject(new Error('the test bed feeds events itself')) };
const quiet = { warn: () => undefined };
/** The test bed folds only; alerts are checked in the service (see the alerts e2e spec). */
const NO_ALERTS = { soon: (): void => undefined };
const sourceOf = (event: CollabEvent): KpiSource => event.source.slice('/collab/'.length) as KpiSource;

/**
 * The KPI computation alone on an embedded database: the built-in library defined, published
 * events fed to the consumer exactly as the transport hands them over (through the inbox, the
 * typed readers and the fold), values read through the same query the API answers with.
 */
export class KpiTestBed {
  readonly catalogue = new KpiCatalogue();
  readonly folding = new KpiFolding(this.catalogue);
  readonly consumer: KpiFactsConsumer;
  readonly values: KpiValues;

  private constructor(
    readonly database: Database,
    private readonly dataDir: string,
    private readonly dropDatabase: () => Promise<void> = () => Promise.resolve(),
  ) {
    this.consumer = new KpiFactsConsumer(NO_TRANSPORT, database, this.folding, NO_ALERTS);
    this.values = new KpiValues(database, this.catalogue);
  }

  /**
   * On embedded PGlite in a temporary directory, or on the PostgreSQL database `databaseUrl` names
   * (a benchmark's own, empty database: its `kpi` schema is created there).
   */
  static async open(
    { databaseUrl, queryTimeoutMs, dropDatabase }: { readonly databaseUrl?: string; readonly queryTimeoutMs?: number; readonly dropDatabase?: () => Promise<void> } = {},
  ): Promise<KpiTestBed> {
    const dataDir = await mkdtemp(join(tmpdir(), 'collab-kpi-'));
    const settings = loadDatabaseSettings({
      DATA_DIR: dataDir,
      ...(databaseUrl === undefined ? {} : { DATABASE_URL: databaseUrl }),
      ...(queryTimeoutMs === undefined ? {} : { DATABASE_QUERY_TIMEOUT_MS: String(queryTimeoutMs) }),
    });
    const database = await openDatabase(settings, quiet);
    await migrateSchema(database, 'kpi', KPI_MIGRATIONS);
    for (const { kpiId, specification } of BUILT_IN_KPIS)
      await database.pool.query(`insert into kpi.definition (kpi_id, version, specification, built_in, defined_at) values ($1, 1, $2, true, '2026-11-01T00:00:00Z')`, [kpiId, JSON.stringify(specification)]);
    return new KpiTestBed(database, dataDir, dropDatabase);
  }

  /** On `engine`: PGlite in a temporary directory, or a fresh PostgreSQL database of its own, dropped on close. */
  static async on(engine: KpiEngine): Promise<KpiTestBed> {
    if (engine === 'PGlite') return KpiTestBed.open();
    const database = await freshDatabase('kpi_spec');
    return KpiTestBed.open({ databaseUrl: database.url, dropDatabase: () => database.drop() });
  }

  /** Forgets everything folded (the definitions stay): the next run starts on an empty fold without opening a database again. */
  async reset(): Promise<void> {
    await this.database.pool.query(
      `truncate kpi.fact, kpi.fact_customer, kpi.case_context, kpi.case_holding, kpi.queue_unit, kpi.unit, kpi.task_target, kpi.duration_end, kpi.observation, kpi.alert_watch, kpi.processed_events`,
    );
  }

  /**
   * Grows the journal to `copies` times what was fed, without folding: every copy repeats the fed
   * cases under new ids (case, task, event ids and customer keys suffixed `#k`), with their context, after the originals in journal order. For a benchmark of the backfill at a scale live
   * folding would take hours to reach; the copies' observations are what a backfill then makes.
   */
  async replicateJournal(copies: number): Promise<void> {
    const pool = this.database.pool;
    await pool.query('create table kpi.fed_fact as select * from kpi.fact');
    await pool.query('create table kpi.fed_customer as select * from kpi.fact_customer');
    try {
      for (let copy = 1; copy < copies; copy += 1) {
        const k = `#${copy}`;
        await pool.query(
          `insert into kpi.fact (event_id, kind, at, case_id, task_id, dims, attrs)
           select event_id || $1, kind, at, case_id || $1, task_id || $1, dims, attrs from kpi.fed_fact order by seq`,
          [k],
        );
        // Each copy's customers are its own: a self-service answer is followed up by its own copy's case only.
        await pool.query(`insert into kpi.fact_customer (event_id, customer_key) select event_id || $1, customer_key || $1 from kpi.fed_customer`, [k]);
      }
      const suffixes = `(select '#' || k as k from generate_series(1, ${copies - 1}) k) s`;
      await pool.query(`insert into kpi.case_context (case_id, dims, contacts, reopens, tasks) select c.case_id || s.k, c.dims, c.contacts, c.reopens, c.tasks from kpi.case_context c, ${suffixes} where c.case_id not like '%#%'`);
      await pool.query(`insert into kpi.case_holding (case_id, from_at, event_id, queue_id, unit_id) select h.case_id || s.k, h.from_at, h.event_id || s.k, h.queue_id, h.unit_id from kpi.case_holding h, ${suffixes} where h.case_id not like '%#%'`);
      await pool.query(`insert into kpi.task_target (task_id, case_id, target_kind, target_id) select t.task_id || s.k, t.case_id || s.k, t.target_kind, t.target_id from kpi.task_target t, ${suffixes} where t.task_id not like '%#%'`);
      await pool.query('analyze');
    } finally {
      await pool.query('drop table if exists kpi.fed_fact, kpi.fed_customer');
    }
  }

  async close(): Promise<void> {
    await this.database.close();
    await rm(this.dataDir, { recursive: true, force: true });
    await this.dropDatabase();
  }

  /** A second replica of the consumer on the same database: its own catalogue and fold, as another process would have. */
  replica(): { feed(events: readonly CollabEvent[], options?: FeedOptions): Promise<void> } {
    const consumer = new KpiFactsConsumer(NO_TRANSPORT, this.database, new KpiFolding(new KpiCatalogue()), NO_ALERTS);
    return { feed: (events, options) => this.feedTo(consumer, events, options) };
  }

  /**
   * Hands the events to the consumer one by one, each in its own transaction (as Kafka does), or with
   * `batch` in batches of that many sharing one transaction (as the embedded log does).
   */
  feed(events: readonly CollabEvent[], options: FeedOptions = {}): Promise<void> {
    return this.feedTo(this.consumer, events, options);
  }

  private async feedTo(consumer: KpiFactsConsumer, events: readonly CollabEvent[], { batch }: FeedOptions = {}): Promise<void> {
    if (batch === undefined) {
      for (const event of events) await consumer.on(sourceOf(event), event);
      return;
    }
    const together = batchTransactionOn(this.database.pool);
    for (let start = 0; start < events.length; start += batch)
      await together(async () => {
        for (const event of events.slice(start, start + batch)) await consumer.on(sourceOf(event), event);
      });
  }

  series(kpiId: string, options: { scope?: string; granularity?: Granularity; from?: string; to?: string; version?: number } = {}): Promise<KpiSeries> {
    return this.values.series({
      kpiId,
      scope: parseScope(options.scope),
      granularity: options.granularity ?? 'month',
      from: options.from ?? '2026-11-01T00:00:00Z',
      to: options.to ?? '2026-12-01T00:00:00Z',
      ...(options.version === undefined ? {} : { version: options.version }),
    });
  }

  /** The month's single value of a KPI in a scope. */
  async value(kpiId: string, scope?: string): Promise<number | null> {
    return (await this.series(kpiId, scope === undefined ? {} : { scope })).values[0]?.value ?? null;
  }

  /** Every observation, in a stable order: what two runs must agree on row for row. */
  async observations(): Promise<unknown[]> {
    return rowsOf(
      await this.database.pool.query(`select kpi_id, version, source_key, part, case_id, task_id, at, dims, value from kpi.observation order by kpi_id, version, source_key, part`),
    );
  }
}
