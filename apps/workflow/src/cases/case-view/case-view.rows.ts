import type { RowStore } from '@collab/service-kit';
import type { CaseView } from './case-view.entity';

type ViewRow = Partial<CaseView> & Pick<CaseView, 'id' | 'version'>;

/**
 * The case view rows one batch touches (or, in a rebuild, the cases held across batches): read in
 * one statement, changed in memory in log order with the same guards a statement per event had
 * (registration inserts once; every other event moves a row only to a later version of its
 * stream), and written back in one upsert guarded by version. Applying a batch twice therefore
 * leaves the rows as once.
 */
export class CaseViewRows {
  private readonly rows = new Map<string, ViewRow>();
  private readonly changed = new Set<string>();

  static async load(table: RowStore<CaseView>, caseIds: readonly string[]): Promise<CaseViewRows> {
    const loaded = new CaseViewRows();
    await loaded.add(table, caseIds);
    return loaded;
  }

  /** Reads the stored rows of cases not held yet (a case without a row stays without one). */
  async add(table: RowStore<CaseView>, caseIds: readonly string[]): Promise<void> {
    for (const row of await table.whereIn('id', caseIds)) this.rows.set(row.id, row);
  }

  /** A case registered: its row, unless the row is there already (a replay). */
  register(row: ViewRow): void {
    if (this.rows.has(row.id)) return;
    this.rows.set(row.id, row);
    this.changed.add(row.id);
  }

  /** An event of the case's stream at `version`: shown if the row has not seen it. */
  change(caseId: string, version: number, changes: Partial<CaseView>): void {
    const row = this.rows.get(caseId);
    if (!row || row.version >= version) return;
    // The held copy of the row: changed in place, written back once.
    Object.assign(row, changes, { version });
    this.changed.add(caseId);
  }

  /** The case's priority as its row says; none while the case has no row. */
  priorityOf(caseId: string): string | undefined {
    return this.rows.get(caseId)?.priority;
  }

  /** Writes the changed rows, of every case held or of `caseIds` only; they count as changed until forgotten. */
  save(table: RowStore<CaseView>, caseIds: Iterable<string> = this.changed): Promise<void> {
    const changed: CaseView[] = [];
    for (const id of caseIds) if (this.changed.has(id)) changed.push(this.rows.get(id)! as CaseView);
    return table.upsert(changed, 'version');
  }

  /** Lets go of cases whose rows are written (and committed). */
  forget(caseIds: Iterable<string>): void {
    for (const id of caseIds) {
      this.rows.delete(id);
      this.changed.delete(id);
    }
  }
}
