import { sqlMigration } from '@collab/service-kit';

/**
 * Who asked for a task is a tagged party (issue 11): `from_kind` beside `from_unit` (which keeps the
 * id, whatever its kind). The task table has no parent column, but ids are unique across queues,
 * units and partners and a queue is never a task's target: a task asked by another task's target in
 * the same case was asked in a chain by that holder, which has that target's kind; any other task was
 * asked by the case's queue. The same as following the log (CollaborationRequested v2 says `from`).
 */
export const PartyKinds = sqlMigration('PartyKinds1797206400000', [
  `alter table data.task_dim add column if not exists from_kind text not null default 'QUEUE'`,
  `update data.task_dim t set from_kind = h.to_kind
     from data.task_dim h
    where h.case_id = t.case_id and h.task_id <> t.task_id and h.to_id = t.from_unit`,
]);
