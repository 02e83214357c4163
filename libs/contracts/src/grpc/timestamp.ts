import type { Timestamp, Timestamp__Output } from './generated/google/protobuf/Timestamp';

/** A point in time as a google.protobuf.Timestamp (seconds as a decimal string, see PROTO_LOADER_OPTIONS). */
export const toTimestamp = (time: Date | string): Timestamp => {
  const ms = typeof time === 'string' ? Date.parse(time) : time.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not a valid time: ${String(time)}`);
  const seconds = Math.floor(ms / 1000);
  return { seconds: String(seconds), nanos: (ms - seconds * 1000) * 1_000_000 };
};

/** Undefined for an unset timestamp (null with `defaults`), so absent stays distinguishable from epoch. */
export const fromTimestamp = (timestamp: Timestamp__Output | null | undefined): Date | undefined => {
  if (!timestamp) return undefined;
  return new Date(Number(timestamp.seconds) * 1000 + Math.floor(timestamp.nanos / 1_000_000));
};
