import { randomUUID } from 'node:crypto';
import type { Decider, DomainEvent } from '@collab/domain-kernel';
import {
  caseOutcomeFor,
  collaborationTaskDecider,
  collaborationTaskStreamId,
  DEFAULT_QUEUES,
  DEFAULT_UNITS,
  NOTHING_KNOWN,
  queueDecider,
  queueStreamId,
  taskCreationFor,
  unitDecider,
  unitStreamId,
  workflowCaseDecider,
  workflowCaseStreamId,
  type ActorRef,
  type CollaborationTaskCommand,
  type CollaborationTaskEvent,
  type KnownParties,
  type WorkflowCaseCommand,
  type WorkflowCaseEvent,
  type WorkflowCaseState,
} from '@collab/workflow-domain';

/*
 * Workflow's log as a busy deployment writes it, decided by the real deciders (so every event has
 * the shape and the order the platform gives it): the default directory, then cases that are
 * routed, taken by an agent, worked, helped by a department or a partner (accepted, noted,
 * completed or returned), sometimes transferred or reopened, resolved and closed. Cases overlap in
 * time, so a batch of the log touches many cases, as it does live.
 */

/** One event as it goes into workflow.events. */
export interface LogRow {
  readonly streamId: string;
  readonly streamVersion: number;
  readonly type: string;
  readonly data: object;
  readonly metadata: object;
  readonly recordedAt: Date;
}

const agent: ActorRef = { id: 'agent-li', kind: 'user' };
const clerk: ActorRef = { id: 'clerk-wu', kind: 'user' };
const SEED: ActorRef = { id: 'workflow.seed', kind: 'system' };
const TARGETS = [
  { kind: 'UNIT', id: 'billing', region: 'CN' },
  { kind: 'UNIT', id: 'network', region: 'CN' },
] as const;
const QUEUES = DEFAULT_QUEUES.map((queue) => queue.queueId);

/** A stream decided command by command, its events recorded as they come. */
class Stream<C, E extends DomainEvent, S, X> {
  private state: S;
  private version = 0;

  constructor(
    readonly id: string,
    private readonly decider: Decider<C, E, S, X>,
    private readonly out: (row: LogRow) => void,
  ) {
    this.state = decider.initialState();
  }

  get current(): S {
    return this.state;
  }

  /** Decides and records; a refused command leaves no trace, as a 409 does. */
  run(command: C, context: X, at: Date): readonly E[] {
    let events: readonly E[];
    try {
      events = this.decider.decide(command, this.state, context);
    } catch {
      return [];
    }
    for (const event of events) {
      this.state = this.decider.evolve(this.state, event);
      this.version += 1;
      this.out({ streamId: this.id, streamVersion: this.version, type: event.type, data: event.data as object, metadata: { correlationId: this.id, actor: agent }, recordedAt: at });
    }
    return events;
  }
}

/** The default units and queues, as the org seeder defines them at a platform's first start. */
export const directoryLog = (at: Date): LogRow[] => {
  const rows: LogRow[] = [];
  const known: { units: Record<string, KnownParties['units'][string]>; queues: Record<string, KnownParties['queues'][string]> } = { units: {}, queues: {} };
  for (const unit of DEFAULT_UNITS) {
    new Stream(unitStreamId(unit.unitId), unitDecider, (row) => rows.push(row)).run(unit, { now: at, known: { ...NOTHING_KNOWN, ...known } }, at);
    const parent = unit.parentId === null ? undefined : known.units[unit.parentId];
    known.units[unit.unitId] = { id: unit.unitId, level: unit.level, ancestorIds: parent ? [parent.id, ...parent.ancestorIds] : [] };
  }
  for (const queue of DEFAULT_QUEUES)
    new Stream(queueStreamId(queue.queueId), queueDecider, (row) => rows.push({ ...row, metadata: { correlationId: row.streamId, actor: SEED } })).run(queue, { now: at, known: { ...NOTHING_KNOWN, ...known } }, at);
  return rows;
};

const minutes = (at: Date, count: number): Date => new Date(at.getTime() + count * 60_000);

/** One case's whole history from its opening at `openedAt`; `n` varies the path it takes. */
export const caseLog = (n: number, openedAt: Date): LogRow[] => {
  const rows: LogRow[] = [];
  const caseId = randomUUID();
  const theCase = new Stream<WorkflowCaseCommand, WorkflowCaseEvent, WorkflowCaseState, { now: Date }>(workflowCaseStreamId(caseId), workflowCaseDecider, (row) => rows.push(row));
  let at = openedAt;
  const onCase = (command: WorkflowCaseCommand, later = 7) => theCase.run(command, { now: (at = minutes(at, later)) }, at);
  const base = { caseId, actor: agent };
  const summary = {
    caseId, channel: 'app', audience: 'EXTERNAL', requestType: 'COMPLAINT', category: 'billing/wrong-charge', region: 'GD-SZ',
    priority: n % 7 === 0 ? 'URGENT' : 'NORMAL', language: 'zh-Hans', subject: '账单金额不对', description: `本月账单多扣了 ${n % 90} 元，请核实。`,
    requesterId: `cust-${n % 50_000}`, openedAt: openedAt.toISOString(),
  };
  onCase({ type: 'RegisterAndRouteCase', summary, fallback: { queue: QUEUES[n % QUEUES.length]!, ruleId: 'bench' } }, 0);
  const queue = (): string => ('desk' in theCase.current ? theCase.current.desk.queue : QUEUES[0]!);
  if (n % 5 === 0) onCase({ ...base, type: 'TransferCase', to: { queue: QUEUES[(QUEUES.indexOf(queue()) + 1) % QUEUES.length]! }, reason: 'billing matter' });
  onCase({ ...base, type: 'AssignCase', queue: queue(), agentId: `agent-${n % 40}`, agentLoad: { load: 0, capacity: 50 }, overrideCapacity: false, reason: 'least load' });
  onCase({ ...base, type: 'StartWork', actor: { id: `agent-${n % 40}`, kind: 'user' } });
  if (n % 2 === 0) askForHelp(n, { onCase, rows, caseId, now: () => (at = minutes(at, 30)) });
  // A returned task hands the case back to its owner, who takes it up again.
  onCase({ ...base, type: 'StartWork', actor: { id: `agent-${n % 40}`, kind: 'user' } });
  onCase({ ...base, type: 'ResolveCase', resolutionCode: 'REFUNDED', knowledgeArticleIds: [], note: '已退款' }, 60);
  if (n % 9 === 0) onCase({ ...base, type: 'ReopenCase', ownerLoad: { load: 0, capacity: 50 }, reason: '又被扣了' }, 120);
  if (n % 9 === 0) onCase({ ...base, type: 'StartWork', actor: { id: `agent-${n % 40}`, kind: 'user' } });
  if (n % 9 === 0) onCase({ ...base, type: 'ResolveCase', resolutionCode: 'REFUNDED', knowledgeArticleIds: [], note: '再次退款' }, 60);
  onCase({ ...base, type: 'ConfirmResolution' }, 240);
  return rows;
};

interface HelpContext {
  readonly onCase: (command: WorkflowCaseCommand, later?: number) => readonly WorkflowCaseEvent[];
  readonly rows: LogRow[];
  readonly caseId: string;
  readonly now: () => Date;
}

/** A task to a department: requested, accepted, noted, then completed (or, one in four, returned). */
const askForHelp = (n: number, { onCase, rows, caseId, now }: HelpContext): void => {
  const at = now();
  const request = {
    taskId: randomUUID(), parentTaskId: null, to: TARGETS[n % TARGETS.length]!, reason: '请核实',
    sla: { calendarId: 'cn-standard', acceptWithinBusinessMinutes: 60, completeWithinBusinessMinutes: 480 },
    acceptDueAt: minutes(at, 24 * 60).toISOString(), completeDueAt: minutes(at, 48 * 60).toISOString(),
  };
  const opened = onCase({ type: 'RequestCollaboration', caseId, actor: agent, request }).find((event) => event.type === 'CollaborationTaskOpened');
  if (!opened || opened.type !== 'CollaborationTaskOpened') return;
  const task = new Stream<CollaborationTaskCommand, CollaborationTaskEvent, unknown, { now: Date }>(
    collaborationTaskStreamId(request.taskId),
    collaborationTaskDecider as unknown as Decider<CollaborationTaskCommand, CollaborationTaskEvent, unknown, { now: Date }>,
    (row) => rows.push(row),
  );
  const onTask = (command: CollaborationTaskCommand) => task.run(command, { now: now() }, now());
  const by = { taskId: request.taskId, actor: clerk, byUnit: request.to.id };
  onTask(taskCreationFor(opened));
  onTask({ ...by, type: 'AcceptTask' });
  onTask({ ...by, type: 'AddTaskNote', note: '在查' });
  const ended = onTask(n % 8 === 0 ? { ...by, type: 'ReturnTask', reasonCode: 'MISSING_INFORMATION', note: '缺少账单号' } : { ...by, type: 'CompleteTask', result: '已处理' });
  const outcome = ended[0] ? caseOutcomeFor(ended[0]) : null;
  if (outcome) onCase(outcome);
};
