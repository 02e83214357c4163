import type { EventMetadata, JsonObject, RecordedEvent } from '../event-store.port';

export interface EventRow {
  readonly position: string | number;
  readonly stream_id: string;
  readonly stream_version: number;
  readonly event_id: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: EventMetadata;
  readonly recorded_at: Date;
}

export const EVENT_COLUMNS =
  'position, stream_id, stream_version, event_id, type, data, metadata, recorded_at';

/** pg returns int8 as a string unless someone changed the global type parser; accept both. */
export const toRecordedEvent = (row: EventRow): RecordedEvent => ({
  id: row.event_id,
  type: row.type,
  data: row.data,
  metadata: row.metadata,
  streamId: row.stream_id,
  streamVersion: row.stream_version,
  position: BigInt(row.position),
  recordedAt: row.recorded_at instanceof Date ? row.recorded_at : new Date(row.recorded_at),
});
