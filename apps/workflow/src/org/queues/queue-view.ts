import type { LanguageRule, OrgQueue } from '@collab/workflow-domain';
import type { OrgQueueRecord } from '../org-view/org-view.entity';

export interface QueueView {
  readonly id: string;
  readonly unitId: string;
  readonly name: string;
  readonly skills: readonly string[];
  /** REQUIRED: cases wait for an agent who speaks their language; PREFERRED: speakers first. */
  readonly languageRule: LanguageRule;
  readonly version: number;
}

export const queueViewOf = (
  { queueId, unitId, name, skills, languageRule }: OrgQueue,
  version: number,
): QueueView => ({ id: queueId, unitId, name, skills, languageRule, version });

export const queueViewOfRecord = ({
  id,
  unitId,
  name,
  skills,
  languageRule,
  version,
}: OrgQueueRecord): QueueView => ({ id, unitId, name, skills, languageRule, version });
