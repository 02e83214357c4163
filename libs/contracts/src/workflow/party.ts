import { z } from 'zod';

/*
 * A party of a collaboration: a queue (the case owner's desk), a unit (a department) or a partner
 * organisation, by its org directory id (unique across the three kinds). Version 1 of the task
 * events named a party by id only, in fields called `fromUnit` and `unit` that held queue, unit and
 * partner ids alike; version 2 says which it is.
 */
export const PARTY_KINDS = ['QUEUE', 'UNIT', 'PARTNER'] as const;

export const party = <const Kinds extends readonly [string, ...string[]]>(kinds: Kinds) =>
  z.strictObject({
    kind: z.enum(kinds).describe('QUEUE: a case owner\'s queue; UNIT: a unit (department); PARTNER: a partner organisation'),
    id: z.string().describe('The org directory id (unique across queues, units and partners)'),
  });

/** The rule that gives a version 1 asker (`fromUnit`) its kind; the same rule lifts workflow's stored events. */
export const ASKER_RULE =
  "`from` is read from `fromUnit`: QUEUE when `parentTaskId` is null (the case owner's queue asked); UNIT for a chain (the parent task's holder asked: until v2 only a unit's staff could ask in turn, as no partner role or API could). A reader that holds the parent task may take the kind of its target instead.";

export const askerOfVersion1 = (fromUnit: string, parentTaskId: string | null) =>
  ({ kind: parentTaskId === null ? 'QUEUE' : 'UNIT', id: fromUnit }) as const;

/** The rule that gives a version 1 `unit` (who accepted or wrote a note) its kind. */
export const SIDE_RULE =
  '`by` is read from `unit`: PARTNER when the actor is a partner (partners act as kind `partner`), else UNIT. A v1 note by the asking queue reads as UNIT; a reader that holds the task names its author by id against the task\'s two parties.';

export const sideOfVersion1 = (unit: string, actor: { readonly kind: string }) =>
  ({ kind: actor.kind === 'partner' ? 'PARTNER' : 'UNIT', id: unit }) as const;

/** The rule that gives a version 1 ping-pong side (`units[].unitId`) its kind; the same rule lifts workflow's stored events. */
export const PING_PONG_SIDE_RULE =
  "`sides` is read from `units`: each `unitId` becomes a party of kind UNIT, as v1 called every side a unit. It may have been a queue (a case transferred back and forth, or returned to its owner's queue) or a partner; one event cannot tell. A reader that holds the case's transfers and tasks names each side by id against their parties (ids are unique across queues, units and partners).";

export const pingPongSideOfVersion1 = (side: { readonly unitId: string; readonly supervisorId: string | null }) =>
  ({ party: { kind: 'UNIT', id: side.unitId }, supervisorId: side.supervisorId }) as const;

/**
 * The rule that gives a version 1 SLA clock holder (`holdingUnit` of SlaClockStarted and SlaEscalated)
 * its kind; the same rule lifts workflow's stored events.
 */
export const CLOCK_HOLDER_RULE =
  "`clockHolder` is read from `holdingUnit`: null stays null; a case clock's holder (`taskId` null, only on SlaEscalated) is the unit owning the case's queue — UNIT, exact; a task clock's holder is the task's target, a unit or a partner, which v1 does not say — UNIT. A reader that holds the task (CollaborationTaskOpened `to`) names the holder by id against the task's target (ids are unique across queues, units and partners).";

export const clockHolderOfVersion1 = (holdingUnit: string | null) =>
  holdingUnit === null ? null : ({ kind: 'UNIT', id: holdingUnit } as const);
