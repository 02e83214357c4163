import type { DatabaseError } from 'pg';
import {
  EventIdConflict,
  WrongExpectedVersion,
  type AppendResult,
  type ExpectedVersion,
  type NewEvent,
} from '../event-store.port';
import { expectedAsNumber } from '../core/append-validation';
import type { Queryable } from './queryable';

export interface PendingAppend {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly expected: ExpectedVersion;
  readonly eventIds: readonly string[];
}

/** Appends that are written all together or not at all: one for `append`, several for `appendMany`. */
export interface PendingGroup {
  readonly appends: readonly PendingAppend[];
}

type Outcome = 'ok' | 'idempotent' | 'checked' | 'wrong_version' | 'conflict' | 'aborted';

interface OutcomeRow {
  readonly r_append: number;
  readonly r_outcome: Outcome;
  readonly r_version: number;
  readonly r_position: string | null;
  readonly r_conflict: string | null;
}

/** What happened to one group of a batch: a result per append, or the error its caller gets. */
export type GroupOutcome =
  | { readonly ok: true; readonly results: readonly AppendResult[] }
  | { readonly ok: false; readonly error: Error };

const eventColumns = (appends: readonly PendingAppend[]): unknown[] => {
  const events = appends.flatMap((append, index) => append.events.map((event) => ({ event, append: index + 1 })));
  return [
    events.map(({ append }) => append),
    events.map(({ event }) => event.id),
    events.map(({ event }) => event.type),
    events.map(({ event }) => JSON.stringify(event.data)),
    events.map(({ event }) => JSON.stringify(event.metadata)),
  ];
};

const appendColumns = (appends: readonly PendingAppend[]): unknown[] => [
  appends.map((append) => append.streamId),
  appends.map((append) => expectedAsNumber(append.expected)),
];

const singleParameters = (append: PendingAppend): unknown[] => [
  append.streamId,
  expectedAsNumber(append.expected),
  append.events.map((event) => event.id),
  append.events.map((event) => event.type),
  append.events.map((event) => JSON.stringify(event.data)),
  append.events.map((event) => JSON.stringify(event.metadata)),
];

/** The error an append's refusal gives its caller; undefined when the append went through (or was only held back). */
const refusalOf = (append: PendingAppend, row: OutcomeRow | undefined): Error | undefined => {
  if (!row) return new Error(`append to ${append.streamId} got no outcome from the batch`);
  if (row.r_outcome === 'wrong_version') return new WrongExpectedVersion(append.streamId, append.expected, row.r_version);
  if (row.r_outcome === 'conflict') return new EventIdConflict(row.r_conflict ?? append.eventIds[0] ?? '', append.streamId);
  return undefined;
};

const resultOf = (row: OutcomeRow): AppendResult => ({
  nextExpectedVersion: row.r_version,
  lastPosition: BigInt(row.r_position ?? 0),
});

/** A group fails with its first refused append (the one its error names); otherwise every append has its result. */
const groupOutcome = (appends: readonly PendingAppend[], rows: readonly (OutcomeRow | undefined)[]): GroupOutcome => {
  for (const [index, append] of appends.entries()) {
    const error = refusalOf(append, rows[index]);
    if (error) return { ok: false, error };
  }
  return { ok: true, results: rows.map((row) => resultOf(row!)) };
};

/** The statement for a batch: append_one for one plain append, append_batch for plain ones, append_grouped otherwise. */
const statementFor = (groups: readonly PendingGroup[], appends: readonly PendingAppend[]): { text: string; values: unknown[] } => {
  const [only] = appends;
  const plain = groups.every((group) => group.appends.length === 1) && appends.every((append) => append.events.length > 0);
  if (plain && appends.length === 1 && only) return { text: 'append_one($1, $2, $3, $4, $5, $6)', values: singleParameters(only) };
  if (plain) return { text: 'append_batch($1, $2, $3, $4, $5, $6, $7)', values: [...appendColumns(appends), ...eventColumns(appends)] };
  const groupNumbers = groups.flatMap((group, index) => group.appends.map(() => index + 1));
  return {
    text: 'append_grouped($1, $2, $3, $4, $5, $6, $7, $8)',
    values: [groupNumbers, ...appendColumns(appends), ...eventColumns(appends)],
  };
};

/**
 * Writes one group commit (one statement, one implicit transaction) and decides each group: all
 * of a group's appends are written, or none. Plain single appends, the usual case, take the
 * cheaper functions that decide each append on its own.
 */
export const writeBatch = async (db: Queryable, schema: string, groups: readonly PendingGroup[]): Promise<GroupOutcome[]> => {
  const appends = groups.flatMap((group) => group.appends);
  const statement = statementFor(groups, appends);
  const { rows } = await db.query<OutcomeRow>(`SELECT * FROM ${schema}.${statement.text}`, statement.values);
  const byAppend = new Map(rows.map((row) => [row.r_append, row]));
  let next = 1;
  return groups.map((group) => groupOutcome(group.appends, group.appends.map(() => byAppend.get(next++))));
};

const toError = (error: unknown): Error => {
  if (error instanceof Error) return error;
  const message =
    typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
  return Object.assign(new Error(typeof message === 'string' ? message : String(error)), { cause: error });
};

/** Duck-typed: PGlite's errors come from its own bundled protocol parser (and, under jest, another realm). */
const isUniqueViolation = (error: unknown): error is DatabaseError =>
  typeof error === 'object' && error !== null && (error as Partial<DatabaseError>).code === '23505';

/**
 * A unique violation can only come from a writer that bypassed the append lock (another tool, an
 * older version of this code); translate it into the port's errors for the single append at fault.
 */
export const translateSingleFailure = (
  append: PendingAppend,
  error: unknown,
  actualVersion: number,
): Error => {
  if (isUniqueViolation(error) && error.constraint === 'events_event_id_unique')
    return new EventIdConflict(append.eventIds[0] ?? '', append.streamId);
  if (isUniqueViolation(error))
    return new WrongExpectedVersion(append.streamId, append.expected, actualVersion);
  return toError(error);
};
