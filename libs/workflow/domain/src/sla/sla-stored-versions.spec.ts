import { WORKFLOW_STORED_EVENTS } from '../stored-event-versions';
import type { SlaEvent } from './sla.events';
import { decided, escalate, OPENED, shanghai, startCaseClocks, startTaskClocks, streamAfter } from './sla.fixtures';

/*
 * SlaClockStarted and SlaEscalated name whose clock it is as a party (`clockHolder`) from schema
 * version 2 on. Version 1, as main stored it, named the holder by id only (`holdingUnit`); the
 * stored-event upcasters lift it (the event store runs the same steps on every read) and the SLA
 * decider goes on from there.
 */

type Data = { readonly [key: string]: unknown };

/** A version 1 event lifted step by step to its current version, as UpcastingEventStore reads it. */
const lifted = (type: string, data: Data): SlaEvent => {
  let [current, version] = [data, 1];
  for (let steps = 0; steps < 10; steps += 1) {
    const step = WORKFLOW_STORED_EVENTS.upcasters.find((candidate) => candidate.from.type === type && candidate.from.version === version);
    if (step === undefined) break;
    [current, version] = [step.upcast(current), step.to.version];
  }
  return { type, data: current } as unknown as SlaEvent;
};

/** A version 2 event as version 1 stored it: the holder's id in `holdingUnit`, no kind. */
const atVersion1 = ({ data: { clockHolder, ...data } }: Extract<SlaEvent, { type: 'SlaClockStarted' | 'SlaEscalated' }>): Data => ({
  ...data,
  holdingUnit: clockHolder?.id ?? null,
});

const caseClocks = streamAfter([[startCaseClocks(), OPENED]]);
const TASK_OPENED = shanghai('2026-11-23T10:00:00');
const taskClocks = streamAfter([
  [startCaseClocks(), OPENED],
  [startTaskClocks({ clockHolder: { kind: 'PARTNER', id: 'reseller-a' }, openedAt: TASK_OPENED }), TASK_OPENED],
]).slice(caseClocks.length);

describe('SLA clocks stored at schema version 1', () => {
  it('are versioned 2 now, each with a step up from version 1', () => {
    expect(WORKFLOW_STORED_EVENTS.current).toMatchObject({ SlaClockStarted: 2, SlaEscalated: 2 });
    const steps = WORKFLOW_STORED_EVENTS.upcasters.filter(({ from }) => from.type.startsWith('Sla')).map(({ from, to }) => [from, to]);
    expect(steps).toEqual([
      [{ type: 'SlaClockStarted', version: 1 }, { type: 'SlaClockStarted', version: 2 }],
      [{ type: 'SlaEscalated', version: 1 }, { type: 'SlaEscalated', version: 2 }],
    ]);
  });

  it("a case clock (no holder) reads with no holder", () => {
    const [response] = caseClocks;
    expect(lifted('SlaClockStarted', atVersion1(response as Extract<SlaEvent, { type: 'SlaClockStarted' }>))).toEqual(response);
  });

  it('a task clock reads its holder as a UNIT, as version 1 called it (a partner cannot be told from the event)', () => {
    const [accept] = taskClocks as Extract<SlaEvent, { type: 'SlaClockStarted' }>[];
    expect(lifted('SlaClockStarted', atVersion1(accept!))).toEqual({
      type: 'SlaClockStarted',
      data: { ...accept!.data, clockHolder: { kind: 'UNIT', id: 'reseller-a' } },
    });
  });

  it("an escalation of a case clock reads its holder as the UNIT owning the case's queue", () => {
    const [escalated] = decided(caseClocks, escalate({ clockHolder: { kind: 'UNIT', id: 'front-line-sz' } }), shanghai('2026-11-23T09:30:00'));
    expect(escalated).toMatchObject({ type: 'SlaEscalated', data: { taskId: null } });
    expect(lifted('SlaEscalated', atVersion1(escalated as Extract<SlaEvent, { type: 'SlaEscalated' }>))).toEqual(escalated);
  });

  it('given a version 1 history, when an escalation falls due, then the decider records it as version 2 on the same clock', () => {
    const history = [...caseClocks, ...taskClocks].map((event) => lifted(event.type, atVersion1(event as Extract<SlaEvent, { type: 'SlaClockStarted' }>)));
    const partner = { kind: 'PARTNER', id: 'reseller-a' } as const;
    const at = shanghai('2026-11-23T11:00:00');
    expect(decided(history, escalate({ clockKey: 'task:task-1:accept', startedAt: TASK_OPENED, clockHolder: partner, supervisorUnit: 'reseller-a', supervisorId: null }), at)).toEqual([
      {
        type: 'SlaEscalated',
        data: {
          caseId: 'case-1', clockKey: 'task:task-1:accept', taskId: 'task-1', level: 1, notify: 'UNIT_SUPERVISOR',
          clockHolder: partner, supervisorUnit: 'reseller-a', supervisorId: null, dueAt: shanghai('2026-11-23T11:00:00'), escalatedAt: at,
        },
      },
    ]);
  });
});
