import type { SqlExecutor } from '@collab/messaging';

/** Executors of a rebuild's replay: the facts' reviews were asked when they first arrived. */
const REPLAYING = new WeakSet<SqlExecutor>();

/**
 * The transaction a rebuild of the facts writes through: the facts as the consumers store them, but
 * no review asked (data.tag_review is the timers' record of what they fired, not part of the fold,
 * and a rebuild's shadow tables may not write it).
 */
export const replaying = (tx: SqlExecutor): SqlExecutor => {
  const replay: SqlExecutor = { query: (sql, params) => tx.query(sql, params) };
  REPLAYING.add(replay);
  return replay;
};

/**
 * Asks for a review of the customer a fact is about (directly, or through its case), due when the
 * fact happened; written in the fact's transaction, so no fact is left unjudged after a crash.
 * A fact about a case whose customer is not known yet asks nothing: the case's opening will.
 */
export const reviewAfterFact = async (tx: SqlExecutor, fact: { eventId: string; at: string; caseId?: string | null | undefined; customerId?: string | null | undefined }): Promise<void> => {
  if (REPLAYING.has(tx)) return;
  await tx.query(
    `insert into data.tag_review (id, customer_id, due_at)
     select $1, customer_id, $2 from (select coalesce($3::uuid, (select customer_id from data.case_dim where case_id = $4::uuid)) as customer_id) as known
      where customer_id is not null
     on conflict (id) do nothing`,
    [`fact:${fact.eventId}`, new Date(fact.at), fact.customerId ?? null, fact.caseId ?? null],
  );
};

/** Asks for a review of every customer known, when a rule changed: the id names the rule's event, so a replay asks nothing twice. */
export const reviewEveryone = async (tx: SqlExecutor, cause: string, at: Date): Promise<void> => {
  await tx.query(
    `insert into data.tag_review (id, customer_id, due_at)
     select $1 || ':' || customer_id, customer_id, $2 from (select distinct customer_id from data.case_dim where customer_id is not null) as customers
     on conflict (id) do nothing`,
    [`rule:${cause}`, at],
  );
};

/** Asks for a review when a tag's window ends (one per customer and instant). */
export const reviewAt = async (tx: SqlExecutor, customerId: string, at: string): Promise<void> => {
  await tx.query('insert into data.tag_review (id, customer_id, due_at) values ($1, $2, $3) on conflict (id) do nothing', [`until:${customerId}:${at}`, customerId, new Date(at)]);
};
