import type { ActorRef } from '../actor';
import type { OrgNames, UnitLevel, UnitType } from './org-values';

/*
 * Every change to the organisation directory is one of these facts. Each records who made it
 * (`actor`), when (`…At`) and, where the administrator gave one, why (`reason`); the correlation
 * id travels in the event store's metadata, as for the case's events.
 */

interface ChangeRecord {
  readonly actor: ActorRef;
  readonly reason?: string;
}

/** What an administrator may set on a unit after defining it; the level is fixed for life. */
export interface UnitSettings {
  readonly names: OrgNames;
  readonly unitType: UnitType;
  /** The unit above it; null only for a group. */
  readonly parentId: string | null;
  readonly region: string;
  readonly calendarId: string;
  readonly supervisorId: string | null;
}

/** A unit joined the hierarchy (group → province → city → department). Stream `org-unit-<unitId>`. */
export interface UnitDefined {
  readonly type: 'UnitDefined';
  readonly data: UnitSettings &
    ChangeRecord & { readonly unitId: string; readonly level: UnitLevel; readonly definedAt: string };
}

/** Some settings of a unit changed (a new parent moves it with everything below); only those are carried. */
export interface UnitChanged {
  readonly type: 'UnitChanged';
  readonly data: Partial<UnitSettings> &
    ChangeRecord & { readonly unitId: string; readonly changedAt: string };
}

/**
 * How the queue treats a case's language: REQUIRED, a case waits for an agent who speaks it;
 * PREFERRED, a speaker is preferred but a skilled agent with room who does not speak it may take it.
 */
export type LanguageRule = 'REQUIRED' | 'PREFERRED';
export const LANGUAGE_RULES: readonly LanguageRule[] = ['REQUIRED', 'PREFERRED'];

export interface QueueSettings {
  readonly unitId: string;
  readonly name: string;
  /** Skills every case in this queue asks of its owner, on top of the case's own. */
  readonly skills: readonly string[];
  readonly languageRule: LanguageRule;
}

/**
 * A unit opened a queue where its cases wait for an owner. Stream `org-queue-<queueId>`. Schema
 * version 2 adds `languageRule`; version 1 queues read as PREFERRED, how they behaved.
 */
export interface QueueDefined {
  readonly type: 'QueueDefined';
  readonly data: QueueSettings & ChangeRecord & { readonly queueId: string; readonly definedAt: string };
}

/** Schema version 2 may carry `languageRule`. */
export interface QueueChanged {
  readonly type: 'QueueChanged';
  readonly data: Partial<QueueSettings> &
    ChangeRecord & { readonly queueId: string; readonly changedAt: string };
}

/**
 * The queue takes no new cases: no process routes to it any more (retiring is refused while one
 * does), and no new agent or rule may name it. Cases already in it stay until moved.
 */
export interface QueueRetired {
  readonly type: 'QueueRetired';
  readonly data: ChangeRecord & { readonly queueId: string; readonly reason: string; readonly retiredAt: string };
}

export interface AgentSettings {
  readonly unitId: string;
  /** The queues whose cases the agent takes. */
  readonly queues: readonly string[];
  readonly skills: readonly string[];
  /** Language ranges: `zh` covers `zh-Hans` and `zh-Hant`. */
  readonly languages: readonly string[];
  /** How many open cases the agent may own at once. */
  readonly capacity: number;
}

/** A person became an agent of the directory; their id is their token subject. Stream `org-agent-<agentId>`. */
export interface AgentEnrolled {
  readonly type: 'AgentEnrolled';
  readonly data: AgentSettings & ChangeRecord & { readonly agentId: string; readonly enrolledAt: string };
}

export interface AgentChanged {
  readonly type: 'AgentChanged';
  readonly data: Partial<AgentSettings> &
    ChangeRecord & { readonly agentId: string; readonly changedAt: string };
}

/** The agent takes no new cases (leave, left the company); the cases they own stay theirs. */
export interface AgentDeactivated {
  readonly type: 'AgentDeactivated';
  readonly data: ChangeRecord & {
    readonly agentId: string;
    readonly reason: string;
    readonly deactivatedAt: string;
  };
}

/**
 * An administrator let the agent work a queue of another unit (a billing agent in front line's
 * complaints queue): the only way an agent serves a queue outside their own unit. The queue joins
 * the agent's queues; the grant stays with the agent while they keep it.
 */
export interface AgentCrossUnitMembershipGranted {
  readonly type: 'AgentCrossUnitMembershipGranted';
  readonly data: ChangeRecord & {
    readonly agentId: string;
    readonly queueId: string;
    /** The unit owning the queue at the grant; not the agent's. */
    readonly queueUnitId: string;
    readonly reason: string;
    readonly grantedAt: string;
  };
}

export interface AgentReactivated {
  readonly type: 'AgentReactivated';
  readonly data: ChangeRecord & {
    readonly agentId: string;
    readonly reason: string;
    readonly reactivatedAt: string;
  };
}

export interface PartnerSettings {
  readonly names: OrgNames;
  /** Where the partner works: `GD` covers `GD-SZ`. */
  readonly regions: readonly string[];
  readonly calendarId: string;
  readonly supervisorId: string | null;
}

/** A partner organisation (reseller, content provider, outsourced centre) joined. Stream `org-partner-<partnerId>`. */
export interface PartnerRegistered {
  readonly type: 'PartnerRegistered';
  readonly data: PartnerSettings &
    ChangeRecord & { readonly partnerId: string; readonly registeredAt: string };
}

export interface PartnerChanged {
  readonly type: 'PartnerChanged';
  readonly data: Partial<PartnerSettings> &
    ChangeRecord & { readonly partnerId: string; readonly changedAt: string };
}

/** The partner takes no new work; tasks already with it stay. */
export interface PartnerDeactivated {
  readonly type: 'PartnerDeactivated';
  readonly data: ChangeRecord & {
    readonly partnerId: string;
    readonly reason: string;
    readonly deactivatedAt: string;
  };
}

export interface PartnerReactivated {
  readonly type: 'PartnerReactivated';
  readonly data: ChangeRecord & {
    readonly partnerId: string;
    readonly reason: string;
    readonly reactivatedAt: string;
  };
}

/** Which cases an entry of the responsibility matrix covers; an absent attribute covers any. */
export interface ResponsibilityScope {
  readonly requestType?: string;
  /** Covers its subcategories: `billing` covers `billing/refund`. */
  readonly category?: string;
  /** Covers finer regions: `GD` covers `GD-SZ`. */
  readonly region?: string;
}

/** The matrix says who handles cases of this scope: a unit (with the queue they go to) or a partner. Stream `org-responsibilities`. */
export interface ResponsibilityAssigned {
  readonly type: 'ResponsibilityAssigned';
  readonly data: ChangeRecord & {
    readonly entryId: string;
    readonly scope: ResponsibilityScope;
    readonly unitId: string;
    readonly queueId: string | null;
    readonly assignedAt: string;
  };
}

export interface ResponsibilityWithdrawn {
  readonly type: 'ResponsibilityWithdrawn';
  readonly data: ChangeRecord & {
    readonly entryId: string;
    readonly reason: string;
    readonly withdrawnAt: string;
  };
}

/** What an org id names; units, queues and partners share one namespace. */
export type OrgIdKind = 'UNIT' | 'QUEUE' | 'PARTNER';

/** An id was taken, before the unit, queue or partner itself was defined. Stream `org-id-<id>`. */
export interface OrgIdClaimed {
  readonly type: 'OrgIdClaimed';
  readonly data: { readonly id: string; readonly kind: OrgIdKind; readonly claimedAt: string };
}

export type UnitEvent = UnitDefined | UnitChanged;
export type QueueEvent = QueueDefined | QueueChanged | QueueRetired;
export type AgentEvent =
  | AgentEnrolled
  | AgentChanged
  | AgentDeactivated
  | AgentReactivated
  | AgentCrossUnitMembershipGranted;
export type PartnerEvent = PartnerRegistered | PartnerChanged | PartnerDeactivated | PartnerReactivated;
export type ResponsibilityEvent = ResponsibilityAssigned | ResponsibilityWithdrawn;
export type OrgEvent =
  UnitEvent | QueueEvent | AgentEvent | PartnerEvent | ResponsibilityEvent | OrgIdClaimed;

export const ORG_EVENT_TYPES: readonly OrgEvent['type'][] = [
  'UnitDefined',
  'UnitChanged',
  'QueueDefined',
  'QueueChanged',
  'QueueRetired',
  'AgentEnrolled',
  'AgentChanged',
  'AgentDeactivated',
  'AgentReactivated',
  'AgentCrossUnitMembershipGranted',
  'PartnerRegistered',
  'PartnerChanged',
  'PartnerDeactivated',
  'PartnerReactivated',
  'ResponsibilityAssigned',
  'ResponsibilityWithdrawn',
  'OrgIdClaimed',
];

export const unitStreamId = (unitId: string): string => `org-unit-${unitId}`;
export const queueStreamId = (queueId: string): string => `org-queue-${queueId}`;
export const agentStreamId = (agentId: string): string => `org-agent-${agentId}`;
export const partnerStreamId = (partnerId: string): string => `org-partner-${partnerId}`;
export const orgIdStreamId = (id: string): string => `org-id-${id}`;
export const RESPONSIBILITY_MATRIX_STREAM = 'org-responsibilities';
