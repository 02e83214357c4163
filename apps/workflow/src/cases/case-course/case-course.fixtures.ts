import type { JsonObject, RecordedEvent } from '@collab/event-store';
import {
  caseOutcomeFor,
  collaborationTaskDecider,
  collaborationTaskStreamId,
  taskCreationFor,
  taskHoldEndOf,
  workflowCaseDecider,
  workflowCaseStreamId,
  type ActorRef,
  type CaseSummary,
  type CollaborationTaskCommand,
  type CollaborationTaskEvent,
  type CollaborationTaskOpened,
  type WorkflowCaseCommand,
  type WorkflowCaseEvent,
  type WorkflowCaseState,
} from '@collab/workflow-domain';

/*
 * Whole case histories as workflow's log holds them: the case stream, the streams of the tasks it
 * opens (created by the collaboration process manager a moment after the case opens them) and the
 * outcomes recorded back on the case, interleaved as they happen. Every event is what a decider
 * accepted; a refused step leaves no trace. For the property that the projected course of a case
 * equals the fold of its streams.
 */

/** One step a test run tries: a kind of command, a pick among small pools of ids, and time passing. */
export interface Step {
  readonly kind: number;
  readonly pick: number;
  readonly minutesLater: number;
}

const agent: ActorRef = { id: 'agent-li', kind: 'user' };
const clerk: ActorRef = { id: 'clerk-wu', kind: 'user' };
const QUEUES = ['complaints', 'billing-desk', 'network-desk', 'lost-queue'];
/** Units, a partner and a stranger: a task's holder known, on a calendar known or not, or unknown. */
const TARGETS = [
  { kind: 'UNIT', id: 'billing' },
  { kind: 'UNIT', id: 'network' },
  { kind: 'PARTNER', id: 'partner-fi' },
  { kind: 'UNIT', id: 'nowhere' },
] as const;
const AGENTS = ['agent-li', 'agent-zhao'];
const RETURN_REASONS = ['WRONG_UNIT', 'INFO_MISSING'];

const summary = (caseId: string, priority: string, openedAt: Date): CaseSummary => ({
  caseId,
  channel: 'app',
  audience: 'EXTERNAL',
  requestType: 'COMPLAINT',
  category: 'billing/wrong-charge',
  region: 'GD-SZ',
  priority,
  language: 'zh-Hans',
  subject: '账单金额不对',
  description: '多扣了 30 元',
  requesterId: 'cust-1',
  openedAt: openedAt.toISOString(),
});

/** A case and its tasks, and the log they made, in order. */
export class CaseWorld {
  readonly log: RecordedEvent[] = [];
  private readonly caseEvents: WorkflowCaseEvent[] = [];
  private readonly tasks = new Map<string, CollaborationTaskEvent[]>();
  /** What the process manager has still to do: create a task stream, or record a task's end on the case. */
  private readonly reactions: (() => void)[] = [];
  private now: Date;

  constructor(
    readonly caseId: string,
    { priority, openedAt }: { priority: string; openedAt: Date },
  ) {
    this.now = openedAt;
    this.onCase({ type: 'RegisterAndRouteCase', summary: summary(caseId, priority, openedAt) });
  }

  get lastInstant(): Date {
    return this.now;
  }

  /** Tries one step; the process manager reacts when the step says so, so its lag varies. */
  take(step: Step): void {
    this.now = new Date(this.now.getTime() + step.minutesLater * 60_000);
    const react = () => this.react();
    const steps = [react, react, ...this.caseSteps(step), ...this.taskSteps(step)];
    steps[step.kind % steps.length]!();
  }

  /** Lets the process manager catch up, as it does a moment after the last request. */
  settle(): void {
    while (this.reactions.length > 0) this.react();
  }

  private react(): void {
    this.reactions.shift()?.();
  }

  private get state(): WorkflowCaseState {
    return this.caseEvents.reduce(workflowCaseDecider.evolve, workflowCaseDecider.initialState());
  }

  private caseSteps({ pick }: Step): (() => void)[] {
    const base = { caseId: this.caseId, actor: agent };
    const state = this.state;
    const queue = 'desk' in state && pick % 4 !== 0 ? state.desk.queue : QUEUES[pick % QUEUES.length]!;
    const owner = 'ownerId' in state ? state.ownerId : AGENTS[pick % 2]!;
    const assign = () => this.onCase({ ...base, type: 'AssignCase', queue, agentId: AGENTS[pick % 2]!, agentLoad: { load: 0, capacity: 5 }, overrideCapacity: false, reason: 'least load' });
    const start = () => this.onCase({ ...base, type: 'StartWork', actor: { id: owner, kind: 'user' } });
    const ask = () => this.onCase(this.collaboration(pick, state));
    // Weighted towards working the case: a transfer or a cancellation sets it back or ends it.
    return [
      assign,
      assign,
      start,
      start,
      ask,
      ask,
      ask,
      () => this.onCase({ ...base, type: 'TransferCase', to: { queue: QUEUES[pick % QUEUES.length]!, region: 'GD' }, reason: 'billing matter' }),
      () => this.onCase({ ...base, type: 'ResolveCase', resolutionCode: 'REFUNDED', knowledgeArticleIds: [], note: '已退款' }),
      () => this.onCase({ ...base, type: 'ConfirmResolution' }),
      () => this.onCase({ ...base, type: 'ReopenCase', ownerLoad: pick % 3 === 0 ? { load: 5, capacity: 5 } : { load: 0, capacity: 5 }, reason: '又被扣了' }),
      () => (pick % 10 === 0 ? this.onCase({ ...base, type: 'CancelCase', reason: '客户撤回' }) : undefined),
    ];
  }

  /** Help from a target, asked by the owner's queue or, for a chain, by the holder of an open task. */
  private collaboration(pick: number, state: WorkflowCaseState): WorkflowCaseCommand {
    const open = state.status === 'collaborating' ? state.openTasks : [];
    const parent = pick % 3 === 0 ? undefined : open[pick % Math.max(1, open.length)];
    return {
      type: 'RequestCollaboration',
      caseId: this.caseId,
      actor: parent ? clerk : agent,
      request: {
        taskId: `${this.caseId.slice(0, 8)}-task-${'taskIds' in state ? state.taskIds.length + 1 : 1}`,
        parentTaskId: parent?.taskId ?? null,
        to: { ...TARGETS[pick % TARGETS.length]!, region: 'GD' },
        reason: '请核实',
        sla: { calendarId: 'cn-standard', acceptWithinBusinessMinutes: 60, completeWithinBusinessMinutes: 480 },
        acceptDueAt: new Date(this.now.getTime() + 86_400_000).toISOString(),
        completeDueAt: new Date(this.now.getTime() + 2 * 86_400_000).toISOString(),
      },
    };
  }

  private taskSteps({ pick }: Step): (() => void)[] {
    const ids = [...this.tasks.keys()];
    const taskId = ids[pick % Math.max(1, ids.length)];
    if (taskId === undefined) return [];
    const created = this.tasks.get(taskId)![0]!;
    if (created.type !== 'CollaborationRequested') return [];
    const { to, from } = created.data;
    const base = { taskId, actor: clerk };
    const accept = () => this.onTask({ ...base, type: 'AcceptTask', byUnit: to.id });
    const complete = () => this.onTask({ ...base, type: 'CompleteTask', byUnit: to.id, result: '已处理' });
    return [
      accept,
      accept,
      complete,
      complete,
      () => this.onTask({ ...base, type: 'AddTaskNote', byUnit: to.id, note: '在查' }),
      () => this.onTask({ ...base, type: 'ReturnTask', byUnit: to.id, reasonCode: RETURN_REASONS[pick % 2]!, note: '不归我们' }),
      () => this.onTask({ ...base, type: 'WithdrawTask', byUnit: from.id, reason: '不需要了' }),
      () => this.onTask({ ...base, type: 'UrgeTask', byUnit: from.id, note: '请尽快' }),
    ];
  }

  private onCase(command: WorkflowCaseCommand): void {
    const state = this.state;
    let decided: readonly WorkflowCaseEvent[];
    try {
      decided = workflowCaseDecider.decide(command, state, { now: this.now });
    } catch {
      return; // Refused in this state: a real caller got a 409 and nothing was stored.
    }
    for (const event of decided) {
      this.caseEvents.push(event);
      this.record(workflowCaseStreamId(this.caseId), this.caseEvents.length, event);
      if (event.type === 'CollaborationTaskOpened') this.reactions.push(() => this.createTask(event));
      if (event.type === 'CaseCancelled') for (const taskId of event.data.openTaskIds) this.reactions.push(() => this.withdrawOnCancel(taskId));
    }
  }

  private createTask(opened: CollaborationTaskOpened): void {
    this.onTask(taskCreationFor(opened));
  }

  private withdrawOnCancel(taskId: string): void {
    const created = this.tasks.get(taskId)?.[0];
    if (created?.type === 'CollaborationRequested')
      this.onTask({ type: 'WithdrawTask', taskId, byUnit: created.data.from.id, reason: 'the case was cancelled', actor: agent });
  }

  private onTask(command: CollaborationTaskCommand): void {
    const taskId = command.type === 'CreateCollaborationTask' ? command.request.taskId : command.taskId;
    const events = this.tasks.get(taskId) ?? [];
    const state = events.reduce(collaborationTaskDecider.evolve, collaborationTaskDecider.initialState());
    let decided: readonly CollaborationTaskEvent[];
    try {
      decided = collaborationTaskDecider.decide(command, state, { now: this.now });
    } catch {
      return;
    }
    for (const event of decided) {
      events.push(event);
      this.tasks.set(taskId, events);
      this.record(collaborationTaskStreamId(taskId), events.length, event);
      const outcome = taskHoldEndOf(event) === null ? null : caseOutcomeFor(event);
      if (outcome) this.reactions.push(() => this.onCase(outcome));
    }
  }

  private record(streamId: string, streamVersion: number, event: WorkflowCaseEvent | CollaborationTaskEvent): void {
    const position = BigInt(this.log.length + 1);
    this.log.push({
      id: `${streamId}@${streamVersion}`,
      type: event.type,
      data: event.data as unknown as JsonObject,
      metadata: { correlationId: this.caseId, actor: agent },
      streamId,
      streamVersion,
      position,
      recordedAt: this.now,
    });
  }
}
