import type { LanguageRule, OrgQueue } from '@collab/workflow-domain';
import type { OrgQueueRecord } from '../org-view/org-view.entity';

export interface QueueView {
  readonly id: string;
  readonly unitId: string;
  readonly name: string;
  readonly skills: readonly string[];
  /** REQUIRED: cases wait for an agent who speaks their language; PREFERRED: speakers first. */
  readonly languageRule: LanguageRule;
  /** RETIRED: takes no new cases, agents or routing rules. */
  readonly status: 'OPEN' | 'RETIRED';
  readonly version: number;
}

export const queueViewOf = (
  { queueId, unitId, name, skills, languageRule }: OrgQueue,
  { version, retired }: { version: number; retired: boolean },
): QueueView => ({
  id: queueId,
  unitId,
  name,
  skills,
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
