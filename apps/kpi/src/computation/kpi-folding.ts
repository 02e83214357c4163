import { Injectable } from '@nestjs/common';
import { rowsOf, type SqlExecutor } from '@collab/following';
import type { KpiDefinitionVersion, KpiFact } from '@collab/kpi-domain';
import { markHour, markWatched } from '../alerts/alert-watch';
import { customerKeysOf } from '../facts/customer-keys';
import type { Fed } from '../facts/fed-fact';
import { applyContext, caseCounts, reattribute, rescopeCase } from './context-store';
import { foldFact, remeasureCase } from './fact-folding';
import { lockCustomers, settleFollowUps } from './follow-up-settling';
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

/** Another instant of a KPI version whose figure a fact changed. */
interface Changed {
  readonly definition: KpiDefinitionVersion;
  readonly at: string;
}

const CHANGES_HOLDING = new Set(['CaseQueued', 'CaseReopened']);

/**
 * The incremental fold (DESIGN §4 "KPI definition"): a fact is journalled once by event id, its
 * context applied, and it is folded into every live KPI version — all in the caller's transaction,
 * so a crash repeats all of it or none.
 */
@Injectable()
export class KpiFolding {
  constructor(private readonly catalogue: KpiCatalogue) {}

  async record(tx: SqlExecutor, fed: Fed, { watch = true }: { readonly watch?: boolean } = {}): Promise<void> {
    await lockCustomers(tx, customerKeysOf(fed.context));
    const fact = await withCaseStory(tx, fed.fact);
    if (fact !== undefined && !(await journal(tx, fact))) return;
    for (const change of fed.context) await applyContext(tx, change);
    const definitions = await this.catalogue.live(tx);
    if (fact !== undefined) {
      const changed = await this.fold(tx, definitions, fact);
      if (watch) await this.watch(tx, definitions, fact, changed);
    }
    for (const change of fed.context) for (const caseId of await reattribute(tx, change)) await this.refresh(tx, definitions, caseId);
  }

  /** Marks the hours whose figures the fact changed, for the alert check after the commit. */
  private async watch(tx: SqlExecutor, definitions: readonly KpiDefinitionVersion[], fact: KpiFact, changed: readonly Changed[]): Promise<void> {
    await markWatched(tx, definitions, fact);
    for (const { definition, at } of changed) await markHour(tx, definition, at);
  }

  /** A case's attribution changed after its facts were folded: measured and scoped again. */
  private async refresh(tx: SqlExecutor, definitions: readonly KpiDefinitionVersion[], caseId: string): Promise<void> {
    await remeasureCase(tx, definitions, caseId);
    await rescopeCase(tx, caseId);
  }

  /**
   * Folds a journalled fact into the given versions; answers the other instants whose figures it
   * changed (self-service answers it took out of deflection).
   */
  async fold(tx: SqlExecutor, definitions: readonly KpiDefinitionVersion[], fact: KpiFact): Promise<Changed[]> {
    const changed: Changed[] = [];
    for (const definition of definitions) {
      await foldFact(tx, definition, fact);
      for (const at of await settleFollowUps(tx, definition, [fact])) if (at !== fact.at) changed.push({ definition, at });
    }
    if (fact.caseId === null) return changed;
    if (CHANGES_HOLDING.has(fact.kind)) await remeasureCase(tx, definitions, fact.caseId);
    await rescopeCase(tx, fact.caseId);
    return changed;
  }
}
