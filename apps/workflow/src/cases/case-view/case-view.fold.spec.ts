import fc from 'fast-check';
import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@collab/event-store';
import type { RowStore } from '@collab/service-kit';
import {
  BUILT_IN_DEFAULT_PROCESS,
  workflowCaseDecider,
  workflowCaseStreamId,
  type ActorRef,
  type CaseSummary,
  type TaskOutcome,
  type WorkflowCaseCommand,
  type WorkflowCaseEvent,
  type WorkflowCaseState,
} from '@collab/workflow-domain';
import { chainOf, openTasksOf } from '../get-case/case-chain';
import { type CaseView, shownStatusOf } from './case-view.entity';
import { foldCaseView } from './case-view.fold';
import { CaseViewProjection } from './case-view.projection';
import { aCaseSummary } from '../testing/a-case-summary';

const CASE_ID = '6f1c1d2e-8a57-4a43-9f1e-0c6a8d1f2b3c';
const OPENED_AT = Date.parse('2026-11-20T09:30:00.000Z');
const agent: ActorRef = { id: 'agent-li', kind: 'user' };

const summary = (requesterPartner: string | undefined): CaseSummary =>
  aCaseSummary({
    caseId: CASE_ID,
    channel: 'app',
    audience: requesterPartner ? 'PARTNER' : 'EXTERNAL',
    category: 'billing/wrong-charge',
    ...(requesterPartner ? { requesterPartner } : {}),
    openedAt: new Date(OPENED_AT).toISOString(),
  });

/** One step a test run tries: a command of some kind, with small pools of ids so steps meet each other. */
interface Step {
  readonly kind: number;
  readonly pick: number;
  readonly minutesLater: number;
}

const QUEUES = ['complaints', 'billing-desk', 'network-desk'];
const AGENTS = ['agent-li', 'agent-zhao'];
const TASKS = ['task-1', 'task-2', 'task-3'];
const OUTCOMES: TaskOutcome[] = ['COMPLETED', 'RETURNED', 'WITHDRAWN'];
const CANCEL = 40;

/** Room, no room, or no room with a supervisor's override, by the draw. */
const capacityAt = (pick: number) =>
  pick % 3 === 0
    ? { agentLoad: { load: 5, capacity: 5 }, overrideCapacity: pick % 2 === 0 }
    : { agentLoad: { load: 1, capacity: 5 }, overrideCapacity: false };

const commandFor = ({ kind, pick }: Step, now: Date, state: WorkflowCaseState): WorkflowCaseCommand => {
  const base = { caseId: CASE_ID, actor: agent };
  const taskId = TASKS[pick % TASKS.length]!;
  const owner = 'ownerId' in state ? state.ownerId : AGENTS[pick % 2]!;
  // Mostly the queue the case is in, so agents get assigned; sometimes another, which is refused.
  const queue = 'desk' in state && pick % 4 !== 0 ? state.desk.queue : QUEUES[pick % 3]!;
  const commands: (() => WorkflowCaseCommand)[] = [
    () => ({ ...base, type: 'AssignCase', queue, agentId: AGENTS[pick % 2]!, ...capacityAt(pick), reason: 'least load' }),
    () => ({ ...base, type: 'ReassignCase', toAgentId: AGENTS[pick % 2]!, ...capacityAt(pick), reason: 'on leave' }),
    () => ({ ...base, type: 'TransferCase', to: { queue: QUEUES[pick % 3]!, region: 'GD' }, reason: 'billing matter' }),
    () => ({ ...base, type: 'StartWork', actor: { id: owner, kind: 'user' } }),
    () => ({
      ...base,
      type: 'RequestCollaboration',
      request: {
        taskId,
        parentTaskId: pick % 4 === 3 ? TASKS[0]! : null,
        to: { kind: pick % 2 ? 'PARTNER' : 'UNIT', id: `unit-${pick % 5}`, region: 'GD' },
        reason: '请核实',
        sla: { calendarId: 'cn-standard', acceptWithinBusinessMinutes: 60, completeWithinBusinessMinutes: 480 },
        acceptDueAt: new Date(now.getTime() + 86_400_000).toISOString(),
        completeDueAt: new Date(now.getTime() + 2 * 86_400_000).toISOString(),
      },
    }),
    () => ({ ...base, type: 'RecordCollaborationOutcome', taskId, outcome: OUTCOMES[pick % 3]!, reason: pick % 3 ? 'WRONG_UNIT' : null }),
    () => ({ ...base, type: 'ResolveCase', resolutionCode: 'REFUNDED', knowledgeArticleIds: [], note: '已退款' }),
    () => ({ ...base, type: 'ConfirmResolution' }),
    () => ({ ...base, type: 'AutoCloseCase' }),
    () => ({ ...base, type: 'RecordFeedback', csat: 1 + (pick % 5), comment: '' }),
    // Every third reopening finds its last owner full: the case waits in its queue.
    () => ({ ...base, type: 'ReopenCase', ownerLoad: capacityAt(pick).agentLoad, reason: '又被扣了' }),
    () => ({ ...base, type: 'CancelCase', reason: '客户撤回' }),
  ];
  // Cancelling ends a history, so it is drawn rarely: only the last kind is a cancellation.
  return kind === CANCEL ? commands[commands.length - 1]!() : commands[kind % (commands.length - 1)]!();
};

/** A valid history: whatever the decider accepts of the steps, in order; refused steps leave no trace. */
const historyOf = (requesterPartner: string | undefined, steps: readonly Step[], onProcess = false): WorkflowCaseEvent[] => {
  let now = new Date(OPENED_AT + 60_000);
  const { decide, evolve, initialState } = workflowCaseDecider;
  const process = { published: BUILT_IN_DEFAULT_PROCESS, responseDueAt: '2026-11-20T11:30:00.000Z', resolutionDueAt: '2026-11-23T09:30:00.000Z' };
  const routed = { type: 'RegisterAndRouteCase', summary: summary(requesterPartner), ...(onProcess ? { process } : {}) } as const;
  const events: WorkflowCaseEvent[] = [...decide(routed, initialState(), { now })];
  for (const step of steps) {
    now = new Date(now.getTime() + step.minutesLater * 60_000);
    const state = events.reduce(evolve, initialState());
    try {
      events.push(...decide(commandFor(step, now, state), state, { now }));
    } catch {
      // Refused in this state: a real caller would have got a 409 and nothing stored.
    }
  }
  return events;
};

/**
 * The projection over a table of one row per case kept in memory, written back as the SQL upsert
 * does (a stored row is replaced only by a later version); the course tables (case-course) are
 * checked against PostgreSQL in case-course.projection.int.spec.ts.
 */
class InMemoryCaseView extends CaseViewProjection {
  readonly rows = new Map<string, CaseView>();

  protected override viewsIn(): RowStore<CaseView> {
    return {
      whereIn: (_property, ids) => Promise.resolve(ids.flatMap((id) => (this.rows.has(String(id)) ? [{ ...this.rows.get(String(id))! }] : []))),
      upsert: (changed) => {
        for (const row of changed) if ((this.rows.get(row.id)?.version ?? 0) < row.version) this.rows.set(row.id, { ...row });
        return Promise.resolve();
      },
    };
  }
}

/**
 * What the projection stores: unset columns read back as null. The batch is applied twice, as after
 * a crash before its checkpoint: the row must come out the same.
 */
const projected = async (events: readonly WorkflowCaseEvent[]): Promise<Record<string, unknown> | undefined> => {
  const tx = { query: () => Promise.resolve([]) } as unknown as EntityManager;
  // One case stream: the projection follows only case streams on workflow's log.
  const streamId = workflowCaseStreamId(CASE_ID);
  const recorded = events.map((event, index) => ({ ...event, streamId, streamVersion: index + 1 }) as unknown as RecordedEvent);
  const projection = new InMemoryCaseView();
  await projection.apply(recorded, tx);
  await projection.apply(recorded, tx);
  return projection.rows.get(CASE_ID) as Record<string, unknown> | undefined;
};

const withNullsFor = (keys: readonly string[], row: Record<string, unknown>) =>
  Object.fromEntries(keys.map((key) => [key, row[key] ?? null]));

const steps = fc.array(
  fc.record({ kind: fc.nat(CANCEL), pick: fc.nat(11), minutesLater: fc.integer({ min: 0, max: 6 * 24 * 60 }) }),
  { maxLength: 40, size: 'max' },
);

describe('the case view folded from its events', () => {
  it('equals what the live projection stores, for any valid history', async () => {
    await fc.assert(
      fc.asyncProperty(fc.option(fc.constantFrom('reseller-a', 'reseller-b'), { nil: undefined }), steps, fc.boolean(), async (partner, tried, onProcess) => {
        const events = historyOf(partner, tried, onProcess);
        const folded = foldCaseView(events) as unknown as Record<string, unknown>;
        const stored = (await projected(events))!;
        const columns = [...new Set([...Object.keys(folded), ...Object.keys(stored)])];
        expect(withNullsFor(columns, folded)).toEqual(withNullsFor(columns, stored));
      }),
      { numRuns: 300 },
    );
  });

  it('reaches the states a reader sees (the generator is not stuck at routing)', () => {
    const statuses = new Set<string>();
    fc.assert(
      fc.property(steps, (tried) => {
        const events = historyOf(undefined, tried);
        events.forEach((_event, index) => statuses.add(foldCaseView(events.slice(0, index + 1))!.status));
      }),
      { numRuns: 300 },
    );
    expect([...statuses].sort()).toEqual(['ASSIGNED', 'CANCELLED', 'CLOSED', 'IN_PROGRESS', 'REGISTERED', 'RESOLVED']);
  });

  it('shows the decider\'s own status word after every event (a queued case is QUEUED, not ASSIGNED)', () => {
    const { evolve, initialState } = workflowCaseDecider;
    const wordOf = (status: WorkflowCaseState['status']): string => status.toUpperCase().replace('-', '_');
    const shown = new Set<string>();
    fc.assert(
      fc.property(steps, (tried) => {
        const events = historyOf(undefined, tried);
        events.forEach((_event, index) => {
          const seen = events.slice(0, index + 1);
          const status = shownStatusOf(foldCaseView(seen)!, openTasksOf(chainOf(seen)));
          shown.add(status);
          expect(status).toBe(wordOf(seen.reduce(evolve, initialState()).status));
        });
      }),
      { numRuns: 300 },
    );
    expect(shown).toContain('QUEUED');
    expect(shown).toContain('ASSIGNED');
    expect(shown).toContain('COLLABORATING');
  });

  it('is nothing before the case was registered', () => expect(foldCaseView([])).toBeUndefined());

  describe('while the case waits on its collaboration tasks', () => {
    // The kinds of commandFor; pick 1 keeps the case's queue, gives room, and names task-2 (returned), pick 2 task-3 (withdrawn).
    const [ASSIGN, START, REQUEST, OUTCOME] = [0, 3, 4, 5];
    const working = [ASSIGN, START].map((kind) => ({ kind, pick: 1, minutesLater: 5 }));
    const ask = (pick: number) => ({ kind: REQUEST, pick, minutesLater: 5 });
    const ended = (pick: number) => ({ kind: OUTCOME, pick, minutesLater: 5 });
    const shownAfter = async (steps: readonly Step[]) => {
      const events = historyOf(undefined, steps);
      const openTasks = openTasksOf(chainOf(events));
      const stored = (await projected(events)) as unknown as CaseView;
      expect(shownStatusOf(stored, openTasks)).toBe(shownStatusOf(foldCaseView(events)!, openTasks));
      return { shown: shownStatusOf(stored, openTasks), openTasks, events: events.length };
    };

    it('shows COLLABORATING once the case opened a task', async () =>
      expect(await shownAfter([...working, ask(1)])).toMatchObject({ shown: 'COLLABORATING', openTasks: 1 }));

    it('stays COLLABORATING while another task is still open', async () =>
      expect(await shownAfter([...working, ask(1), ask(2), ended(1)])).toMatchObject({ shown: 'COLLABORATING', openTasks: 1 }));

    // Registered and queued, then an event for each of the six steps: none was refused.
    it('returns to IN_PROGRESS when the case recorded the end of its last open task', async () =>
      expect(await shownAfter([...working, ask(1), ask(2), ended(1), ended(2)])).toMatchObject({ shown: 'IN_PROGRESS', openTasks: 0, events: 8 }));

    it('shows CANCELLED when cancelled while collaborating', async () =>
      expect(await shownAfter([...working, ask(1), { kind: CANCEL, pick: 0, minutesLater: 5 }])).toMatchObject({ shown: 'CANCELLED' }));
  });

  it('keeps the process version the case started on', () =>
    expect(foldCaseView(historyOf(undefined, [], true))).toMatchObject({ status: 'ASSIGNED', processId: BUILT_IN_DEFAULT_PROCESS.processId, processVersion: BUILT_IN_DEFAULT_PROCESS.version }));

  it('is the case as registered after its first event alone', () => {
    const [registered] = historyOf(undefined, []);
    expect(foldCaseView([registered!])).toMatchObject({ id: CASE_ID, status: 'REGISTERED', queue: null, version: 1 });
  });
});
