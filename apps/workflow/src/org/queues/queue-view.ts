import type { OrgQueue } from '@collab/workflow-domain';
import type { OrgQueueRecord } from '../org-view/org-view.entity';
import type { QueueView } from '../org.answers';

export const queueViewOf = (
  { queueId, unitId, name, skills, languageRule }: OrgQueue,
  { version, retired }: { version: number; retired: boolean },
): QueueView => ({
  id: queueId,
  unitId,
  name,
  skills: [...skills],
  languageRule,
  status: retired ? 'RETIRED' : 'OPEN',
  version,
});

export const queueViewOfRecord = ({
  id,
  unitId,
  name,
  skills,
  languageRule,
  retiredAt,
  version,
}: OrgQueueRecord): QueueView => ({
  id,
  unitId,
  name,
  skills,
  languageRule,
  status: retiredAt === null ? 'OPEN' : 'RETIRED',
  version,
});
