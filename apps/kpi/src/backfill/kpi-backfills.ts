import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { rowsOf } from '@collab/following';
import type { KpiDefinitionVersion } from '@collab/kpi-domain';
import { DATABASE, pageOf, type Database, type ListPage, type PageRequest } from '@collab/service-kit';
import { KpiAlerts } from '../alerts/kpi-alerts';
import { backfill } from './kpi-backfill';
import type { BackfillProgress } from '../kpi.answers';

interface ProgressRow {
  readonly kpi_id: string;
  readonly version: number;
  readonly total: string;
  readonly done: string;
  readonly status: BackfillProgress['status'];
}

/** Runs backfills in this process, in the background; their progress is read from kpi.backfill by any replica. */
@Injectable()
export class KpiBackfills implements OnModuleDestroy {
  private readonly logger = new Logger('KpiBackfill');
  private readonly stopping = new AbortController();
  private readonly running = new Map<string, Promise<unknown>>();

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly alerts: KpiAlerts,
  ) {}

  /** Starts computing a new version over the whole history (once per version in this process). */
  start(definition: KpiDefinitionVersion): void {
    const key = `${definition.kpiId}@${definition.version}`;
    if (this.running.has(key)) return;
    const run = backfill(this.database.pool, definition, { signal: this.stopping.signal })
      // Done: its history's alerts now, not at the next event folded (the check replays it first).
      .then((progress) => (progress.status === 'DONE' ? this.alerts.check() : undefined))
      .catch(async (error: unknown) => {
        this.logger.error(`backfill of ${key} failed: ${String(error)}`);
        await this.database.pool.query(`update kpi.backfill set status = 'FAILED' where kpi_id = $1 and version = $2`, [definition.kpiId, definition.version]).catch(() => undefined);
      })
      .finally(() => this.running.delete(key));
    this.running.set(key, run);
  }

  /** One page of a KPI's backfills, oldest version first. */
  async progress(kpiId: string, request: PageRequest): Promise<ListPage<BackfillProgress>> {
    const rows = rowsOf<ProgressRow>(await this.database.pool.query(`select kpi_id, version, total, done, status from kpi.backfill where kpi_id = $1 order by version`, [kpiId]));
    const all = rows.map((row): BackfillProgress => ({ kpiId: row.kpi_id, version: row.version, total: Number(row.total), done: Number(row.done), status: row.status }));
    // Zero-padded, so the cursor's text order is the versions' order.
    return pageOf(all, request, (run) => String(run.version).padStart(10, '0'));
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping.abort();
    await Promise.all(this.running.values());
  }
}
