import type { OrgAgent } from '@collab/workflow-domain';
import type { OrgAgentRecord } from '../org-view/org-view.entity';

export interface AgentView {
  readonly id: string;
  readonly unitId: string;
  readonly queues: readonly string[];
  /** Those of `queues` that belong to another unit, each by an explicit grant (跨部门). */
  readonly crossUnitQueues: readonly string[];
  readonly skills: readonly string[];
  readonly languages: readonly string[];
  readonly capacity: number;
  readonly active: boolean;
  /** Open cases they own now (not resolved, closed or cancelled). */
  readonly load: number;
  readonly version: number;
}

export const agentViewOf = (
  { agentId, ...agent }: OrgAgent,
  status: { active: boolean; version: number; load: number },
): AgentView => ({
  id: agentId,
  unitId: agent.unitId,
  queues: agent.queues,
  crossUnitQueues: agent.crossUnitQueues,
  skills: agent.skills,
  languages: agent.languages,
  capacity: agent.capacity,
  ...status,
});

export const agentViewOfRecord = (record: OrgAgentRecord, load: number): AgentView => ({
  id: record.id,
  unitId: record.unitId,
  queues: record.queues,
  crossUnitQueues: record.crossUnitQueues,
  skills: record.skills,
  languages: record.languages,
  capacity: record.capacity,
  active: record.active,
  load,
  version: record.version,
});
