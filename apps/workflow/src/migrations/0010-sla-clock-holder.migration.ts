import { sqlMigration } from '@collab/service-kit';

/**
 * An SLA clock's holder is a party with its kind (issue 11): `holding_unit` held a partner's id on a
 * partner's task clock as well as a unit's. The column is renamed `clock_holder_id` and
 * `clock_holder_kind` comes beside it. Only task clocks have a holder, the task's target; rows stored
 * before take the target's kind as the case's chain holds it (case_task_link, kept for every task the
 * case opened), else as the task view holds it: exact either way. UNIT where neither holds the task,
 * as SlaClockStarted v1 is read (CLOCK_HOLDER_RULE in libs/contracts).
 */
export const SlaClockHolder = sqlMigration('SlaClockHolder1797379200000', [
  `alter table workflow.sla_clock rename column holding_unit to clock_holder_id`,
  `alter table workflow.sla_clock add column if not exists clock_holder_kind text`,
  `update workflow.sla_clock c set clock_holder_kind = l.target->>'kind'
     from workflow.case_task_link l
    where c.clock_holder_id is not null and l.case_id::text = c.case_id and l.task_id = c.task_id
      and l.target->>'id' = c.clock_holder_id and l.target->>'kind' in ('UNIT', 'PARTNER')`,
  `update workflow.sla_clock c set clock_holder_kind = t.target_kind
     from workflow.task_view t
    where c.clock_holder_kind is null and c.clock_holder_id is not null and c.task_id = t.id::text
      and t.target_id = c.clock_holder_id and t.target_kind in ('UNIT', 'PARTNER')`,
  `update workflow.sla_clock set clock_holder_kind = 'UNIT' where clock_holder_id is not null and clock_holder_kind is null`,
]);
