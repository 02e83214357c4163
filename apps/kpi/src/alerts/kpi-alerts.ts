import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { DecisionContext } from '@collab/domain-kernel';
import type { EventStore } from '@collab/event-store';
import { rowsOf } from '@collab/following';
import {
  WATCHED_GRANULARITIES,
  kpiAlertDecider,
  kpiAlertStreamId,
  type KpiAlertEvent,
  type KpiAlertState,
  type KpiDefinitionVersion,
  type ObserveKpiValue,
  type WatchedGranularity,
} from '@collab/kpi-domain';
import { CLOCK, CommandHandler, DATABASE, EVENT_STORE, type Clock, type Database } from '@collab/service-kit';
import { KpiValues } from '../values/kpi-values';
import { WHOLE, scopeText, type Scope } from '../values/kpi-scope';

interface Mark {
  readonly kpi_id: string;
  readonly version: number;
  readonly hour: Date;
  readonly marks: number;
}

/** The alert check's bounds per call: a backlog of marks is worked off over several calls, never in one unbounded loop. */
const MARKS_PER_ROUND = 50;
const ROUNDS = 20;

/**
 * How long a request for a check waits for others to join it. Marks are durable (written in the
 * fold's transaction), so gathering loses nothing: a burst of facts costs one check, not one per
 * fact (a check reads every watched bucket's figure and alert stream), and an alert follows its
 * fact within about this much.
 */
const GATHER_MS = 500;

const ALERTS_ACTOR = { id: 'kpi.alerts', kind: 'system' } as const;

const bucketOf = (hour: Date, granularity: WatchedGranularity): { from: Date; to: Date } => {
  if (granularity === 'hour') return { from: hour, to: new Date(hour.getTime() + 3_600_000) };
  const from = new Date(Date.UTC(hour.getUTCFullYear(), hour.getUTCMonth(), hour.getUTCDate()));
  return { from, to: new Date(from.getTime() + 86_400_000) };
};

/** `2026-11-30T00:00:00Z`, as the values API names buckets. */
const bucketText = (at: Date): string => at.toISOString().replace('.000Z', 'Z');

/**
 * Watches the figures new facts changed and records threshold crossings and recoveries. Run by the
 * facts consumer after each fold, so on the one replica holding that consumer's lease; each watched
 * bucket is its own stream appended with its expected version, so a second writer (a replica that
 * lost its lease mid-batch) or a redelivered event decides nothing twice.
 * Watched: for each marked hour, its hour and day buckets (of the granularities the KPI keeps), for
 * the whole organisation and for every unit and partner with figures that day — the scopes a
 * department or a partner reads.
 */
@Injectable()
export class KpiAlerts implements OnModuleDestroy {
  private readonly logger = new Logger('KpiAlerts');
  private gathering: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private readonly streams: CommandHandler<ObserveKpiValue, KpiAlertEvent, KpiAlertState, DecisionContext>;
  private running: Promise<void> = Promise.resolve();

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DATABASE) private readonly database: Database,
    private readonly values: KpiValues,
  ) {
    this.streams = new CommandHandler(store, kpiAlertDecider, { streamOf: (command: ObserveKpiValue) => kpiAlertStreamId(command.subject), retriesOnConflict: 3 });
  }

  /**
   * Asks for a check within GATHER_MS; one request covers every fact folded meanwhile. A check that
   * fails (the database away) is asked for again: its marks are still there.
   */
  soon(): void {
    if (this.gathering !== undefined || this.stopped) return;
    this.gathering = setTimeout(() => {
      this.gathering = undefined;
      this.check().catch((error: unknown) => {
        this.logger.warn(`alert check failed, trying again: ${String(error)}`);
        this.soon();
      });
    }, GATHER_MS);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.gathering);
    await this.running;
  }

  /** Checks every marked hour; one check at a time in this process. */
  check(): Promise<void> {
    const run = this.running.then(() => this.checkMarked());
    this.running = run.catch(() => undefined);
    return run;
  }

  private async checkMarked(): Promise<void> {
    const pool = this.database.pool;
    for (let round = 0; round < ROUNDS; round += 1) {
      const marks = rowsOf<Mark>(await pool.query(`select kpi_id, version, hour, marks from kpi.alert_watch order by hour, kpi_id, version limit ${MARKS_PER_ROUND}`));
      if (marks.length === 0) return;
      for (const mark of marks) {
        await this.checkHour(mark);
        await pool.query(`delete from kpi.alert_watch where kpi_id = $1 and version = $2 and hour = $3 and marks = $4`, [mark.kpi_id, mark.version, mark.hour, mark.marks]);
      }
    }
  }

  private async checkHour(mark: Mark): Promise<void> {
    const definition = await this.values.definition(mark.kpi_id, mark.version);
    const granularities = WATCHED_GRANULARITIES.filter((granularity) => definition.granularities.includes(granularity));
    const scopes = [WHOLE, ...(await this.scopesOn(definition, bucketOf(mark.hour, 'day')))];
    for (const granularity of granularities)
      for (const scope of scopes) await this.observe(definition, scope, granularity, bucketOf(mark.hour, granularity));
  }

  private async observe(definition: KpiDefinitionVersion, scope: Scope, granularity: WatchedGranularity, bucket: { from: Date; to: Date }): Promise<void> {
    const { kpiId, version, target, warning, direction } = definition;
    const series = await this.values.series({ kpiId, version, scope, granularity, from: bucket.from.toISOString(), to: bucket.to.toISOString() });
    const subject = { kpiId, version, scope: scopeText(scope), granularity, bucket: bucketText(bucket.from) };
    const command: ObserveKpiValue = { type: 'ObserveKpiValue', subject, value: series.values[0]?.value ?? null, thresholds: { target, warning, direction } };
    await this.streams.handle(command, { now: this.clock.now() }, { metadata: { correlationId: kpiAlertStreamId(subject), actor: ALERTS_ACTOR } });
  }

  /** The units and partners with figures of this KPI version in the bucket. */
  private async scopesOn(definition: KpiDefinitionVersion, bucket: { from: Date; to: Date }): Promise<Scope[]> {
    const rows = rowsOf<{ dimension: 'unit' | 'partner'; id: string }>(
      await this.database.pool.query(
        `select distinct d.dimension, o.dims->>d.dimension as id from kpi.observation o cross join (values ('unit'), ('partner')) as d(dimension)
         where o.kpi_id = $1 and o.version = $2 and o.at >= $3 and o.at < $4 and o.dims ? d.dimension order by 1, 2`,
        [definition.kpiId, definition.version, bucket.from, bucket.to],
      ),
    );
    return rows.map((row) => ({ kind: 'dimension', dimension: row.dimension, id: row.id }));
  }
}
