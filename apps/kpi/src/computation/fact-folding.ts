import { defaultCalendars, type BusinessCalendar } from '@collab/business-calendar';
import { rowsOf, type SqlExecutor } from '@collab/following';
import { contributionsOf, minutesBetween, type Contribution, type KpiDefinitionVersion, type KpiFact } from '@collab/kpi-domain';
import { holdingCalendar } from './context-store';

const CALENDARS: ReadonlyMap<string, BusinessCalendar> = new Map(defaultCalendars().map((calendar) => [calendar.id, calendar]));

interface Observed {
  readonly fact: KpiFact;
  readonly sourceKey: string;
  readonly contribution: Contribution;
}

const upsertObservation = (tx: SqlExecutor, definition: KpiDefinitionVersion, { fact, sourceKey, contribution }: Observed): Promise<unknown> =>
  tx.query(
    `insert into kpi.observation (kpi_id, version, source_key, part, case_id, task_id, at, own, dims, value)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9)
     on conflict (kpi_id, version, source_key, part) do update set at = excluded.at, value = excluded.value, own = excluded.own`,
    [definition.kpiId, definition.version, sourceKey, contribution.part, fact.caseId, fact.taskId, fact.at, JSON.stringify(fact.dims), contribution.value],
  );

/**
 * Keeps one end of a duration: the start is the earliest, the end the first or the last as the
 * measure says. Whichever end arrives second completes the pair (a resolution before its opening
 * waits here), and a later better end recomputes it.
 */
interface End {
  readonly pairKey: string;
  readonly dims: KpiFact['dims'];
  readonly role: 'start' | 'end';
  readonly at: string;
  readonly latest: boolean;
}

const keepEnd = async (tx: SqlExecutor, definition: KpiDefinitionVersion, { pairKey, role, at, latest, dims }: End): Promise<void> => {
  const better = latest ? 'excluded.at > kpi.duration_end.at' : 'excluded.at < kpi.duration_end.at';
  await tx.query(
    `insert into kpi.duration_end (kpi_id, version, pair_key, role, at, dims) values ($1, $2, $3, $4, $5, $6)
     on conflict (kpi_id, version, pair_key, role) do update set at = excluded.at, dims = excluded.dims where ${better}`,
    [definition.kpiId, definition.version, pairKey, role, at, JSON.stringify(dims)],
  );
};

/** The pair's duration, once both ends are known, on the calendar of the unit holding the case at its end. */
const completePair = async (tx: SqlExecutor, definition: KpiDefinitionVersion, pairKey: string): Promise<void> => {
  const { measure } = definition;
  if (measure.kind !== 'duration') return;
  const ends = rowsOf<{ role: string; at: Date; dims: KpiFact['dims'] }>(
    await tx.query(`select role, at, dims from kpi.duration_end where kpi_id = $1 and version = $2 and pair_key = $3`, [definition.kpiId, definition.version, pairKey]),
  );
  const start = ends.find((end) => end.role === 'start')?.at.toISOString();
  const ending = ends.find((end) => end.role === 'end');
  const end = ending?.at.toISOString();
  if (start === undefined || ending === undefined || end === undefined) return;
  const calendarId = measure.time === 'business' ? await holdingCalendar(tx, pairKey, end) : undefined;
  const minutes = minutesBetween(start, end, measure.time, calendarId === undefined ? undefined : CALENDARS.get(calendarId));
  // The end's own dimensions (the agent who responded) come from the end kept, whichever end arrived last.
  const fact: KpiFact = { eventId: `pair:${pairKey}`, kind: measure.to.fact, at: end, caseId: pairKey, taskId: null, dims: ending.dims, attrs: {} };
  await upsertObservation(tx, definition, { fact, sourceKey: `pair:${pairKey}`, contribution: { part: 'value', value: minutes } });
};

const foldDuration = async (tx: SqlExecutor, definition: KpiDefinitionVersion, fact: KpiFact, role: 'start' | 'end'): Promise<void> => {
  const { measure } = definition;
  if (measure.kind !== 'duration' || fact.caseId === null) return;
  await keepEnd(tx, definition, { pairKey: fact.caseId, role, at: fact.at, latest: role === 'end' && measure.until === 'last', dims: role === 'end' ? fact.dims : {} });
  await completePair(tx, definition, fact.caseId);
};

/** A case's holding unit became known or changed: its business-time durations are measured again on the right calendar. */
export const remeasureCase = async (tx: SqlExecutor, definitions: readonly KpiDefinitionVersion[], caseId: string): Promise<void> => {
  for (const definition of definitions)
    if (definition.measure.kind === 'duration' && definition.measure.time === 'business') await completePair(tx, definition, caseId);
};

/** Folds one new fact into one KPI version: the observations it adds, or the duration it completes. */
export const foldFact = async (tx: SqlExecutor, definition: KpiDefinitionVersion, fact: KpiFact): Promise<void> => {
  for (const contribution of contributionsOf(definition, fact)) {
    if (contribution.part === 'start' || contribution.part === 'end') await foldDuration(tx, definition, fact, contribution.part);
    else await upsertObservation(tx, definition, { fact, sourceKey: fact.eventId, contribution });
  }
};
