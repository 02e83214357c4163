import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@collab/event-store';
import { courseChangeOf, type CourseChange } from './case-course.changes';
import { closeLink, moveTask, openLink, releaseMain, releaseTask, takeMain, takeTask } from './course-writes';
import { CourseRows } from './course-rows';
import { CourseBatch } from './holder-clocks';

type Apply<Kind extends CourseChange['change']> = (batch: CourseBatch, change: Extract<CourseChange, { change: Kind }>) => Promise<unknown>;
type Appliers = { readonly [Kind in CourseChange['change']]: Apply<Kind> };

const APPLIERS: Appliers = {
  take: takeMain,
  release: releaseMain,
  'link-opened': openLink,
  'link-closed': closeLink,
  'task-taken': takeTask,
  'task-released': releaseTask,
  'task-moved': moveTask,
  holder: (batch, change) => batch.keepHolder(change),
};

/**
 * Keeps the legs and the chain of every case (case-course.tables.ts) from the case, task and org
 * events of workflow's log. A plain class over `(events, tx)`: the case-view projection runs it in
 * its own transaction, so the course is exactly as current as the case view and its checkpoint.
 * Events are applied one by one in log order, to the batch's rows in memory (a leg's clock is the
 * directory as of its event: directory changes are written as they come); the rows are read before
 * and written after, a statement per table.
 */
export class CaseCourseProjection {
  async apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    const changes = events.map(courseChangeOf).filter((change): change is CourseChange => change !== null);
    const caseIds = new Set(changes.flatMap((change) => (change.change === 'holder' ? [] : [change.caseId])));
    const batch = new CourseBatch(tx, await CourseRows.load(tx, [...caseIds]));
    for (const change of changes) {
      const apply = APPLIERS[change.change] as Apply<CourseChange['change']>;
      await apply(batch, change);
    }
    await batch.rows.save(tx);
  }
}
