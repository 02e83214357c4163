import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, In, type Repository } from 'typeorm';
import { NotFound, ValidationFailed, scopeCovers, scopeCoversSides, scopeIsEmpty } from '@collab/domain-kernel';
import type { EventStore } from '@collab/event-store';
import { EVENT_STORE, keyAfter, pageFromRows, type ListPage, type PageRequest, type Principal } from '@collab/service-kit';
import { collaborationTaskStreamId } from '@collab/workflow-domain';
import { CasePromise } from '../../cases/case-promise/case-promise.entity';
import { untilProjected } from '../../cases/read-your-writes';
import { TaskParties, type CallerUnits, type TaskSides } from '../task-parties';
import { taskDetailsOf } from './task-details';
import { TaskView } from './task-view.entity';
import { taskViewOf } from './task-view.fold';
import type { TaskDetails } from '../task.answers';

export interface TaskFilter extends PageRequest {
  readonly status?: string;
  readonly caseId?: string;
}

export type TaskPage = ListPage<TaskDetails>;

/** The cursor's key: the last shown task's `requestedAt|id`, the order the list is read in. */
const keyOfTask = (view: TaskView): string => `${view.requestedAt.toISOString()}|${view.id}`;

const taskKeyAfter = (after: string | undefined): { readonly requestedAt: Date; readonly id: string } | undefined => {
  const key = keyAfter(after);
  if (key === undefined) return undefined;
  const [requestedAt = '', id = '', ...rest] = key.split('|');
  if (rest.length > 0 || id === '' || Number.isNaN(Date.parse(requestedAt)))
    throw new ValidationFailed([{ field: 'after', message: 'must be a cursor from an earlier page' }]);
  return { requestedAt: new Date(requestedAt), id };
};

/** A case one of `:...partOf` takes part in: it holds or asked one of the case's tasks. */
const CASES_TAKEN_PART_IN = `select part.case_id from workflow.task_view part
  where part.target_id in (:...partOf) or part.from_unit in (:...partOf)`;

/** The SQL form of scopeCovers (a scope that is not empty): held by one of `held`, asked by one of `asked`, or of a case taken part in. */
const withinScope = ({ held, asked, partOf }: { held: readonly string[]; asked: readonly string[]; partOf: readonly string[] }): Brackets =>
  new Brackets((sides) => {
    if (held.length > 0) sides.orWhere('task.targetId IN (:...held)', { held });
    if (asked.length > 0) sides.orWhere('task.fromId IN (:...asked)', { asked });
    if (partOf.length > 0) sides.orWhere(`task.caseId IN (${CASES_TAKEN_PART_IN})`, { partOf });
  });

/** Reads the task view for a caller: only tasks the caller may see, with the case's number. */
@Injectable()
export class TaskBoard {
  constructor(
    @InjectRepository(TaskView) private readonly views: Repository<TaskView>,
    @InjectRepository(CasePromise) private readonly promises: Repository<CasePromise>,
    private readonly parties: TaskParties,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** Whom the caller acts for: their unit (with its queues) or partner. */
  callerUnits(principal: Principal): Promise<CallerUnits> {
    return this.parties.of(principal);
  }

  /**
   * One task; not found for a caller who may not see it, so ids leak nothing. `atLeastVersion` is a
   * command's answer: the task as that command left it. When the view has not caught up within the
   * patience — the projections run in whichever replica holds their lease, and may lag under load —
   * the answer is folded from the task's stream: a command that was done is never answered 404 (a
   * client would send it again, and a note would be kept twice).
   */
  async one(taskId: string, principal: Principal, atLeastVersion = 0): Promise<TaskDetails> {
    if (atLeastVersion > 0)
      await untilProjected(async () => (await this.views.findOneBy({ id: taskId }))?.version, atLeastVersion);
    const projected = await this.views.findOneBy({ id: taskId });
    const view =
      atLeastVersion > (projected?.version ?? 0) ? taskViewOf(await this.store.readStream(collaborationTaskStreamId(taskId))) : projected;
    const caller = await this.parties.of(principal);
    if (!view || !(await this.visible(caller, view))) throw new NotFound('collaboration task', taskId);
    const promise = await this.promises.findOneBy({ caseId: view.caseId });
    return taskDetailsOf(view, promise?.caseNumber ?? null);
  }

  /**
   * The tasks the caller may read (the task scope policy: addressed to or asked by their unit or
   * partner, and for staff what lies under their unit), newest first, optionally of one case.
   */
  async list(principal: Principal, filter: TaskFilter): Promise<TaskPage> {
    const { scope } = await this.parties.of(principal);
    const after = taskKeyAfter(filter.after);
    if (scopeIsEmpty(scope)) return { items: [], page: { limit: filter.limit, next: null } };
    const query = this.views.createQueryBuilder('task');
    if (scope.reach === 'sides') query.where(withinScope(scope));
    if (filter.caseId !== undefined) query.andWhere('task.caseId = :caseId', { caseId: filter.caseId });
    if (filter.status !== undefined) query.andWhere('task.status = :status', { status: filter.status });
    if (after !== undefined)
      query.andWhere(
        new Brackets((later) =>
          later
            .where('task.requestedAt < :afterAt', { afterAt: after.requestedAt })
            .orWhere('(task.requestedAt = :afterAt and task.id > :afterId)', { afterAt: after.requestedAt, afterId: after.id }),
        ),
      );
    const rows = await query.orderBy('task.requestedAt', 'DESC').addOrderBy('task.id', 'ASC').limit(filter.limit + 1).getMany();
    const numbers = await this.caseNumbersOf(rows.slice(0, filter.limit).map((view) => view.caseId));
    return pageFromRows(rows, filter, keyOfTask, (view) => taskDetailsOf(view, numbers.get(view.caseId) ?? null));
  }

  /**
   * The task scope policy for one task: by its own sides, else by the caller's part in its case
   * (read from the view; the task itself counts, though the view may not hold it yet).
   */
  async visible(caller: CallerUnits, task: TaskSides & { readonly caseId: string }): Promise<boolean> {
    if (scopeCoversSides(caller.scope, task)) return true;
    if (caller.scope.reach === 'all' || caller.scope.partOf.length === 0) return false;
    const others = await this.views.find({ select: { fromId: true, targetId: true }, where: { caseId: task.caseId } });
    return scopeCovers(caller.scope, task, [task, ...others]);
  }

  private async caseNumbersOf(caseIds: readonly string[]): Promise<Map<string, string>> {
    if (caseIds.length === 0) return new Map();
    const promises = await this.promises.findBy({ caseId: In([...new Set(caseIds)]) });
    return new Map(promises.map((promise) => [promise.caseId, promise.caseNumber]));
  }
}
