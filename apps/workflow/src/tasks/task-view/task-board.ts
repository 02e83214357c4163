import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, In, type Repository } from 'typeorm';
import { NotFound, ValidationFailed } from '@collab/domain-kernel';
import type { EventStore } from '@collab/event-store';
import { EVENT_STORE, keyAfter, pageFromRows, type ListPage, type PageRequest, type Principal } from '@collab/service-kit';
import { collaborationTaskStreamId } from '@collab/workflow-domain';
import { CasePromise } from '../../cases/case-promise/case-promise.entity';
import { untilProjected } from '../../cases/read-your-writes';
import { TaskParties, type CallerUnits } from '../task-parties';
import { taskDetailsOf, type TaskDetails } from './task-details';
import { TaskView } from './task-view.entity';
import { taskViewOf } from './task-view.fold';

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
    if (!view || !TaskParties.canSee(caller, { fromUnit: view.fromUnit, targetId: view.targetId }))
      throw new NotFound('collaboration task', taskId);
    const promise = await this.promises.findOneBy({ caseId: view.caseId });
    return taskDetailsOf(view, promise?.caseNumber ?? null);
  }

  /**
   * The tasks addressed to the caller's unit (or partner) or asked by it, newest first. Internal
   * staff asking about one case see all of its tasks: the whole chain is visible on the case.
   */
  async list(principal: Principal, filter: TaskFilter): Promise<TaskPage> {
    const caller = await this.parties.of(principal);
    const wholeCase = filter.caseId !== undefined && caller.internalStaff;
    const after = taskKeyAfter(filter.after);
    if (!wholeCase && caller.ids.length === 0) return { items: [], page: { limit: filter.limit, next: null } };
    const query = this.views.createQueryBuilder('task');
    if (!wholeCase)
      query.where(
        new Brackets((sides) =>
          sides
            .where('task.targetId IN (:...ids)', { ids: caller.ids })
            .orWhere('task.fromUnit IN (:...ids)', { ids: caller.ids }),
        ),
      );
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

  private async caseNumbersOf(caseIds: readonly string[]): Promise<Map<string, string>> {
    if (caseIds.length === 0) return new Map();
    const promises = await this.promises.findBy({ caseId: In([...new Set(caseIds)]) });
    return new Map(promises.map((promise) => [promise.caseId, promise.caseNumber]));
  }
}
