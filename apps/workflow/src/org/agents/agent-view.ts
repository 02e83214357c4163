import type { OrgAgent } from '@collab/workflow-domain';
import type { OrgAgentRecord } from '../org-view/org-view.entity';
import type { AgentView } from '../org.answers';

export const agentViewOf = (
  { agentId, ...agent }: OrgAgent,
  status: { active: boolean; version: number; load: number },
): AgentView => ({
  id: agentId,
  unitId: agent.unitId,
  queues: [...agent.queues],
  crossUnitQueues: [...agent.crossUnitQueues],
  skills: [...agent.skills],
  languages: [...agent.languages],
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
