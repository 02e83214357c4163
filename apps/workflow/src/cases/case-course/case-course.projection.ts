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
    const changes = courseChangesOf(events);
    const batch = new CourseBatch(tx, await CourseRows.load(tx, [...casesOf(changes)]));
    await applyChanges(batch, changes);
    await batch.rows.save(tx);
  }
}

/** What the events change in cases' courses and in the clocks, in log order. */
export const courseChangesOf = (events: readonly RecordedEvent[]): CourseChange[] => {
  const changes: CourseChange[] = [];
  for (const event of events) {
    const change = courseChangeOf(event);
    if (change !== null) changes.push(change);
  }
  return changes;
};

/** The cases whose course the changes move. */
export const casesOf = (changes: readonly CourseChange[]): Set<string> => {
  const cases = new Set<string>();
  for (const change of changes) if (change.change !== 'holder') cases.add(change.caseId);
  return cases;
};

/** Applies the changes one by one in log order to the batch's rows in memory (and the directory as they come). */
export const applyChanges = async (batch: CourseBatch, changes: readonly CourseChange[]): Promise<void> => {
  for (const change of changes) {
    const apply = APPLIERS[change.change] as Apply<CourseChange['change']>;
    await apply(batch, change);
  }
};
