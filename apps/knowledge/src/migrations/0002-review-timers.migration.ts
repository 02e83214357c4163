import { sqlMigration } from '@collab/service-kit';

/**
 * The durable timers of published versions (expiry and review due, docs/adr/0007 reused through
 * @collab/following's FencedTimerTable), and the review queue of articles that fell due or expired.
 */
export const ReviewTimers = sqlMigration('ReviewTimers1796947200000', [
  `create table if not exists knowledge.article_timer (
     id uuid primary key, article_id uuid not null, version int not null, kind text not null, due_at timestamptz not null,
     correlation_id text not null, scheduled_by uuid not null,
     fired_at timestamptz, cancelled_at timestamptz, claimed_until timestamptz, claimed_by bigint)`,
  `create index if not exists article_timer_pending on knowledge.article_timer (due_at) where fired_at is null and cancelled_at is null`,
  `create index if not exists article_timer_article on knowledge.article_timer (article_id)`,
  `create table if not exists knowledge.review_queue (
     article_id uuid primary key, version int not null, reason text not null, title text not null, language text not null,
     node_id text not null, due_at timestamptz not null, stream_version int not null)`,
  `create table if not exists knowledge.review_live (
     article_id uuid primary key, version int not null, title text not null, language text not null, node_id text not null, stream_version int not null)`,
  `create index if not exists review_queue_due on knowledge.review_queue (due_at)`,
]);
