import type { BusinessCalendar } from '@collab/business-calendar';
import type { AgentCandidate, CatalogueEntry, PublishedProcess, RoutingFacts, StageUnitType, SupervisorDirectory } from '@collab/workflow-domain';

/*
 * What workflow's features ask of one another, as ports: each is bound once in the feature that
 * owns the answer (org/, processes/, calendars/), so a feature depends on a question, not on
 * another feature's tables.
 */

/** A unit of the org directory or a partner organisation, as routing, tasks and SLAs need it. */
export interface OrgParty {
  readonly id: string;
  readonly kind: 'UNIT' | 'PARTNER';
  /** The stage type it serves: a partner is always PARTNER. */
  readonly unitType: StageUnitType;
  readonly name: string;
  readonly region: string;
  /** Every region a partner serves (`region` is its first); absent for a unit, which serves its own. */
  readonly regions?: readonly string[];
  readonly calendarId: string;
  readonly supervisorId: string | null;
  /** The unit above it (group → province → city → department); null at the top and for partners. */
  readonly parentId: string | null;
}

export interface OrgLookup {
  /** A unit or partner by id (ids are unique across units, queues and partners). */
  party(id: string): Promise<OrgParty | undefined>;
  /** The unit that owns a queue. */
  unitOfQueue(queueId: string): Promise<OrgParty | undefined>;
  /** The queues a unit owns, so the unit's staff see its work. */
  queuesOfUnit(unitId: string): Promise<readonly string[]>;
  /** Every unit under this one in the hierarchy (children, their children…) and those units' queues. */
  below(unitId: string): Promise<readonly string[]>;
  /** Which of these queues cases may be routed to now: defined and not retired (from the queues' streams). */
  openQueues(queueIds: readonly string[]): Promise<ReadonlySet<string>>;
  /** The queue's agents with their skills, languages, capacity and current load (open cases they own). */
  agentsOfQueue(queueId: string): Promise<readonly AgentCandidate[]>;
  /** The supervisor of each given unit, queue or partner id that has one. */
  supervisorsOf(ids: readonly string[]): Promise<SupervisorDirectory>;
}
export const ORG_LOOKUP = Symbol('ORG_LOOKUP');

export interface ProcessCatalogue {
  /** The version a new case with these facts starts on: the latest published version of the most specific matching process, else the default. */
  processFor(facts: RoutingFacts): Promise<PublishedProcess>;
  /** Every process new cases may start on, at its latest version (what caseStartFor chooses among). */
  entries(): Promise<CatalogueEntry[]>;
  /** An exact version, for a running case: it never changes once published. */
  version(processId: string, version: number): Promise<PublishedProcess | undefined>;
}
export const PROCESS_CATALOGUE = Symbol('PROCESS_CATALOGUE');

/** Intake's business calendars as workflow learned them from CalendarDefined / CalendarRevised. */
export interface BusinessCalendars {
  /** The calendar's latest definition; undefined for an id never defined. */
  calendar(calendarId: string): Promise<BusinessCalendar | undefined>;
}
export const BUSINESS_CALENDARS = Symbol('BUSINESS_CALENDARS');
