import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@collab/event-store';
import type { RebuildPass } from '@collab/following';
import type { RowStore } from '@collab/service-kit';
import { applyChanges, casesOf, courseChangesOf } from '../case-course/case-course.projection';
import { CourseRows } from '../case-course/course-rows';
import { CourseBatch, type KnownClocks } from '../case-course/holder-clocks';
import type { CaseView } from './case-view.entity';
import { CaseViewRows } from './case-view.rows';

/**
 * The case view's pass over the history in a rebuild (docs/adr/0011). The shadow tables have no
 * other writer, so the rows of the cases the log touched lately — view, legs, links — stay in
 * memory from one batch to the next and are written when the pass lets go of their case: the case
 * left untouched longest, once more than `heldCases` are held, and every case at the end. A case's
 * events mostly lie a few batches apart, so its rows are read never and written once, where batch
 * by batch they were read and written again in every batch the case straddled. A case let go of
 * and met again is read back, as a batch reads it. The clocks looked up stay known across batches
 * until the directory changes.
 *
 * A batch whose transaction failed is applied again to the rows as it left them: every change is
 * guarded as in `apply` (a row moves only to a later version, a leg opens and closes once), so the
 * rows come out as once; what it wrote counts as unwritten until a transaction commits.
 */
export class CaseViewRebuildPass implements RebuildPass<EntityManager> {
  private readonly views = new CaseViewRows();
  private readonly course = new CourseRows((caseId) => this.views.priorityOf(caseId));
  private readonly clocks: KnownClocks = new Map();
  /** The cases held, the one touched longest ago first. */
  private readonly held = new Set<string>();
  /** Cases written in the open transaction, let go of once it commits. */
  private lettingGo: ReadonlySet<string> = new Set();
  private uncommitted = false;

  constructor(
    private readonly viewsIn: (tx: EntityManager) => RowStore<CaseView>,
    private readonly show: (views: CaseViewRows, caseEvents: readonly RecordedEvent[]) => void,
    private readonly isCaseEvent: (event: RecordedEvent) => boolean,
    private readonly heldCases: number,
  ) {}

  async apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    this.begin();
    const caseEvents = events.filter(this.isCaseEvent);
    const changes = courseChangesOf(events);
    const touched = casesOf(changes);
    for (const event of caseEvents) touched.add(String(event.data['caseId']));
    const unheld = [...touched].filter((caseId) => !this.held.has(caseId));
    await this.views.add(this.viewsIn(tx), unheld);
    await this.course.add(tx, unheld);
    for (const caseId of touched) {
      this.held.delete(caseId);
      this.held.add(caseId);
    }
    this.show(this.views, caseEvents);
    await applyChanges(new CourseBatch(tx, this.course, this.clocks), changes);
    await this.write(tx, this.untouchedLongest(this.held.size - this.heldCases));
  }

  async flush(tx: EntityManager): Promise<void> {
    this.begin();
    await this.write(tx, new Set(this.held));
  }

  committed(): void {
    this.uncommitted = false;
    this.views.forget(this.lettingGo);
    this.course.forget(this.lettingGo);
    for (const caseId of this.lettingGo) this.held.delete(caseId);
    this.lettingGo = new Set();
  }

  /** A transaction starts; if the last one failed, the clocks it looked up may be of a directory it rolled back. */
  private begin(): void {
    if (this.uncommitted) this.clocks.clear();
    this.uncommitted = true;
    this.lettingGo = new Set();
  }

  private async write(tx: EntityManager, cases: ReadonlySet<string>): Promise<void> {
    this.lettingGo = cases;
    if (cases.size === 0) return;
    await this.views.save(this.viewsIn(tx), cases);
    await this.course.save(tx, cases);
  }

  private untouchedLongest(count: number): Set<string> {
    const cases = new Set<string>();
    if (count <= 0) return cases;
    for (const caseId of this.held) {
      if (cases.size === count) break;
      cases.add(caseId);
    }
    return cases;
  }
}
