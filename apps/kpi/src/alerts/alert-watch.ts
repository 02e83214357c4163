import type { SqlExecutor } from '@collab/following';
import type { KpiDefinitionVersion } from '@collab/kpi-domain';

/**
 * The fold marks, in its own transaction, the hour of every instant whose figure of a KPI version
 * with a threshold it changed: the alert check that follows cannot be lost to a crash between the two.
 * A backfill does not mark: the alert check replays its history once it is done (alert-replay.ts).
 */
/** An instant whose figure of a KPI version changed. */
export interface HourMark {
  readonly definition: KpiDefinitionVersion;
  readonly at: string;
}

const HOUR_MS = 3_600_000;

/** Marks the hours of many instants at once (a batch's fold): one multi-row upsert, each hour's marks added up. */
export const markHours = async (tx: SqlExecutor, marks: readonly HourMark[]): Promise<void> => {
  const counted = new Map<string, { kpi_id: string; version: number; hour: string; marks: number }>();
  for (const { definition, at } of marks) {
    if (definition.target === null && definition.warning === null) continue;
    const hour = new Date(Math.floor(Date.parse(at) / HOUR_MS) * HOUR_MS).toISOString();
    const key = `${definition.kpiId}\u0000${definition.version}\u0000${hour}`;
    const known = counted.get(key);
    if (known === undefined) counted.set(key, { kpi_id: definition.kpiId, version: definition.version, hour, marks: 1 });
    else known.marks += 1;
  }
  if (counted.size === 0) return;
  await tx.query(
    `insert into kpi.alert_watch (kpi_id, version, hour, marks)
     select r.kpi_id, r.version, r.hour, r.marks from jsonb_to_recordset($1::jsonb) as r(kpi_id text, version int, hour timestamptz, marks int)
     on conflict (kpi_id, version, hour) do update set marks = kpi.alert_watch.marks + excluded.marks`,
    [JSON.stringify([...counted.values()])],
  );
};
