import { Inject, Injectable } from '@nestjs/common';
import type { DecisionContext } from '@collab/domain-kernel';
import type { EventStore, RecordedEvent } from '@collab/event-store';
import { rowsOf } from '@collab/following';
import {
  decideKpiAlert,
  evolveKpiAlert,
  kpiAlertDecider,
  kpiAlertStreamId,
  kindsRead,
  type AlertSubject,
  type KpiAlertEvent,
  type KpiAlertState,
  type KpiDefinitionVersion,
  type ObserveKpiValue,
} from '@collab/kpi-domain';
import { CommandHandler, DATABASE, EVENT_STORE, type Database } from '@collab/service-kit';
import { bucketHistories, type BucketHistory, type HistoryRow } from './alert-history';

const ALERTS_ACTOR = { id: 'kpi.alerts', kind: 'system' } as const;

/** Streams read per round trip. */
const STREAMS_PER_READ = 200;

interface Decided {
  readonly command: ObserveKpiValue;
  readonly at: string;
  /** Events recorded before this step's. */
  readonly after: number;
  readonly events: readonly KpiAlertEvent[];
}

/** What the decider says over a bucket's history from its first standing (MET): each step that decided something, in order. */
const decidedOver = (definition: KpiDefinitionVersion, subject: AlertSubject, history: BucketHistory): Decided[] => {
  const thresholds = { target: definition.target, warning: definition.warning, direction: definition.direction };
  let state: KpiAlertState = kpiAlertDecider.initialState();
  let recorded = 0;
  const decided: Decided[] = [];
  for (const { value, at } of history.steps) {
    const command: ObserveKpiValue = { type: 'ObserveKpiValue', subject, value, thresholds };
    const events = decideKpiAlert(command, state, { now: new Date(at) });
    if (events.length === 0) continue;
    decided.push({ command, at, after: recorded, events });
    state = events.reduce(evolveKpiAlert, state);
    recorded += events.length;
  }
  return decided;
};

const sameAlert = (recorded: RecordedEvent, event: KpiAlertEvent): boolean => {
  const data = recorded.data as unknown as KpiAlertEvent['data'];
  return recorded.type === event.type && data.threshold === event.data.threshold && data.standing === event.data.standing;
};

/**
 * The alerts of a backfilled KPI version's history (kpi-alerts.ts runs it once the backfill is
 * done): each watched bucket's figure replayed in journal order (alert-history.ts) through the alert
 * decider, as live checking would have decided it, each decision at the instant of the fact that
 * moved the figure. What the bucket's stream already holds is not decided again: when the stream
 * holds a beginning of those decisions (an earlier backfill, or live checking that saw the same
 * figures), only the rest is appended; when it went another way, the bucket is observed once more at
 * its final figure, so it ends where the history ends without undoing what was published. So a
 * backfill run twice, or overlapping live checks, records every crossing and recovery once.
 */
@Injectable()
export class KpiAlertReplay {
  private readonly streams: CommandHandler<ObserveKpiValue, KpiAlertEvent, KpiAlertState, DecisionContext>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATABASE) private readonly database: Database,
  ) {
    this.streams = new CommandHandler(store, kpiAlertDecider, { streamOf: (command: ObserveKpiValue) => kpiAlertStreamId(command.subject), retriesOnConflict: 3 });
  }

  async replay(definition: KpiDefinitionVersion): Promise<void> {
    if (definition.target === null && definition.warning === null) return;
    const below = await this.unitTree();
    const histories = bucketHistories(definition, await this.history(definition), below);
    for (let first = 0; first < histories.length; first += STREAMS_PER_READ) {
      const chunk = histories.slice(first, first + STREAMS_PER_READ).map((history) => {
        const subject: AlertSubject = { kpiId: definition.kpiId, version: definition.version, scope: history.scope, granularity: history.granularity, bucket: history.bucket };
        return { subject, decided: decidedOver(definition, subject, history), last: history.steps.at(-1) };
      });
      const recorded = await this.store.readStreams(chunk.map((entry) => kpiAlertStreamId(entry.subject)));
      for (const { subject, decided, last } of chunk) {
        const stream = recorded.get(kpiAlertStreamId(subject)) ?? [];
        if (decided.length === 0 && stream.length === 0) continue;
        await this.catchUp(subject, decided, stream, last === undefined ? undefined : { ...last, definition });
      }
    }
  }

  private async catchUp(subject: AlertSubject, decided: readonly Decided[], stream: readonly RecordedEvent[], last: { value: number | null; at: string; definition: KpiDefinitionVersion } | undefined): Promise<void> {
    const expected = decided.flatMap((step) => step.events);
    const begins = stream.length <= expected.length && stream.every((recorded, index) => sameAlert(recorded, expected[index]!));
    const rest = decided.filter((step) => step.after >= stream.length);
    if (begins && (rest[0]?.after ?? expected.length) === stream.length) {
      for (const step of rest) await this.observe(step.command, new Date(step.at));
      return;
    }
    if (last === undefined) return;
    const { definition } = last;
    await this.observe({ type: 'ObserveKpiValue', subject, value: last.value, thresholds: { target: definition.target, warning: definition.warning, direction: definition.direction } }, new Date(last.at));
  }

  /** One watched bucket's figure observed (live checking, or a replayed step at its fact's instant); each bucket's stream is appended with its expected version. */
  async observe(command: ObserveKpiValue, now: Date): Promise<void> {
    await this.streams.handle(command, { now }, { metadata: { correlationId: kpiAlertStreamId(command.subject), actor: ALERTS_ACTOR } });
  }

  /**
   * The version's observations in the order their facts were journalled: a fact's own by its event,
   * a duration's by the later of its case's facts of the kinds it reads.
   */
  private async history(definition: KpiDefinitionVersion): Promise<HistoryRow[]> {
    const rows = rowsOf<{ seq: string; at: Date; dims: HistoryRow['dims']; part: string; value: number }>(
      await this.database.pool.query(
        `select coalesce(f.seq, (select max(g.seq) from kpi.fact g where g.case_id = o.case_id and g.kind = any($3::text[]))) as seq, o.at, o.dims, o.part, o.value
           from kpi.observation o left join kpi.fact f on f.event_id = o.source_key
          where o.kpi_id = $1 and o.version = $2
          order by 1, o.source_key, o.part`,
        [definition.kpiId, definition.version, kindsRead(definition)],
      ),
    );
    return rows.map((row) => ({ seq: Number(row.seq), at: row.at, dims: row.dims, part: row.part, value: Number(row.value) }));
  }

  /** Each unit and the units below it, by today's tree (as the values API reads a unit's figures). */
  private async unitTree(): Promise<(unitId: string) => readonly string[]> {
    const units = rowsOf<{ unit_id: string; parent_id: string | null }>(await this.database.pool.query(`select unit_id, parent_id from kpi.unit`));
    const children = new Map<string, string[]>();
    for (const { unit_id, parent_id } of units) if (parent_id !== null) children.set(parent_id, [...(children.get(parent_id) ?? []), unit_id]);
    return (unitId) => {
      const below = new Set([unitId]);
      for (const unit of below) for (const child of children.get(unit) ?? []) below.add(child);
      return [...below];
    };
  }
}
