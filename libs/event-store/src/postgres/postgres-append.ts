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

interface OutcomeRow {
  readonly r_append: number;
  readonly r_outcome: 'ok' | 'idempotent' | 'wrong_version' | 'conflict';
  readonly r_version: number;
  readonly r_position: string | null;
  readonly r_conflict: string | null;
}

/** What happened to one append of a batch: its result or the error its caller gets. */
export type AppendOutcome =
  { readonly ok: true; readonly result: AppendResult } | { readonly ok: false; readonly error: Error };

const parameters = (batch: readonly PendingAppend[]): unknown[] => {
  const events = batch.flatMap((append, index) =>
    append.events.map((event) => ({ event, append: index + 1 })),
  );
  return [
    batch.map((append) => append.streamId),
    batch.map((append) => expectedAsNumber(append.expected)),
    events.map(({ append }) => append),
    events.map(({ event }) => event.id),
    events.map(({ event }) => event.type),
    events.map(({ event }) => JSON.stringify(event.data)),
    events.map(({ event }) => JSON.stringify(event.metadata)),
  ];
};

const toOutcome = (append: PendingAppend, row: OutcomeRow | undefined): AppendOutcome => {
  if (!row)
    return { ok: false, error: new Error(`append to ${append.streamId} got no outcome from the batch`) };
  switch (row.r_outcome) {
    case 'ok':
    case 'idempotent':
      return {
        ok: true,
        result: { nextExpectedVersion: row.r_version, lastPosition: BigInt(row.r_position ?? 0) },
      };
    case 'wrong_version':
      return { ok: false, error: new WrongExpectedVersion(append.streamId, append.expected, row.r_version) };
    case 'conflict':
      return {
        ok: false,
        error: new EventIdConflict(row.r_conflict ?? append.eventIds[0] ?? '', append.streamId),
      };
  }
};

const toError = (error: unknown): Error => {
  if (error instanceof Error) return error;
  const message =
    typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
  return Object.assign(new Error(typeof message === 'string' ? message : String(error)), { cause: error });
};

const singleParameters = (append: PendingAppend): unknown[] => [
  append.streamId,
  expectedAsNumber(append.expected),
  append.events.map((event) => event.id),
  append.events.map((event) => event.type),
  append.events.map((event) => JSON.stringify(event.data)),
  append.events.map((event) => JSON.stringify(event.metadata)),
];

/**
 * Writes one group commit (one statement, one implicit transaction) and decides each append. A
 * batch of one, the usual case without concurrency, takes the cheaper append_one.
 */
export const writeBatch = async (
  db: Queryable,
  schema: string,
  batch: readonly PendingAppend[],
): Promise<AppendOutcome[]> => {
  const [only] = batch;
  const { rows } =
    batch.length === 1 && only
      ? await db.query<OutcomeRow>(
          `SELECT * FROM ${schema}.append_one($1, $2, $3, $4, $5, $6)`,
          singleParameters(only),
        )
      : await db.query<OutcomeRow>(
          `SELECT * FROM ${schema}.append_batch($1, $2, $3, $4, $5, $6, $7)`,
          parameters(batch),
        );
  const byAppend = new Map(rows.map((row) => [row.r_append, row]));
  return batch.map((append, index) => toOutcome(append, byAppend.get(index + 1)));
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
