/**
 * `<schema>.append_grouped`: the group commit of append_batch (one statement under the schema's
 * append lock, docs/adr/0001-global-log-never-skips.md), where appends come in numbered groups
 * that are written all together or not at all. Each append is first judged on its own, as
 * append_batch judges it (idempotent retry, id conflict, wrong version, ok; an append without
 * events is only 'checked'); then every 'ok' or 'checked' append of a group holding a refused one
 * is 'aborted' and nothing of that group is inserted. Groups do not affect each other. The events
 * get positions in the order given. The caller never puts one stream, or one event id, into the
 * same batch twice.
 */
export const groupedAppendFunction = (schema: string, lockTimeout: string, notify: string): string => `
  CREATE OR REPLACE FUNCTION ${schema}.append_grouped(
    p_group integer[], p_stream text[], p_expected integer[], p_event_append integer[], p_event_id uuid[],
    p_type text[], p_data text[], p_metadata text[]
  ) RETURNS TABLE (r_append integer, r_outcome text, r_version integer, r_position bigint, r_conflict uuid)
  LANGUAGE plpgsql VOLATILE SET plan_cache_mode = force_generic_plan SET enable_seqscan = off
  SET lock_timeout = '${lockTimeout}' AS $fn$
  BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('collab.event-store.append:${schema}', 0));
    RETURN QUERY
    WITH appends AS (
      SELECT a.ord::integer AS append_no, a.group_no, a.stream_id, a.expected,
        coalesce((SELECT max(e.stream_version) FROM ${schema}.events e WHERE e.stream_id = a.stream_id), 0) AS current_version
      FROM unnest(p_group, p_stream, p_expected) WITH ORDINALITY AS a(group_no, stream_id, expected, ord)
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
    ), judged AS (
      SELECT ap.append_no, ap.group_no, ap.stream_id, ap.current_version, f.version AS found_version,
        f.position AS found_position, f.first_id,
        CASE
          WHEN f.append_no IS NOT NULL AND f.same AND f.hits = s.size THEN 'idempotent'
          WHEN f.append_no IS NOT NULL THEN 'conflict'
          WHEN ap.expected >= 0 AND ap.expected <> ap.current_version THEN 'wrong_version'
          WHEN s.size IS NULL THEN 'checked'
          ELSE 'ok'
        END AS outcome
      FROM appends ap LEFT JOIN sizes s USING (append_no) LEFT JOIN found f USING (append_no)
    ), refused AS (
      SELECT DISTINCT j.group_no FROM judged j WHERE j.outcome IN ('wrong_version', 'conflict')
    ), decided AS (
      SELECT j.*,
        CASE WHEN j.outcome IN ('ok', 'checked') AND j.group_no IN (SELECT group_no FROM refused) THEN 'aborted'
          ELSE j.outcome END AS final
      FROM judged j
    ), inserted AS (
      INSERT INTO ${schema}.events (stream_id, stream_version, event_id, type, data, metadata)
      SELECT d.stream_id, d.current_version + row_number() OVER (PARTITION BY i.append_no ORDER BY i.ord),
        i.event_id, i.type, i.data, i.metadata
      FROM incoming i JOIN decided d USING (append_no)
      WHERE d.final = 'ok'
      ORDER BY i.ord
      RETURNING stream_id, stream_version, position
    ), written AS (
      SELECT d.append_no, max(x.stream_version) AS version, max(x.position) AS position
      FROM inserted x JOIN decided d ON d.stream_id = x.stream_id
      GROUP BY d.append_no
    )
    SELECT d.append_no, d.final,
      CASE d.final WHEN 'ok' THEN w.version WHEN 'idempotent' THEN d.found_version ELSE d.current_version END,
      CASE d.final WHEN 'ok' THEN w.position WHEN 'idempotent' THEN d.found_position
        WHEN 'checked' THEN (SELECT e.position FROM ${schema}.events e WHERE e.stream_id = d.stream_id ORDER BY e.stream_version DESC LIMIT 1)
      END,
      d.first_id
    FROM decided d LEFT JOIN written w USING (append_no)
    ORDER BY d.append_no;
    ${notify}
  END
  $fn$;`;
