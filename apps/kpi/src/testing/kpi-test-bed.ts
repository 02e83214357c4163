import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CollabEvent } from '@collab/contracts';
import { rowsOf } from '@collab/following';
import { BUILT_IN_KPIS, type Granularity } from '@collab/kpi-domain';
import type { EventConsumerPort } from '@collab/messaging';
import { loadPlatformConfig, migrateSchema, openDatabase, type Database } from '@collab/service-kit';
import { KpiCatalogue } from '../computation/kpi-catalogue';
import { KpiFolding } from '../computation/kpi-folding';
import type { KpiSource } from '../facts/fed-readers';
import { KpiFactsConsumer } from '../facts/kpi-facts.consumer';
import { KPI_MIGRATIONS } from '../migrations/kpi.migrations';
import { KpiValues } from '../values/kpi-values';
import { parseScope } from '../values/kpi-scope';
import type { KpiSeries } from '../kpi.answers';

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
  ) {
    this.consumer = new KpiFactsConsumer(NO_TRANSPORT, database, this.folding, NO_ALERTS);
    this.values = new KpiValues(database, this.catalogue);
  }

  static async open(): Promise<KpiTestBed> {
    const dataDir = await mkdtemp(join(tmpdir(), 'collab-kpi-'));
    const database = await openDatabase(loadPlatformConfig({ DATA_DIR: dataDir }), quiet);
    await migrateSchema(database, 'kpi', KPI_MIGRATIONS);
    for (const { kpiId, specification } of BUILT_IN_KPIS)
      await database.pool.query(`insert into kpi.definition (kpi_id, version, specification, built_in, defined_at) values ($1, 1, $2, true, '2026-11-01T00:00:00Z')`, [kpiId, JSON.stringify(specification)]);
    return new KpiTestBed(database, dataDir);
  }

  /** Forgets everything folded (the definitions stay): the next run starts on an empty fold without opening a database again. */
  async reset(): Promise<void> {
    await this.database.pool.query(
      `truncate kpi.fact, kpi.fact_customer, kpi.case_context, kpi.case_holding, kpi.queue_unit, kpi.unit, kpi.task_target, kpi.duration_end, kpi.observation, kpi.alert_watch, kpi.processed_events`,
    );
  }

  async close(): Promise<void> {
    await this.database.close();
    await rm(this.dataDir, { recursive: true, force: true });
  }

  /** A second replica of the consumer on the same database: its own catalogue and fold, as another process would have. */
  replica(): { feed(events: readonly CollabEvent[]): Promise<void> } {
    const consumer = new KpiFactsConsumer(NO_TRANSPORT, this.database, new KpiFolding(new KpiCatalogue()), NO_ALERTS);
    return { feed: async (events) => { for (const event of events) await consumer.on(sourceOf(event), event); } };
  }

  async feed(events: readonly CollabEvent[]): Promise<void> {
    for (const event of events) await this.consumer.on(sourceOf(event), event);
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
