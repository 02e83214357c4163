import { sqlMigration } from '@collab/service-kit';

/**
 * A leg's clock holder is a party with its kind (issue 11): `holding_unit` held a partner's id as
 * well as a unit's. The column is renamed `clock_holder_id` and `clock_holder_kind` comes beside it.
 * Rows stored before take the kind the directory's holder table gives that id (the leg was opened on
 * that row's calendar: a unit owning the queue, or the task's target); UNIT where the directory no
 * longer holds it (only a unit could own a queue, and a partner's legs came with partner kinds).
 */
export const ClockHolder = sqlMigration('ClockHolder1797292800000', [
  `alter table workflow.case_leg rename column holding_unit to clock_holder_id`,
  `alter table workflow.case_leg add column if not exists clock_holder_kind text`,
  `update workflow.case_leg l set clock_holder_kind = h.kind
     from workflow.case_leg_holder h
    where l.clock_holder_id is not null and h.id = l.clock_holder_id and h.kind in ('UNIT', 'PARTNER')`,
  `update workflow.case_leg set clock_holder_kind = 'UNIT' where clock_holder_id is not null and clock_holder_kind is null`,
]);
