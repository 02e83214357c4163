import type { DecisionContext } from '@collab/domain-kernel';
import type { UnitLevel } from './org-values';

/*
 * What the directory holds now for the ids a command names: the app looks each one up (from the
 * streams, not a read model a moment behind) before deciding, so the deciders stay pure. A queue
 * may carry the id of the unit that owns it, so ids are looked up per kind.
 */

export interface UnitReference {
  readonly id: string;
  readonly level: UnitLevel;
  /** The units above it, nearest first: a unit may not be placed under one of its own descendants. */
  readonly ancestorIds: readonly string[];
}

export interface QueueReference {
  readonly id: string;
  readonly unitId: string;
}

export interface PartnerReference {
  readonly id: string;
  readonly active: boolean;
}

/** The ids found, by kind; an id left out is unknown. */
export interface KnownParties {
  readonly units: Readonly<Record<string, UnitReference>>;
  readonly queues: Readonly<Record<string, QueueReference>>;
  readonly partners: Readonly<Record<string, PartnerReference>>;
}

/** Which ids a command names, by the kind it expects them to be. */
export interface ReferencedIds {
  readonly units: readonly string[];
  readonly queues: readonly string[];
  readonly partners: readonly string[];
}

export const NOTHING_REFERENCED: ReferencedIds = { units: [], queues: [], partners: [] };
export const NOTHING_KNOWN: KnownParties = { units: {}, queues: {}, partners: {} };

export interface OrgDecisionContext extends DecisionContext {
  readonly known: KnownParties;
}
