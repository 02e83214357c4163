import { sqlMigration } from '@collab/service-kit';

/**
 * The customer tag library: the rules in force (the fold of the tag-rule streams), each customer's
 * tags (the fold of the customer-tags streams), and the durable review timers (docs/adr/0007 through
 * @collab/following's FencedTimerTable) that judge a customer again when a fact about them arrives,
 * a rule changes, or a window passes.
 */
export const CustomerTags = sqlMigration('CustomerTags1797033600000', [
  `create table if not exists data.tag_rule (
     tag text primary key, version int not null, description text not null, conditions jsonb not null, retired boolean not null default false)`,
  `create table if not exists data.customer_tag (
     customer_id uuid not null, tag text not null, rule_version int not null, tagged_at timestamptz not null, stream_version int not null,
     primary key (customer_id, tag))`,
  `create index if not exists customer_tag_by_tag on data.customer_tag (tag, customer_id)`,
  `create table if not exists data.tag_review (
     id text primary key, customer_id uuid not null, due_at timestamptz not null,
     fired_at timestamptz, cancelled_at timestamptz, claimed_until timestamptz, claimed_by bigint)`,
  `create index if not exists tag_review_pending on data.tag_review (due_at) where fired_at is null and cancelled_at is null`,
]);
