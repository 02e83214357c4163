import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '@collab/service-kit';
import type { TaskStatusWord } from '@collab/domain-kernel';
import type { CollaborationTarget } from '@collab/workflow-domain';
import type { CaseView } from '../case-view/case-view.entity';
import { chainOfLinks, type Link } from '../get-case/case-chain';
import type { CaseCourse } from '../get-case/case-details';
import { heldMinutes, type CaseLeg } from '../get-case/case-legs';
import type { LegRow, LinkRow } from './case-course.tables';

const linkOf = (row: LinkRow): Link => ({
  taskId: row.task_id,
  parentTaskId: row.parent_task_id,
  from: { kind: row.from_kind, id: row.from_unit },
  to: row.target,
  reason: row.reason,
  status: row.status as TaskStatusWord,
  openedAt: row.opened_at.toISOString(),
  openedBy: row.opened_by,
  acceptDueAt: row.accept_due_at.toISOString(),
  completeDueAt: row.complete_due_at.toISOString(),
  closedAt: row.closed_at?.toISOString() ?? null,
  closedBy: row.closed_by,
  outcomeReason: row.outcome_reason,
});

/** A stored leg as the case shows it: a closed leg with its stored minutes, an open one measured up to `now`. */
/** A leg's holder: the queue on the main line, the task's target (a unit or a partner) on a task's leg. */
const legOf = (row: LegRow, targets: ReadonlyMap<string, CollaborationTarget>, priority: string, now: Date): CaseLeg => ({
  holder: { kind: row.kind === 'CASE' ? 'QUEUE' : (targets.get(row.task_id ?? '')?.kind ?? 'UNIT'), id: row.unit },
  kind: row.kind,
  taskId: row.task_id,
  parentTaskId: row.parent_task_id,
  from: row.from_at.toISOString(),
  to: row.to_at?.toISOString() ?? null,
  clockHolder: row.clock_holder_id === null ? null : { kind: row.clock_holder_kind ?? 'UNIT', id: row.clock_holder_id },
  calendarId: row.calendar_id,
  heldMinutes: row.held_minutes ?? heldMinutes(row.calendar, { from: row.from_at, until: now }, priority),
  measuredIn: row.measured_in,
  note: row.note,
});

/**
 * The case's legs and chain from its stored rows, shown as the stream fold shows them: links in the
 * order the case opened the tasks; legs by start, the main line first at the same instant, then in
 * the order the queues took the case and the tasks were opened. A task's leg shows once the case
 * has the task (as the fold reads only the task streams the case names).
 */
export const courseOfRows = (rows: { legs: readonly LegRow[]; links: readonly LinkRow[] }, priority: string, now: Date): Omit<CaseCourse, 'asOf'> => {
  const links = [...rows.links].sort((a, b) => a.ordinal - b.ordinal);
  const opened = new Map(links.map((link) => [link.task_id, link.ordinal]));
  const targets = new Map(links.map((link) => [link.task_id, link.target]));
  const rank = (row: LegRow): [number, number, number] => [row.from_at.getTime(), row.kind === 'CASE' ? 0 : 1, row.ordinal ?? opened.get(row.task_id ?? '') ?? 0];
  const legs = rows.legs
    .filter((row) => row.kind === 'CASE' || opened.has(row.task_id ?? ''))
    .map((row) => ({ row, rank: rank(row) }))
    .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.rank[2] - b.rank[2])
    .map(({ row }) => legOf(row, targets, priority, now));
  return { legs, chain: chainOfLinks(links.map(linkOf)) };
};

/** The legs and chain of a case as the case-view projection keeps them: two indexed reads, no stream. */
@Injectable()
export class ProjectedCourses {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async of(view: CaseView): Promise<CaseCourse> {
    const [legs, links] = await Promise.all([
      this.dataSource.query<LegRow[]>(
        `select leg_key, kind, unit, task_id, parent_task_id, ordinal, from_at, to_at, clock_holder_id, clock_holder_kind, calendar_id,
                measured_in, note, calendar, held_minutes
           from workflow.case_leg where case_id = $1`,
        [view.id],
      ),
      this.dataSource.query<LinkRow[]>(
        `select task_id, parent_task_id, from_unit, from_kind, target, reason, status, opened_at, opened_by, accept_due_at,
                complete_due_at, closed_at, closed_by, outcome_reason, ordinal
           from workflow.case_task_link where case_id = $1`,
        [view.id],
      ),
    ]);
    return { asOf: null, ...courseOfRows({ legs, links }, view.priority, this.clock.now()) };
  }
}
