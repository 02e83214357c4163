import { quoteSchema } from './sql';

/**
 * The runtime's tables in a follower's home schema: checkpoints (one row per follower, moving only
 * forward), leases (one owner per follower, with a fencing token), and the dead letters and parked
 * stream keys of followers that met poison. Idempotent statements: this is the runtime's first
 * migration, and it adopts tables an older version created.
 */
export const followingTablesDdl = (schema: string): readonly string[] => {
  const s = quoteSchema(schema);
  return [
    `CREATE SCHEMA IF NOT EXISTS ${s}`,
    `CREATE TABLE IF NOT EXISTS ${s}.checkpoints (name text PRIMARY KEY, position bigint NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS ${s}.leases (
       name text PRIMARY KEY, owner text NOT NULL, token bigint NOT NULL, expires_at timestamptz NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS ${s}.dead_letters (
       id bigserial PRIMARY KEY, consumer text NOT NULL, event_id text NOT NULL, event_type text NOT NULL,
       subject text NOT NULL, event jsonb NOT NULL, error_name text NOT NULL, error_message text NOT NULL,
       error_stack text, attempts integer NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now())`,
    `ALTER TABLE ${s}.dead_letters ADD COLUMN IF NOT EXISTS position bigint`,
    `ALTER TABLE ${s}.dead_letters ADD COLUMN IF NOT EXISTS replayed_at timestamptz`,
    `CREATE INDEX IF NOT EXISTS dead_letters_consumer ON ${s}.dead_letters (consumer, recorded_at)`,
    `CREATE TABLE IF NOT EXISTS ${s}.parked_streams (
       follower text NOT NULL, stream_id text NOT NULL, first_event_id text NOT NULL,
       parked_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (follower, stream_id))`,
    `ALTER TABLE ${s}.parked_streams ADD COLUMN IF NOT EXISTS replay_requested_at timestamptz`,
    `CREATE INDEX IF NOT EXISTS dead_letters_stream ON ${s}.dead_letters (consumer, subject, id)`,
  ];
};
