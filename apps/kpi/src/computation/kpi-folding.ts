import { Injectable } from '@nestjs/common';
import { rowsOf, type SqlExecutor } from '@collab/following';
import { contributionsOf, type KpiFact } from '@collab/kpi-domain';
import { markHours, type HourMark } from '../alerts/alert-watch';
import { gatherPage, writePage } from '../backfill/page-fold';
import { customerKeysOf } from '../facts/customer-keys';
import type { Fed } from '../facts/fed-fact';
import { applyContext, caseCounts, reattribute, rescopeCases } from './context-store';
import { lockCustomers } from './follow-up-settling';
import { KpiCatalogue } from './kpi-catalogue';

/** A closed case was resolved at first contact when nothing else was needed: one contact, no reopening, no collaboration task. */
const withCaseStory = async (tx: SqlExecutor, fact: KpiFact | undefined): Promise<KpiFact | undefined> => {
  if (fact?.kind !== 'CaseClosed' || fact.caseId === null) return fact;
  const counts = await caseCounts(tx, fact.caseId);
  return { ...fact, attrs: { ...fact.attrs, firstContact: counts.contacts <= 1 && counts.reopens === 0 && counts.tasks === 0 } };
};

/** Journals the fact once by its event id; false when it was folded before (a redelivery, another replica, another consumer). */
const journal = async (tx: SqlExecutor, fact: KpiFact): Promise<boolean> =>
  rowsOf(
    await tx.query(
      `insert into kpi.fact (event_id, kind, at, case_id, task_id, dims, attrs) values ($1, $2, $3, $4, $5, $6, $7) on conflict (event_id) do nothing returning event_id`,
      [fact.eventId, fact.kind, fact.at, fact.caseId, fact.taskId, JSON.stringify(fact.dims), JSON.stringify(fact.attrs)],
    ),
  ).length === 1;

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

  get empty(): boolean {
    return this.facts.length === 0 && this.cases.size === 0;
  }
}

/**
 * The incremental fold (DESIGN §4 "KPI definition"), batch-shaped: each fact is journalled once by
 * event id and its context applied as it arrives (`stage`), in event order, since a closed case's
 * story reads the counts the events before it left; the facts a transaction journalled are then
 * folded into every live KPI version together (`flush`) by the backfill's writer (page-fold.ts):
 * gathered in memory, written as multi-row upserts, their cases scoped again in one statement. All in
 * the caller's transaction, so a crash repeats all of it or none. The rows are those of folding
 * fact by fact: observations and duration ends are kept by key and rule, and every scope and
 * duration is computed from the context as it stands after the transaction's last event.
 */
@Injectable()
export class KpiFolding {
  constructor(private readonly catalogue: KpiCatalogue) {}

  /** Journals one event's fact and applies its context; the fold waits for `flush`. */
  async stage(tx: SqlExecutor, fed: Fed, pending: PendingFold): Promise<void> {
    await lockCustomers(tx, customerKeysOf(fed.context));
    const fact = await withCaseStory(tx, fed.fact);
    if (fact !== undefined && !(await journal(tx, fact))) return;
    for (const change of fed.context) await applyContext(tx, change);
    if (fact !== undefined) {
      pending.facts.push(fact);
      if (fact.caseId !== null) pending.cases.add(fact.caseId);
    }
    for (const change of fed.context) {
      if ('caseId' in change) pending.cases.add(change.caseId);
      for (const caseId of await reattribute(tx, change)) {
        pending.cases.add(caseId);
        pending.reattributed.add(caseId);
      }
    }
  }

  /**
   * Folds what `stage` journalled into every live KPI version; with `watch`, marks the hours whose
   * figures changed (the facts' own, and those of self-service answers a follow-up took out of deflection).
   */
  async flush(tx: SqlExecutor, pending: PendingFold, { watch = true }: { readonly watch?: boolean } = {}): Promise<void> {
    if (pending.empty) return;
    const definitions = await this.catalogue.live(tx);
    const marks: HourMark[] = [];
    for (const definition of definitions) {
      const page = gatherPage(definition, pending.facts, { remeasure: [...pending.reattributed] });
      const removed = await writePage(tx, definition, page);
      if (!watch) continue;
      for (const fact of pending.facts) if (contributionsOf(definition, fact).length > 0) marks.push({ definition, at: fact.at });
      for (const at of removed) marks.push({ definition, at });
    }
    await rescopeCases(tx, [...pending.cases]);
    if (watch) await markHours(tx, marks);
  }

  /** One event on its own: staged and folded at once (the rebuild's replay, a handling outside a shared batch). */
  async record(tx: SqlExecutor, fed: Fed, options: { readonly watch?: boolean } = {}): Promise<void> {
    const pending = new PendingFold();
    await this.stage(tx, fed, pending);
    await this.flush(tx, pending, options);
  }

}
