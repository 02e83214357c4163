import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { pageQueryShape } from '@collab/service-kit';
import {
  agentId,
  capacity,
  changesSomething,
  languages,
  orgId,
  reason,
  reasonBody,
  skills,
} from '../org-fields.request';

const agentSettings = {
  unitId: orgId,
  queues: z.array(orgId).max(50, { message: 'must list at most 50 queues' }),
  skills,
  languages,
  capacity,
};

export const enrolAgentSchema = z
  .object({ id: agentId, ...agentSettings, skills: skills.default([]), reason: reason.optional() })
  .strict();

export class EnrolAgentRequest extends createZodDto(enrolAgentSchema) {}

export const changeAgentSchema = changesSomething(agentSettings);

export class ChangeAgentRequest extends createZodDto(changeAgentSchema) {}

export class AgentActivityRequest extends createZodDto(reasonBody) {}

export const listAgentsSchema = z.object({ queueId: orgId.optional(), unitId: orgId.optional(), ...pageQueryShape }).strict();

export class ListAgentsQuery extends createZodDto(listAgentsSchema) {}

/** 跨部门: the queue of another unit the agent may work, and why. */
export const grantMembershipSchema = z.object({ queueId: orgId, reason }).strict();

export class GrantMembershipRequest extends createZodDto(grantMembershipSchema) {}
