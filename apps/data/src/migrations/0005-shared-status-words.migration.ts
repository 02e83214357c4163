import { sqlMigration } from '@collab/service-kit';

/**
 * The fact store's statuses in the shared vocabulary (issue 11): a case workflow registered but no
 * queue holds yet shows intake's OPENED or ACKNOWLEDGED instead of data's own OPEN, a reopened case
 * its owner's ASSIGNED (v1 reopenings always went back to the owner; whether a v2 one waits for room
 * was not kept), and a task accepted ACCEPTED. Withdrawals, transfers and collaboration openings
 * were not followed before, so their steps come only with `npm run rebuild -- data facts`.
 */
export const SharedStatusWords = sqlMigration('SharedStatusWords1797120000000', [
  `update data.case_dim c set status = 'ACKNOWLEDGED', status_at = a.at
     from (select case_id, max(at) as at from data.fact where kind = 'CASE_ACKNOWLEDGED' group by case_id) a
     where a.case_id = c.case_id and (c.status is null or c.status = 'OPEN')`,
  `update data.case_dim set status = 'OPENED', status_at = opened_at where status is null or status = 'OPEN'`,
  `update data.case_dim set status = 'ASSIGNED' where status = 'REOPENED'`,
  `update data.task_dim t set status = 'ACCEPTED'
     where t.status = 'REQUESTED' and exists (select 1 from data.fact f where f.kind = 'TASK_ACCEPTED' and f.task_id = t.task_id)`,
]);
