import { groupedAppendFunction } from './grouped-append-function';
import type { Queryable } from './queryable';
import { schemaName } from './sql-identifier';

/** One lock for DDL across every schema: concurrent CREATE ... IF NOT EXISTS can still collide. */
const DDL_LOCK = `pg_advisory_xact_lock(hashtextextended('collab.event-store.ddl', 0))`;

export const checkpointsDdl = (schema: string): string => `
  CREATE SCHEMA IF NOT EXISTS ${schema};
  CREATE TABLE IF NOT EXISTS ${schema}.checkpoints (name text PRIMARY KEY, position bigint NOT NULL);`;

const eventsDdl = (schema: string): string => `
  CREATE TABLE IF NOT EXISTS ${schema}.events (
    position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    stream_id text NOT NULL,
    stream_version integer NOT NULL CHECK (stream_version > 0),
    event_id uuid NOT NULL CONSTRAINT events_event_id_unique UNIQUE,
    type text NOT NULL,
    data jsonb NOT NULL,
    metadata jsonb NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT events_stream_version_unique UNIQUE (stream_id, stream_version)
  );`;

/** Longest an append waits for the append lock before it fails (and is retried by its caller), instead of hanging. */
const APPEND_LOCK_TIMEOUT = '10s';

/** The channel a schema's commits are announced on (LISTEN in other processes wakes their log readers). */
export const commitChannel = (schema: string): string => `collab_log_${schemaName(schema)}`;

/**
 * Announces a commit to listeners in other processes (distributed mode): delivered only if and when
 * the transaction commits, and PostgreSQL folds identical notifications of one transaction into one.
 */
const notifyCommitted = (schema: string): string => `PERFORM pg_notify('${commitChannel(schema)}', '');`;

/**
 * The whole group commit in one statement, so a batch costs one round trip. The advisory lock is
 * taken before the statement that reads versions and inserts, so (READ COMMITTED, VOLATILE
 * function) that statement's snapshot already sees every earlier batch, and positions are drawn
 * in commit order: see docs/adr/0001-global-log-never-skips.md. Each append is decided on its
 * own (ok, idempotent retry, wrong version, id conflict); only the 'ok' ones are inserted. The
 * caller never puts two appends to one stream, or one event id twice, into the same batch.
 */
const appendFunction = (schema: string): string => `
  CREATE OR REPLACE FUNCTION ${schema}.append_batch(
    p_stream text[], p_expected integer[], p_event_append integer[], p_event_id uuid[],
    p_type text[], p_data text[], p_metadata text[]
  ) RETURNS TABLE (r_append integer, r_outcome text, r_version integer, r_position bigint, r_conflict uuid)
  LANGUAGE plpgsql VOLATILE SET plan_cache_mode = force_generic_plan SET enable_seqscan = off
  SET lock_timeout = '${APPEND_LOCK_TIMEOUT}' AS $fn$
  BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('collab.event-store.append:${schema}', 0));
    RETURN QUERY
    WITH appends AS (
      SELECT a.ord::integer AS append_no, a.stream_id, a.expected,
        coalesce((SELECT max(e.stream_version) FROM ${schema}.events e WHERE e.stream_id = a.stream_id), 0) AS current_version
      FROM unnest(p_stream, p_expected) WITH ORDINALITY AS a(stream_id, expected, ord)
    ), incoming AS (
      SELECT i.append_no, i.ord, i.event_id, i.type, i.data::jsonb AS data, i.metadata::jsonb AS metadata
      FROM unnest(p_event_append, p_event_id, p_type, p_data, p_metadata) WITH ORDINALITY
        AS i(append_no, event_id, type, data, metadata, ord)
    ), found AS (
      SELECT i.append_no, count(*) AS hits,
        bool_and(e.stream_id = ap.stream_id AND e.type = i.type AND e.data = i.data) AS same,
        max(e.stream_version) AS version, max(e.position) AS position,
        (array_agg(i.event_id ORDER BY i.ord))[1] AS first_id
      FROM incoming i JOIN ${schema}.events e ON e.event_id = i.event_id JOIN appends ap USING (append_no)
      GROUP BY i.append_no
    ), sizes AS (
      SELECT append_no, count(*) AS size FROM incoming GROUP BY append_no
    ), decided AS (
      SELECT ap.append_no, ap.current_version, f.version AS found_version, f.position AS found_position, f.first_id,
        CASE
          WHEN f.append_no IS NOT NULL AND f.same AND f.hits = s.size THEN 'idempotent'
          WHEN f.append_no IS NOT NULL THEN 'conflict'
          WHEN ap.expected >= 0 AND ap.expected <> ap.current_version THEN 'wrong_version'
          ELSE 'ok'
        END AS outcome
      FROM appends ap JOIN sizes s USING (append_no) LEFT JOIN found f USING (append_no)
    ), inserted AS (
      INSERT INTO ${schema}.events (stream_id, stream_version, event_id, type, data, metadata)
      SELECT ap.stream_id, d.current_version + row_number() OVER (PARTITION BY i.append_no ORDER BY i.ord),
        i.event_id, i.type, i.data, i.metadata
      FROM incoming i JOIN decided d USING (append_no) JOIN appends ap USING (append_no)
      WHERE d.outcome = 'ok'
      ORDER BY i.ord
      RETURNING stream_id, stream_version, position
    ), written AS (
      SELECT ap.append_no, max(x.stream_version) AS version, max(x.position) AS position
      FROM inserted x JOIN appends ap ON ap.stream_id = x.stream_id
      GROUP BY ap.append_no
    )
    SELECT d.append_no, d.outcome,
      CASE d.outcome WHEN 'ok' THEN w.version WHEN 'idempotent' THEN d.found_version ELSE d.current_version END,
      CASE d.outcome WHEN 'ok' THEN w.position WHEN 'idempotent' THEN d.found_position END,
      d.first_id
    FROM decided d LEFT JOIN written w USING (append_no)
    ORDER BY d.append_no;
    ${notifyCommitted(schema)}
  END
  $fn$;`;

/**
 * The same decision for a batch of one append (every append when there is no concurrency), as
 * three small statements whose plans stay cached: the set-based version costs about twice as
 * much for one row. Takes the same lock as append_batch.
 */
const appendOneFunction = (schema: string): string => `
  CREATE OR REPLACE FUNCTION ${schema}.append_one(
    p_stream text, p_expected integer, p_event_id uuid[], p_type text[], p_data text[], p_metadata text[]
  ) RETURNS TABLE (r_append integer, r_outcome text, r_version integer, r_position bigint, r_conflict uuid)
  LANGUAGE plpgsql VOLATILE SET plan_cache_mode = force_generic_plan SET enable_seqscan = off
  SET lock_timeout = '${APPEND_LOCK_TIMEOUT}' AS $fn$
  DECLARE
    v_current integer;
    v_hits integer;
    v_same boolean;
    v_version integer;
    v_position bigint;
  BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('collab.event-store.append:${schema}', 0));
    SELECT count(*), bool_and(e.stream_id = p_stream AND e.type = i.type AND e.data = i.data::jsonb),
      max(e.stream_version), max(e.position)
    INTO v_hits, v_same, v_version, v_position
    FROM unnest(p_event_id, p_type, p_data) AS i(event_id, type, data)
    JOIN ${schema}.events e ON e.event_id = i.event_id;
    IF v_hits > 0 THEN
      RETURN QUERY SELECT 1, CASE WHEN v_same AND v_hits = cardinality(p_event_id) THEN 'idempotent' ELSE 'conflict' END,
        v_version, v_position, (SELECT i.event_id FROM unnest(p_event_id) AS i(event_id)
          WHERE EXISTS (SELECT 1 FROM ${schema}.events e WHERE e.event_id = i.event_id) LIMIT 1);
      RETURN;
    END IF;
    SELECT coalesce(max(e.stream_version), 0) INTO v_current FROM ${schema}.events e WHERE e.stream_id = p_stream;
    IF p_expected >= 0 AND p_expected <> v_current THEN
      RETURN QUERY SELECT 1, 'wrong_version', v_current, NULL::bigint, NULL::uuid;
      RETURN;
    END IF;
    RETURN QUERY
    WITH inserted AS (
      INSERT INTO ${schema}.events (stream_id, stream_version, event_id, type, data, metadata)
      SELECT p_stream, v_current + i.ord::integer, i.event_id, i.type, i.data::jsonb, i.metadata::jsonb
      FROM unnest(p_event_id, p_type, p_data, p_metadata) WITH ORDINALITY AS i(event_id, type, data, metadata, ord)
      ORDER BY i.ord
      RETURNING stream_version, position
    )
    SELECT 1, 'ok', max(x.stream_version), max(x.position), NULL::uuid FROM inserted x;
    ${notifyCommitted(schema)}
  END
  $fn$;`;

/**
 * Creates (or upgrades) a service's event store schema. Idempotent and safe to run from several
 * processes at once. One multi-statement simple query: PostgreSQL runs it as one implicit
 * transaction, and no pooled connection is held between statements (PGlite has only one).
 */
export const ensureEventStoreSchema = async (db: Queryable, schema: string): Promise<void> => {
  const name = schemaName(schema);
  await db.query(
    `SELECT ${DDL_LOCK}; ${checkpointsDdl(name)} ${eventsDdl(name)} ${appendOneFunction(name)} ${appendFunction(name)} ${groupedAppendFunction(name, APPEND_LOCK_TIMEOUT, notifyCommitted(name))}`,
  );
};

export const ensureCheckpointSchema = async (db: Queryable, schema: string): Promise<void> => {
  await db.query(`SELECT ${DDL_LOCK}; ${checkpointsDdl(schemaName(schema))}`);
};
