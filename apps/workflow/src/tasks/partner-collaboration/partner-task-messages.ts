import { Injectable } from '@nestjs/common';
import type { workflowV1 } from '@collab/contracts';
import { CaseFacts } from '../../cases/case-facts';
import { SlaClocks } from '../../sla/sla.providers';
import type { TaskView } from '../task-view/task-view.entity';
import { partnerTaskOf } from './partner-task.message';

/** Tasks as contract messages, with the case facts and each task's highest escalation level read for all of them at once. */
@Injectable()
export class PartnerTaskMessages {
  constructor(
    private readonly cases: CaseFacts,
    private readonly clocks: SlaClocks,
  ) {}

  async of(tasks: readonly TaskView[]): Promise<workflowV1.CollaborationTask[]> {
    if (tasks.length === 0) return [];
    const [facts, clocks] = await Promise.all([
      this.cases.of(tasks.map((task) => task.caseId)),
      this.clocks.forTasks(tasks.map((task) => task.id)),
    ]);
    const levels = new Map<string, number>();
    for (const clock of clocks)
      if (clock.taskId)
        levels.set(clock.taskId, Math.max(levels.get(clock.taskId) ?? 0, clock.escalationLevel));
    return tasks.map((task) => partnerTaskOf(task, facts.get(task.caseId), levels.get(task.id) ?? 0));
  }
}
