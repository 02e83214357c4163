import type { OrgQueue } from '@collab/workflow-domain';
import type { OrgQueueRecord } from '../org-view/org-view.entity';

export interface QueueView {
  readonly id: string;
  readonly unitId: string;
  readonly name: string;
  readonly skills: readonly string[];
  readonly version: number;
}

export const queueViewOf = ({ queueId, unitId, name, skills }: OrgQueue, version: number): QueueView => ({
  id: queueId,
  unitId,
  name,
  skills,
  version,
});

export const queueViewOfRecord = ({ id, unitId, name, skills, version }: OrgQueueRecord): QueueView => ({
  id,
  unitId,
  name,
  skills,
  version,
});
