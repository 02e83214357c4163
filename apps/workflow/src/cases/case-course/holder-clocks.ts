import type { EntityManager } from 'typeorm';
import type { BusinessCalendar } from '@collab/business-calendar';
import { knownCalendar } from '../../calendars/known-calendars';
import { holderClockOf } from '../get-case/leg-clocks';
import type { HolderClock } from '../get-case/case-legs';
import type { HolderChange, LegKind } from './case-course.changes';
import type { CourseRows } from './course-rows';

interface HolderRow {
  readonly kind: HolderChange['holder'];
  readonly party_id: string | null;
  readonly party_kind: 'UNIT' | 'PARTNER' | null;
  readonly calendar_id: string | null;
  readonly definition: BusinessCalendar | null;
}

/** A queue leads to the unit (or partner) that owns it; a unit or partner is its own party. */
const HOLDER_SQL = `
  select h.kind, p.id as party_id, p.kind as party_kind, p.calendar_id, c.definition
    from workflow.case_leg_holder h
    left join workflow.case_leg_holder p
      on p.id = case when h.kind = 'QUEUE' then h.unit_id else h.id end and p.kind <> 'QUEUE'
    left join workflow.business_calendar c on c.id = p.calendar_id
   where h.id = $1`;

/** Keeps workflow.case_leg_holder: a definition inserts (or, replayed, leaves) the row; a change sets only what it carries. */
export const keepHolder = async (tx: EntityManager, change: HolderChange): Promise<void> => {
  const { id, holder, unitId, calendarId, version } = change;
  if (change.defines)
    await tx.query(
      `insert into workflow.case_leg_holder (id, kind, unit_id, calendar_id, version) values ($1, $2, $3, $4, $5)
       on conflict (id) do update set kind = excluded.kind, unit_id = excluded.unit_id, calendar_id = excluded.calendar_id, version = excluded.version
        where workflow.case_leg_holder.version < excluded.version`,
      [id, holder, unitId, calendarId, version],
    );
  else
    await tx.query(
      `update workflow.case_leg_holder set unit_id = coalesce($3, unit_id), calendar_id = coalesce($4, calendar_id), version = $5
        where id = $1 and kind = $2 and version < $5`,
      [id, holder, unitId, calendarId, version],
    );
};

/** The party a leg's holder leads to, if the directory knows it as the right kind of holder. */
const partyOf = (kind: LegKind, row: HolderRow | undefined): { kind: 'UNIT' | 'PARTNER'; id: string; calendarId: string } | undefined => {
  const fits = row !== undefined && (kind === 'CASE' ? row.kind === 'QUEUE' : row.kind !== 'QUEUE');
  return fits && row.party_id !== null && row.party_kind !== null && row.calendar_id !== null
    ? { kind: row.party_kind, id: row.party_id, calendarId: row.calendar_id }
    : undefined;
};

/**
 * The clock a leg opening now runs on, as the projection knows the directory and the calendars at
 * this point of the log: the same answer, worded the same, as LegClocks gives the stream fold.
 */
const holderClockIn = async (tx: EntityManager, kind: LegKind, holder: string): Promise<HolderClock> => {
  const rows: HolderRow[] = await tx.query(HOLDER_SQL, [holder]);
  const row = rows[0];
  const party = partyOf(kind, row);
  const what = kind === 'CASE' ? `queue ${holder}` : `unit or partner ${holder}`;
  return holderClockOf(what, party, party && knownCalendar(party.calendarId, row?.definition ?? undefined));
};

/** The clocks looked up, by leg kind and holder, until the directory changes. */
export type KnownClocks = Map<string, Promise<HolderClock>>;

/**
 * One batch's transaction, the course rows it changes in memory, and the clocks looked up in it: a
 * holder asked for again (a rebuild routes thousands of cases to the same queues) costs no query
 * until the directory changes, which a batch does at once and in log order. A rebuild's pass hands
 * every batch the same clocks, as the directory only changes through the log it applies.
 */
export class CourseBatch {
  constructor(
    readonly tx: EntityManager,
    readonly rows: CourseRows,
    private readonly clocks: KnownClocks = new Map(),
  ) {}

  clockOf(kind: LegKind, holder: string): Promise<HolderClock> {
    const key = `${kind}:${holder}`;
    const known = this.clocks.get(key) ?? holderClockIn(this.tx, kind, holder);
    this.clocks.set(key, known);
    return known;
  }

  keepHolder(change: HolderChange): Promise<void> {
    this.clocks.clear();
    return keepHolder(this.tx, change);
  }
}
