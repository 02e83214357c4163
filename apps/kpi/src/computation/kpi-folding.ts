import { Injectable } from '@nestjs/common';
import { rowsOf, type SqlExecutor } from '@collab/following';
import { contributionsOf, type KpiFact } from '@collab/kpi-domain';
import { markHours, type HourMark } from '../alerts/alert-watch';
import { gatherPage, writePages } from '../backfill/page-fold';
import { customerKeysOf } from '../facts/customer-keys';
import type { ContextChange, Fed } from '../facts/fed-fact';
import { applyContexts, caseCountsOf, reattributeAll, rescopeCases, type CaseCounts } from './context-store';
import { lockCustomers } from './follow-up-settling';
import { KpiCatalogue } from './kpi-catalogue';

/** A closed case was resolved at first contact when nothing else was needed: one contact, no reopening, no collaboration task. */
const withCaseStory = (fact: KpiFact, counts: CaseCounts): KpiFact =>
  ({ ...fact, attrs: { ...fact.attrs, firstContact: counts.contacts <= 1 && counts.reopens === 0 && counts.tasks === 0 } });

/** The event ids among `eventIds` the journal already holds (a redelivery past another inbox, the rebuild's replay). */
const journalledAmong = async (tx: SqlExecutor, eventIds: readonly string[]): Promise<Set<string>> =>
  eventIds.length === 0
    ? new Set()
    : new Set(rowsOf<{ event_id: string }>(await tx.query(`select event_id from kpi.fact where event_id = any($1::text[])`, [eventIds])).map((row) => row.event_id));

/** Journals the facts in their order, in one statement; answers how many it journalled (those another transaction journalled meanwhile are not). */
const journalAll = async (tx: SqlExecutor, facts: readonly KpiFact[]): Promise<number> => {
  if (facts.length === 0) return 0;
  const rows = facts.map((fact) => ({ event_id: fact.eventId, kind: fact.kind, at: fact.at, case_id: fact.caseId, task_id: fact.taskId, dims: fact.dims, attrs: fact.attrs }));
  return rowsOf(
    await tx.query(
      `insert into kpi.fact (event_id, kind, at, case_id, task_id, dims, attrs)
       select r.event_id, r.kind, r.at, r.case_id, r.task_id, r.dims, r.attrs
         from jsonb_array_elements($1::jsonb) with ordinality as e(row, n),
              jsonb_to_record(e.row) as r(event_id text, kind text, at timestamptz, case_id text, task_id text, dims jsonb, attrs jsonb)
        order by e.n
       on conflict (event_id) do nothing returning event_id`,
      [JSON.stringify(rows)],
    ),
  ).length;
};

/** The counters the changes add to, for the cases `counts` follows (those a fact of the batch closes). */
const countOn = (counts: Map<string, CaseCounts>, changes: readonly ContextChange[]): void => {
  for (const change of changes) {
    if (change.kind !== 'case-count') continue;
    const kept = counts.get(change.caseId);
    if (kept !== undefined) counts.set(change.caseId, { ...kept, [change.counter]: kept[change.counter] + 1 });
  }
};

/**
 * A batch's new facts and context changes in event order: an event whose fact the journal holds is
 * passed over with its context (`journalled` grows with each fact taken, so an event met twice counts
 * once), and a closed case's story is told from `counts` as the events before it left them.
 */
const toldInOrder = (feds: readonly Fed[], journalled: Set<string>, counts: Map<string, CaseCounts>): { facts: KpiFact[]; changes: ContextChange[] } => {
  const facts: KpiFact[] = [];
  const changes: ContextChange[] = [];
  for (const fed of feds) {
    const fact = fed.fact;
    if (fact !== undefined && journalled.has(fact.eventId)) continue;
    if (fact !== undefined) {
      journalled.add(fact.eventId);
      const counted = fact.kind === 'CaseClosed' && fact.caseId !== null ? counts.get(fact.caseId) : undefined;
      facts.push(counted === undefined ? fact : withCaseStory(fact, counted));
    }
    changes.push(...fed.context);
    countOn(counts, fed.context);
  }
  return { facts, changes };
};

/**
 * What a transaction journalled and has still to fold: the new facts, in journal order, and the
 * cases whose observations are to be scoped (and business durations measured) again.
 */
export class PendingFold {
  readonly facts: KpiFact[] = [];
  /** Cases a fact or a context change of this transaction concerns: their observations are scoped anew. */
  readonly cases = new Set<string>();
  /** Cases the directory attributed again (a queue moved, a unit's calendar): their business durations are measured again too. */
  readonly reattributed = new Set<string>();

  /** What a batch journalled: its facts, the cases they and the context changes concern, and the cases attributed again. */
  add(facts: readonly KpiFact[], changes: readonly ContextChange[], reattributed: readonly string[]): void {
    this.facts.push(...facts);
    for (const fact of facts) if (fact.caseId !== null) this.cases.add(fact.caseId);
    for (const change of changes) if ('caseId' in change) this.cases.add(change.caseId);
    for (const caseId of reattributed) {
      this.cases.add(caseId);
      this.reattributed.add(caseId);
    }
  }

  get empty(): boolean {
    return this.facts.length === 0 && this.cases.size === 0;
  }
}

/**
 * The incremental fold (DESIGN §4 "KPI definition"), batch-shaped: a batch's facts are journalled
 * once by event id and their context applied with one statement per table (`stageAll`), a closed
 * case's story told from the counts the events before it left; the facts a transaction journalled are then
 * folded into every live KPI version together (`flush`) by the backfill's writer (page-fold.ts):
 * gathered in memory, written as multi-row upserts, their cases scoped again in one statement. All in
 * the caller's transaction, so a crash repeats all of it or none. The rows are those of folding
 * fact by fact: observations and duration ends are kept by key and rule, and every scope and
 * duration is computed from the context as it stands after the transaction's last event.
 */
@Injectable()
export class KpiFolding {
  constructor(private readonly catalogue: KpiCatalogue) {}

  /**
   * Journals the facts of a batch of events and applies their context, in event order as far as
   * anything reads it, with one statement per table: a fact already journalled is passed over with
   * its context (a redelivery), a closed case's story is told from the counts the case had before
   * the batch plus those the batch's earlier events added, and the context is written after the
   * journal, gathered per table (context-store's applyContexts). The fold waits for `flush`.
   */
  async stageAll(tx: SqlExecutor, feds: readonly Fed[], pending: PendingFold): Promise<void> {
    if (feds.length === 0) return;
    await lockCustomers(tx, customerKeysOf(feds.flatMap((fed) => fed.context)));
    const given = feds.flatMap((fed) => (fed.fact === undefined ? [] : [fed.fact]));
    const journalled = await journalledAmong(tx, given.map((fact) => fact.eventId));
    const closed = [...new Set(given.flatMap((fact) => (fact.kind === 'CaseClosed' && fact.caseId !== null ? [fact.caseId] : [])))];
    const counts = await caseCountsOf(tx, closed);
    const { facts, changes } = toldInOrder(feds, journalled, counts);
    // Another transaction journalled one of these facts after the check: the stories told may miss its counts, so the batch goes again.
    if ((await journalAll(tx, facts)) !== facts.length) throw new Error('a fact of this batch was journalled meanwhile; the batch is to be handled again');
    await applyContexts(tx, changes);
    pending.add(facts, changes, await reattributeAll(tx, changes));
  }

  /**
   * Folds what `stageAll` journalled into every live KPI version; with `watch`, marks the hours whose
   * figures changed (the facts' own, and those of self-service answers a follow-up took out of deflection).
   */
  async flush(tx: SqlExecutor, pending: PendingFold, { watch = true }: { readonly watch?: boolean } = {}): Promise<void> {
    if (pending.empty) return;
    const definitions = await this.catalogue.live(tx);
    const remeasure = [...pending.reattributed];
    const removed = await writePages(tx, definitions.map((definition) => gatherPage(definition, pending.facts, { remeasure })));
    const marks: HourMark[] = [];
    if (watch)
      definitions.forEach((definition, index) => {
        for (const fact of pending.facts) if (contributionsOf(definition, fact).length > 0) marks.push({ definition, at: fact.at });
        for (const at of removed[index] ?? []) marks.push({ definition, at });
      });
    await rescopeCases(tx, [...pending.cases]);
    if (watch) await markHours(tx, marks);
  }

  /** One event on its own: staged and folded at once (the rebuild's replay, a handling outside a shared batch). */
  async record(tx: SqlExecutor, fed: Fed, options: { readonly watch?: boolean } = {}): Promise<void> {
    const pending = new PendingFold();
    await this.stageAll(tx, [fed], pending);
    await this.flush(tx, pending, options);
  }

}
