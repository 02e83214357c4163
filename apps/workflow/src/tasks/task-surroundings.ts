import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, PLATFORM_CONFIG, type Clock, type PlatformConfig } from '@collab/service-kit';
import {
  openTasksBelow,
  workflowCaseStreamId,
  type CollaborationTaskCommand,
  type OpenDescendant,
  type TaskDecisionContext,
  type TaskParties,
} from '@collab/workflow-domain';
import { CaseCommandHandler } from '../cases/case-command-handler';
import { ReturnReasons } from './return-reasons/return-reasons';

const RULED: ReadonlySet<CollaborationTaskCommand['type']> = new Set(['UrgeTask', 'CompleteTask', 'ReturnTask']);

/** What the task rules need to know beyond the task's own stream, for one command. */
export interface TaskSurroundings {
  readonly context: Omit<TaskDecisionContext, 'now' | 'returnReasons'>;
  /** The open tasks below the task, for a parent that ends by withdrawing them. */
  readonly openBelow: readonly OpenDescendant[];
}

/**
 * The task decider's context. For a party's command it also looks up what the rules decide on besides the task itself: the
 * case's owner (who may urge), the tasks still open below it in the case's chain (a parent does not
 * end behind their backs) and the configured urge interval.
 */
@Injectable()
export class TaskSurroundingsLookup {
  constructor(
    private readonly cases: CaseCommandHandler,
    private readonly returnReasons: ReturnReasons,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The decision context of any task command: now, the managed return reasons, and what was looked up around it. */
  async context(around?: TaskSurroundings): Promise<TaskDecisionContext> {
    return { ...around?.context, now: this.clock.now(), returnReasons: await this.returnReasons.current() };
  }

  async of(
    command: CollaborationTaskCommand,
    task: TaskParties,
    isOpen: (taskId: string) => Promise<boolean>,
  ): Promise<TaskSurroundings> {
    // Only an urge and a parent's ending have rules about the task's surroundings: the rest read nothing more.
    if (!RULED.has(command.type)) return { context: {}, openBelow: [] };
    const { state } = await this.cases.load(workflowCaseStreamId(task.caseId));
    const caseOwnerId = 'ownerId' in state ? state.ownerId : null;
    const context = { caseOwnerId, urgeIntervalMinutes: this.config.WORKFLOW_URGE_INTERVAL_MINUTES };
    if (command.type !== 'CompleteTask' && command.type !== 'ReturnTask') return { context, openBelow: [] };
    // The case learns of a task's end a moment after the task's own stream: the streams decide.
    const listed = openTasksBelow(task.taskId, state.status === 'collaborating' ? state.openTasks : []);
    const stillOpen = await Promise.all(listed.map((below) => isOpen(below.taskId)));
    const openBelow = listed.filter((_below, index) => stillOpen[index]);
    return { context: { ...context, openChildTaskIds: openBelow.map((below) => below.taskId) }, openBelow };
  }
}
