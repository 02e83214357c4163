import type { EntityManager } from 'typeorm';
import type { BusinessCalendar } from '@collab/business-calendar';
import { fromExcluded, upsertRows, type ColumnTypes, type Upsert } from '@collab/following';
import type { Party } from '@collab/domain-kernel';
import type { ActorRef, CollaborationTarget } from '@collab/workflow-domain';

/** A row of workflow.case_leg as a batch holds it. */
export interface LegState {
  readonly case_id: string;
  readonly leg_key: string;
  readonly kind: 'CASE' | 'TASK';
  readonly unit: string;
  readonly task_id: string | null;
  readonly parent_task_id: string | null;
  readonly ordinal: number | null;
  readonly from_at: Date;
  to_at: Date | null;
  /** Whose calendar the leg's clock runs on (a unit or a partner), by id and kind; null when unknown. */
  readonly clock_holder_id: string | null;
  readonly clock_holder_kind: 'UNIT' | 'PARTNER' | null;
  readonly calendar_id: string | null;
  readonly measured_in: string;
  readonly note: string | null;
  calendar: BusinessCalendar | null;
  held_minutes: number | null;
  version: number;
}

/** A row of workflow.case_task_link as a batch holds it (instants as the events or the database gave them). */
export interface LinkState {
  readonly case_id: string;
  readonly task_id: string;
  readonly parent_task_id: string | null;
  readonly from_unit: string;
  readonly from_kind: Party['kind'];
  readonly target: CollaborationTarget;
  readonly reason: string;
  readonly status: string;
  readonly opened_at: Date | string;
  readonly opened_by: ActorRef;
  readonly accept_due_at: Date | string;
  readonly complete_due_at: Date | string;
  readonly closed_at: Date | string | null;
  readonly closed_by: ActorRef | null;
  readonly outcome_reason: string | null;
  readonly ordinal: number;
  /** The case stream's version of the last case event that changed the link. */
  readonly version: number;
  /** The task stream's version of the last task event that moved its status (0 before any). */
  readonly task_version: number;
}

const LEG_COLUMNS: ColumnTypes = {
  case_id: 'uuid', leg_key: 'text', kind: 'text', unit: 'text', task_id: 'text', parent_task_id: 'text', ordinal: 'int', from_at: 'timestamptz',
  to_at: 'timestamptz', clock_holder_id: 'text', clock_holder_kind: 'text', calendar_id: 'text', measured_in: 'text', note: 'text', calendar: 'jsonb', held_minutes: 'float8', version: 'int',
};
const LINK_COLUMNS: ColumnTypes = {
  case_id: 'uuid', task_id: 'text', parent_task_id: 'text', from_unit: 'text', from_kind: 'text', target: 'jsonb', reason: 'text', status: 'text', opened_at: 'timestamptz',
  opened_by: 'jsonb', accept_due_at: 'timestamptz', complete_due_at: 'timestamptz', closed_at: 'timestamptz', closed_by: 'jsonb', outcome_reason: 'text',
  ordinal: 'int', version: 'int', task_version: 'int',
};
/** A leg closes once; the legs of a batch on one calendar send it once. */
const LEG_UPSERT: Upsert = {
  table: 'workflow.case_leg',
  columns: LEG_COLUMNS,
  onConflict: `ON CONFLICT (case_id, leg_key) DO UPDATE SET ${fromExcluded(['to_at', 'held_minutes', 'calendar', 'version'])}
    WHERE workflow.case_leg.to_at IS NULL AND excluded.to_at IS NOT NULL`,
  shared: ['calendar'],
};
/**
 * A link changes only to a later version of its case's stream or, at the same one, of its task's;
 * opened again it keeps the place in the chain its first opening gave it.
 */
const LINK_UPSERT: Upsert = {
  table: 'workflow.case_task_link',
  columns: LINK_COLUMNS,
  onConflict: `ON CONFLICT (case_id, task_id) DO UPDATE SET ${fromExcluded(Object.keys(LINK_COLUMNS).filter((column) => !['case_id', 'task_id', 'ordinal'].includes(column)))}
    WHERE (workflow.case_task_link.version, workflow.case_task_link.task_version) < (excluded.version, excluded.task_version)`,
};

/** Open legs keep their calendar; read as text, each distinct calendar is parsed once per batch. */
const LEGS_SQL = `select case_id, leg_key, kind, unit, task_id, parent_task_id, ordinal, from_at, to_at, clock_holder_id, clock_holder_kind, calendar_id, measured_in, note,
  calendar::text as calendar, held_minutes, version from workflow.case_leg where case_id = any($1::uuid[])`;
type StoredLeg = Omit<LegState, 'calendar'> & { readonly calendar: string | null };
const parsedOnce = (parsed: Map<string, BusinessCalendar>) => (leg: StoredLeg): LegState => {
  if (leg.calendar === null) return leg as LegState;
  const calendar = parsed.get(leg.calendar) ?? (JSON.parse(leg.calendar) as BusinessCalendar);
  parsed.set(leg.calendar, calendar);
  return Object.assign(leg, { calendar });
};

const byCase = <Row extends { readonly case_id: string }>(rows: readonly Row[], key: (row: Row) => string): Map<string, Map<string, Row>> => {
  const grouped = new Map<string, Map<string, Row>>();
  for (const row of rows) grouped.set(row.case_id, (grouped.get(row.case_id) ?? new Map<string, Row>()).set(key(row), row));
  return grouped;
};

/**
 * The legs and links of the cases one batch touches (or, in a rebuild, of the cases held across
 * batches), and their priorities: read in a statement per table, changed in memory in log order,
 * written back in one upsert per table whose guards are the ones a statement per event had — a leg
 * opens once and closes once, a link changes only to a later version of its case's stream or its
 * task's — so a batch applied twice leaves the rows as once.
 */
export class CourseRows {
  private readonly legs = new Map<string, Map<string, LegState>>();
  private readonly links = new Map<string, Map<string, LinkState>>();
  /** What changed, by case: a rebuild writes and lets go of some cases while it holds others. */
  private readonly changed = new Map<string, { readonly legs: Set<LegState>; readonly links: Map<string, LinkState> }>();

  /** `priorityOf`: the case's priority, as its view row says (none when the case has no view row). */
  constructor(readonly priorityOf: (caseId: string) => string | undefined) {}

  /** The rows of one batch's cases, with their priorities as the view rows stored before them say. */
  static async load(tx: EntityManager, caseIds: readonly string[]): Promise<CourseRows> {
    const views: { id: string; priority: string }[] = caseIds.length === 0 ? [] : await tx.query('select id, priority from workflow.case_view where id = any($1::uuid[])', [caseIds]);
    const priorities = new Map(views.map((view) => [view.id, view.priority]));
    const rows = new CourseRows((caseId) => priorities.get(caseId));
    await rows.add(tx, caseIds);
    return rows;
  }

  /** Reads the stored legs and links of cases not held yet. */
  async add(tx: EntityManager, caseIds: readonly string[]): Promise<void> {
    if (caseIds.length === 0) return;
    const ids = [caseIds];
    const legs: LegState[] = (await tx.query<StoredLeg[]>(LEGS_SQL, ids)).map(parsedOnce(new Map()));
    const links: LinkState[] = await tx.query('select * from workflow.case_task_link where case_id = any($1::uuid[])', ids);
    for (const [caseId, held] of byCase(legs, (leg) => leg.leg_key)) this.legs.set(caseId, held);
    for (const [caseId, held] of byCase(links, (link) => link.task_id)) this.links.set(caseId, held);
  }

  hasLeg(caseId: string, key: string): boolean {
    return this.legs.get(caseId)?.has(key) ?? false;
  }

  openLeg(leg: LegState): void {
    this.legs.set(leg.case_id, (this.legs.get(leg.case_id) ?? new Map<string, LegState>()).set(leg.leg_key, leg));
    this.changesOf(leg.case_id).legs.add(leg);
  }

  /** The case's legs still open that `which` picks. */
  openLegs(caseId: string, which: (leg: LegState) => boolean): LegState[] {
    const open: LegState[] = [];
    for (const leg of this.legs.get(caseId)?.values() ?? []) if (leg.to_at === null && which(leg)) open.push(leg);
    return open;
  }

  closeLeg(leg: LegState, closed: { readonly at: Date; readonly minutes: number; readonly version: number }): void {
    Object.assign(leg, { to_at: closed.at, held_minutes: closed.minutes, calendar: null, version: closed.version });
    this.changesOf(leg.case_id).legs.add(leg);
  }

  link(caseId: string, taskId: string): LinkState | undefined {
    return this.links.get(caseId)?.get(taskId);
  }

  setLink(link: LinkState): void {
    this.links.set(link.case_id, (this.links.get(link.case_id) ?? new Map<string, LinkState>()).set(link.task_id, link));
    this.changesOf(link.case_id).links.set(link.task_id, link);
  }

  private changesOf(caseId: string) {
    const known = this.changed.get(caseId);
    if (known) return known;
    const changes = { legs: new Set<LegState>(), links: new Map<string, LinkState>() };
    this.changed.set(caseId, changes);
    return changes;
  }

  /** Writes the changed rows, of every case held or of `caseIds` only; they count as changed until forgotten. */
  async save(tx: EntityManager, caseIds: Iterable<string> = this.changed.keys()): Promise<void> {
    const [legs, links]: [LegState[], LinkState[]] = [[], []];
    for (const caseId of caseIds) {
      const changes = this.changed.get(caseId);
      if (!changes) continue;
      legs.push(...changes.legs);
      links.push(...changes.links.values());
    }
    await upsertRows(tx, LEG_UPSERT, legs as unknown as Record<string, unknown>[]);
    await upsertRows(tx, LINK_UPSERT, links as unknown as Record<string, unknown>[]);
  }

  /** Lets go of cases whose rows are written (and committed). */
  forget(caseIds: ReadonlySet<string>): void {
    for (const caseId of caseIds) {
      this.changed.delete(caseId);
      this.legs.delete(caseId);
      this.links.delete(caseId);
    }
  }
}
