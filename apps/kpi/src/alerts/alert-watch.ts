import type { SqlExecutor } from '@collab/following';
import { contributionsOf, type KpiDefinitionVersion, type KpiFact } from '@collab/kpi-domain';

/**
 * Marks the hour a new fact fell in for every KPI version it changed and that has a threshold, in
 * the fold's transaction: the alert check that follows cannot be lost to a crash between the two.
 * A backfill does not mark: the alert check replays its history once it is done (alert-replay.ts).
 */
export const markWatched = async (tx: SqlExecutor, definitions: readonly KpiDefinitionVersion[], fact: KpiFact): Promise<void> => {
  for (const definition of definitions) if (contributionsOf(definition, fact).length > 0) await markHour(tx, definition, fact.at);
};

/** Marks the hour of an instant whose figure changed otherwise (a self-service answer taken out of deflection by a later case). */
export const markHour = async (tx: SqlExecutor, definition: KpiDefinitionVersion, at: string): Promise<void> => {
  if (definition.target === null && definition.warning === null) return;
  await tx.query(
    `insert into kpi.alert_watch (kpi_id, version, hour) values ($1, $2, date_trunc('hour', $3::timestamptz at time zone 'UTC') at time zone 'UTC')
     on conflict (kpi_id, version, hour) do update set marks = kpi.alert_watch.marks + 1`,
    [definition.kpiId, definition.version, at],
  );
};
