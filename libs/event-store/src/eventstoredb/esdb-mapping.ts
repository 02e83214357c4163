import {
  ANY,
  NO_STREAM,
  START,
  jsonEvent,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type CurrentRevision,
  type EventData,
  type ReadPosition,
  type ResolvedEvent,
} from '@eventstore/db-client';
import type {
  EventMetadata,
  ExpectedVersion,
  JsonObject,
  NewEvent,
  RecordedEvent,
} from '../event-store.port';

/** Port versions are 1-based counts; ESDB revisions are 0-based indexes of the last event. */
export const toExpectedRevision = (expected: ExpectedVersion): AppendExpectedRevision => {
  if (expected === 'any') return ANY;
  if (expected === 'no_stream' || expected === 0) return NO_STREAM;
  return BigInt(expected - 1);
};

export const versionOf = (revision: CurrentRevision): number =>
  revision === NO_STREAM ? 0 : Number(revision) + 1;

/** Resuming "after" a commit position; events of that commit come back again and are skipped by the caller. */
export const readPositionAfter = (after: bigint): ReadPosition =>
  after <= 0n ? START : { commit: after, prepare: after };

export const toEventData = (event: NewEvent): EventData =>
  jsonEvent({ id: event.id, type: event.type, data: { ...event.data }, metadata: { ...event.metadata } });

/** Streams of one store are `<prefix>-<streamId>`, so one ESDB can hold every service's streams. */
export class StreamNames {
  readonly prefix: string;

  constructor(service: string) {
    this.prefix = `${service}-`;
  }

  toEsdb(streamId: string): string {
    return `${this.prefix}${streamId}`;
  }

  owns(esdbStream: string): boolean {
    return esdbStream.startsWith(this.prefix);
  }

  fromEsdb(esdbStream: string): string {
    return esdbStream.slice(this.prefix.length);
  }
}

/**
 * Our JSON events in this store's streams, as port events. System events ($-types), link events
 * and binary events are not ours and map to undefined.
 */
export const toRecordedEvent = (
  names: StreamNames,
  resolved: ResolvedEvent | AllStreamResolvedEvent,
): RecordedEvent | undefined => {
  const event = resolved.event;
  if (!event?.isJson || event.type.startsWith('$') || !names.owns(event.streamId)) return undefined;
  return {
    id: event.id,
    type: event.type,
    data: event.data as JsonObject,
    metadata: event.metadata as EventMetadata,
    streamId: names.fromEsdb(event.streamId),
    streamVersion: Number(event.revision) + 1,
    position: event.position?.commit ?? resolved.commitPosition ?? 0n,
    recordedAt: event.created,
  };
};
