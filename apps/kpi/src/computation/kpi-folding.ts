import { Injectable } from '@nestjs/common';
import { rowsOf, type SqlExecutor } from '@collab/following';
import type { KpiDefinitionVersion, KpiFact } from '@collab/kpi-domain';
import { markWatched } from '../alerts/alert-watch';
import type { Fed } from '../facts/fed-fact';
import { applyContext, caseCounts, reattribute, rescopeCase } from './context-store';
import { foldFact, remeasureCase } from './fact-folding';
import { KpiCatalogue } from './kpi-catalogue';

/** A closed case was resolved at first contact when nothing else was needed: one contact, no reopening, no collaboration task. */
const withCaseStory = async (tx: SqlExecutor, fact: KpiFact): Promise<KpiFact> => {
  if (fact.kind !== 'CaseClosed' || fact.caseId === null) return fact;
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

const CHANGES_HOLDING = new Set(['CaseQueued', 'CaseReopened']);

/**
 * The incremental fold (DESIGN §4 "KPI definition"): a fact is journalled once by event id, its
 * context applied, and it is folded into every live KPI version — all in the caller's transaction,
 * so a crash repeats all of it or none.
 */
@Injectable()
export class KpiFolding {
  constructor(private readonly catalogue: KpiCatalogue) {}

  async record(tx: SqlExecutor, fed: Fed): Promise<void> {
    const fact = fed.fact === undefined ? undefined : await withCaseStory(tx, fed.fact);
    if (fact !== undefined && !(await journal(tx, fact))) return;
    for (const change of fed.context) await applyContext(tx, change);
    const definitions = await this.catalogue.live(tx);
    if (fact !== undefined) {
      await this.fold(tx, definitions, fact);
      await markWatched(tx, definitions, fact);
    }
    for (const change of fed.context) for (const caseId of await reattribute(tx, change)) await this.refresh(tx, definitions, caseId);
  }

  /** A case's attribution changed after its facts were folded: measured and scoped again. */
  private async refresh(tx: SqlExecutor, definitions: readonly KpiDefinitionVersion[], caseId: string): Promise<void> {
    await remeasureCase(tx, definitions, caseId);
    await rescopeCase(tx, caseId);
  }

  /** Folds a journalled fact into the given versions (live: all of them; a backfill: one). */
  async fold(tx: SqlExecutor, definitions: readonly KpiDefinitionVersion[], fact: KpiFact): Promise<void> {
    for (const definition of definitions) await foldFact(tx, definition, fact);
    if (fact.caseId === null) return;
    if (CHANGES_HOLDING.has(fact.kind)) await remeasureCase(tx, definitions, fact.caseId);
    await rescopeCase(tx, fact.caseId);
  }
}
