import type { RowStore } from '@collab/service-kit';
import type { CaseView } from './case-view.entity';

type ViewRow = Partial<CaseView> & Pick<CaseView, 'id' | 'version'>;

/**
 * The case view rows one batch touches: read in one statement, changed in memory in log order with
 * the same guards a statement per event had (registration inserts once; every other event moves a
 * row only to a later version of its stream), and written back in one upsert guarded by version.
 * Applying a batch twice therefore leaves the rows as once.
 */
export class CaseViewRows {
  private readonly rows = new Map<string, ViewRow>();
  private readonly changed = new Set<string>();

  private constructor(private readonly table: RowStore<CaseView>) {}

  static async load(table: RowStore<CaseView>, caseIds: readonly string[]): Promise<CaseViewRows> {
    const loaded = new CaseViewRows(table);
    for (const row of await table.whereIn('id', caseIds)) loaded.rows.set(row.id, row);
    return loaded;
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
    // The batch's own copy of the row: changed in place, written back once.
    Object.assign(row, changes, { version });
    this.changed.add(caseId);
  }

  save(): Promise<void> {
    return this.table.upsert(
      [...this.changed].map((id) => this.rows.get(id)! as CaseView),
      'version',
    );
  }
}
