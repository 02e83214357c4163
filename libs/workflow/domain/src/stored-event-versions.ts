type Data = { readonly [key: string]: unknown };

/**
 * Version 1 of a task request named who asked by id only (`fromUnit`). The rule that gives it a kind:
 * - no parent task: the case owner's queue asked (the case decider took `desk.queue`) — QUEUE, exact;
 * - a chain: the holder of the parent task asked, which is that task's target, a UNIT or a PARTNER.
 *   One event cannot tell which, so this says UNIT: until version 2 only internal staff of the
 *   holding unit could ask in turn (REST needs the staff grant, which no partner role gives, and the
 *   partner gRPC API cannot ask). The case fold does not rely on it: it holds the parent task and
 *   takes the asker from its target (case-collaboration.ts, askerOf).
 */
const askerOfVersion1 = ({ fromUnit, ...data }: Data): Data => ({
  ...data,
  from: { kind: data['parentTaskId'] === null || data['parentTaskId'] === undefined ? 'QUEUE' : 'UNIT', id: fromUnit },
});

/** Acts for the partner side when the actor is a partner (a partner's principal acts as `partner`), else for a unit. */
const sideOfActor = (data: Data): 'PARTNER' | 'UNIT' =>
  (data['actor'] as { readonly kind?: unknown } | undefined)?.kind === 'partner' ? 'PARTNER' : 'UNIT';

/**
 * Version 1 of PingPongDetected named both sides `units[].unitId`, though a side was a queue (a case
 * transferred back and forth, or a task returned to the owner's queue), a unit or a partner. One event
 * cannot tell which, so each reads as a UNIT, as version 1 called it (the published rule,
 * PING_PONG_SIDE_RULE in libs/contracts, says the same). The case fold does not rely on it: it keys
 * raised pairs by id (ids are unique across kinds).
 */
const sidesOfVersion1 = ({ units, ...data }: Data): Data => ({
  ...data,
  sides: (units as readonly { readonly unitId: string; readonly supervisorId: string | null }[]).map(({ unitId, supervisorId }) => ({
    party: { kind: 'UNIT', id: unitId },
    supervisorId,
  })),
});

/**
 * Version 1 of SlaClockStarted and SlaEscalated named whose clock it is by id only (`holdingUnit`).
 * A case clock's holder (SlaEscalated with no task) is the unit owning the case's queue: UNIT, exact.
 * A task clock's holder is the task's target, a unit or a partner, and one event cannot tell which:
 * it reads as a UNIT, as version 1 called it (CLOCK_HOLDER_RULE in libs/contracts says the same). The
 * SLA fold and the timers do not rely on the kind: the escalation contacts look the holder up by id
 * (ids are unique across kinds), so an old partner's clock still finds the partner's supervisor.
 */
const clockHolderOfVersion1 = ({ holdingUnit, ...data }: Data): Data => ({
  ...data,
  clockHolder: typeof holdingUnit === 'string' ? { kind: 'UNIT', id: holdingUnit } : null,
});

/**
 * The schema versions of workflow's stored events and the steps that lift older ones (the event
 * store's UpcastingEventStore runs them on every read; every append stamps the current version).
 * Plain data and functions: the domain says how its own events evolved.
 */
export const WORKFLOW_STORED_EVENTS = {
  current: {
    CaseRegistered: 2,
    CollaborationTaskOpened: 2,
    CollaborationRequested: 2,
    TaskAccepted: 2,
    TaskNoteAdded: 2,
    CaseQueued: 1,
    CaseAssignedToAgent: 2,
    CaseReassigned: 2,
    CaseReopened: 2,
    QueueDefined: 2,
    QueueChanged: 2,
    PingPongDetected: 2,
    SlaClockStarted: 2,
    SlaEscalated: 2,
  },
  upcasters: [
    { from: { type: 'SlaClockStarted', version: 1 }, to: { type: 'SlaClockStarted', version: 2 }, upcast: clockHolderOfVersion1 },
    { from: { type: 'SlaEscalated', version: 1 }, to: { type: 'SlaEscalated', version: 2 }, upcast: clockHolderOfVersion1 },
    { from: { type: 'PingPongDetected', version: 1 }, to: { type: 'PingPongDetected', version: 2 }, upcast: sidesOfVersion1 },
    { from: { type: 'CollaborationTaskOpened', version: 1 }, to: { type: 'CollaborationTaskOpened', version: 2 }, upcast: askerOfVersion1 },
    { from: { type: 'CollaborationRequested', version: 1 }, to: { type: 'CollaborationRequested', version: 2 }, upcast: askerOfVersion1 },
    {
      // Only the task's target accepts it: a partner (acting as a partner) or a unit.
      from: { type: 'TaskAccepted', version: 1 },
      to: { type: 'TaskAccepted', version: 2 },
      upcast: ({ unit, ...data }: Data) => ({ ...data, by: { kind: sideOfActor(data), id: unit } }),
    },
    {
      // Either side writes notes. A partner's note is the target's; a unit-side note may be the
      // asking queue's, which one event cannot tell from a unit's: it says UNIT. The task view holds
      // the task's two parties and names the author by id (ids are unique across kinds), so the
      // kind it shows is exact (task-view.fold.ts).
      from: { type: 'TaskNoteAdded', version: 1 },
      to: { type: 'TaskNoteAdded', version: 2 },
      upcast: ({ unit, ...data }: Data) => ({ ...data, by: { kind: sideOfActor(data), id: unit } }),
    },
    {
      // Before capacity overrides were recorded: none is known, so none is claimed.
      from: { type: 'CaseAssignedToAgent', version: 1 },
      to: { type: 'CaseAssignedToAgent', version: 2 },
      upcast: (data: { readonly [key: string]: unknown }) => ({ ...data, overCapacity: null }),
    },
    {
      from: { type: 'CaseReassigned', version: 1 },
      to: { type: 'CaseReassigned', version: 2 },
      upcast: (data: { readonly [key: string]: unknown }) => ({ ...data, overCapacity: null }),
    },
    {
      // Every version 1 reopening went back to its last owner.
      from: { type: 'CaseReopened', version: 1 },
      to: { type: 'CaseReopened', version: 2 },
      upcast: (data: { readonly [key: string]: unknown }) => ({ ...data, waitsForRoom: false }),
    },
    {
      // Every queue before the language rule preferred speakers and let others take a case.
      from: { type: 'QueueDefined', version: 1 },
      to: { type: 'QueueDefined', version: 2 },
      upcast: (data: { readonly [key: string]: unknown }) => ({ ...data, languageRule: 'PREFERRED' }),
    },
    {
      from: { type: 'QueueChanged', version: 1 },
      to: { type: 'QueueChanged', version: 2 },
      upcast: (data: { readonly [key: string]: unknown }) => data,
    },
    {
      // Stored before the tier was kept: unknown, as for a requester with no tier.
      from: { type: 'CaseRegistered', version: 1 },
      to: { type: 'CaseRegistered', version: 2 },
      upcast: (data: { readonly [key: string]: unknown }) => ({ ...data, customerTier: null }),
    },
    {
      // "Assigned" meant put in a queue, with no assignee; the data did not change.
      from: { type: 'CaseAssigned', version: 1 },
      to: { type: 'CaseQueued', version: 1 },
      upcast: (data: { readonly [key: string]: unknown }) => data,
    },
  ],
} as const;
