import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Answers,
  CurrentPrincipal,
  Roles,
  defined,
  originOf,
  type CommandOrigin,
  type ListPage,
  type Principal,
} from '@collab/service-kit';
import { STAFF_ROLES, agentReferences, type AgentCommand } from '@collab/workflow-domain';
import { OrgCommands } from '../org-commands';
import { AgentIdParam, actorFrom, changeRequestOf, withEtag } from '../org-http';
import { AgentRoster } from './agent-roster';
import {
  AgentActivityRequest,
  ChangeAgentRequest,
  EnrolAgentRequest,
  GrantMembershipRequest,
  ListAgentsQuery,
} from './agent.request';
import { agentListSchema, agentViewSchema, type AgentView } from '../org.answers';

const originFrom = (principal: Principal, response: Response): CommandOrigin =>
  originOf(principal, response.req.get('x-correlation-id'));

/** Agents: the queues they serve, their skills and languages, and how many cases they may hold. */
@ApiTags('org')
@ApiBearerAuth()
@Controller('api/v1/org/agents')
export class AgentsHttp {
  constructor(
    private readonly commands: OrgCommands,
    private readonly roster: AgentRoster,
  ) {}

  @Answers(agentListSchema)
  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({
    description: 'A page of the agents (or those of `queueId` / `unitId`), active or not, by id, with their load.',
  })
  list(@Query() query: ListAgentsQuery): Promise<ListPage<AgentView>> {
    return this.roster.list(defined(query));
  }

  @Answers(agentViewSchema)
  @Get(':id')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ description: 'The agent with their load; ETag is their version.' })
  @ApiNotFoundResponse({ description: 'No agent has this id.' })
  async get(
    @Param('id', AgentIdParam) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AgentView> {
    return withEtag(response, await this.roster.require(id));
  }

  /** Enrols a person (their token subject) as an agent; cases waiting in their queues may come to them at once. */
  @Answers(agentViewSchema)
  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiCreatedResponse({ description: 'The agent as enrolled.' })
  @ApiBadRequestResponse({
    description:
      "Invalid fields, each named: a queue that does not exist, or a queue of another unit than the agent's (granted only by a cross-unit membership).",
  })
  @ApiForbiddenResponse({ description: 'The caller is not an admin.' })
  @ApiConflictResponse({ description: 'This person is already enrolled.' })
  async enrol(
    @Body() body: EnrolAgentRequest,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AgentView> {
    const origin = originFrom(principal, response);
    const { id, ...agent } = defined(body);
    return withEtag(
      response,
      await this.run({ type: 'EnrolAgent', agentId: id, ...agent, actor: actorFrom(origin) }, origin),
    );
  }

  @Answers(agentViewSchema)
  @Patch(':id')
  @Roles('admin')
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The ETag of the version this change is based on.',
  })
  @ApiOkResponse({ description: 'The agent as they now are.' })
  @ApiBadRequestResponse({
    description:
      "Invalid fields, each named: a queue of another unit than the agent's without a cross-unit membership, or a move to another unit without the queues they work there.",
  })
  @ApiNotFoundResponse({ description: 'No agent has this id.' })
  @ApiConflictResponse({ description: 'If-Match names a version the agent is no longer at.' })
  async change(
    @Param('id', AgentIdParam) id: string,
    @Body() body: ChangeAgentRequest,
    @CurrentPrincipal() principal: Principal,
    // Its `req` carries If-Match and X-Correlation-Id; the answer's ETag is set on it.
    @Res({ passthrough: true }) response: Response,
  ): Promise<AgentView> {
    await this.roster.require(id);
    const origin = originFrom(principal, response);
    const command: AgentCommand = {
      type: 'ChangeAgent',
      agentId: id,
      ...changeRequestOf(body, origin, response),
    };
    return withEtag(response, await this.run(command, origin));
  }

  /**
   * 跨部门: lets the agent work a queue of another unit — the only way an agent serves a queue
   * outside their own unit. The queue joins their queues; waiting cases there may come to them.
   */
  @Answers(agentViewSchema)
  @Post(':id/cross-unit-memberships')
  @HttpCode(201)
  @Roles('admin')
  @ApiCreatedResponse({
    description: 'The agent as they now are, the queue among their queues and crossUnitQueues.',
  })
  @ApiBadRequestResponse({
    description: 'Invalid fields, each named (a queue that does not exist, no reason).',
  })
  @ApiForbiddenResponse({ description: 'The caller is not an admin.' })
  @ApiNotFoundResponse({ description: 'No agent has this id.' })
  @ApiConflictResponse({
    description: "The queue is of the agent's own unit (no grant needed), or already granted.",
  })
  async grantMembership(
    @Param('id', AgentIdParam) id: string,
    @Body() body: GrantMembershipRequest,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AgentView> {
    await this.roster.require(id);
    const origin = originFrom(principal, response);
    const { queueId, reason } = body;
    const command: AgentCommand = {
      type: 'GrantCrossUnitMembership',
      agentId: id,
      queueId,
      actor: actorFrom(origin),
      reason,
    };
    return withEtag(response, await this.run(command, origin));
  }

  /** The agent takes no new cases; those they own stay theirs. */
  @Answers(agentViewSchema)
  @Post(':id/deactivate')
  @HttpCode(200)
  @Roles('admin')
  @ApiNotFoundResponse({ description: 'No agent has this id.' })
  @ApiConflictResponse({ description: 'The agent is already inactive.' })
  async deactivate(
    @Param('id', AgentIdParam) id: string,
    @Body() body: AgentActivityRequest,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AgentView> {
    await this.roster.require(id);
    const origin = originFrom(principal, response);
    return withEtag(
      response,
      await this.run(
        { type: 'DeactivateAgent', agentId: id, actor: actorFrom(origin), reason: body.reason },
        origin,
      ),
    );
  }

  @Answers(agentViewSchema)
  @Post(':id/reactivate')
  @HttpCode(200)
  @Roles('admin')
  @ApiNotFoundResponse({ description: 'No agent has this id.' })
  @ApiConflictResponse({ description: 'The agent is already active.' })
  async reactivate(
    @Param('id', AgentIdParam) id: string,
    @Body() body: AgentActivityRequest,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AgentView> {
    await this.roster.require(id);
    const origin = originFrom(principal, response);
    return withEtag(
      response,
      await this.run(
        { type: 'ReactivateAgent', agentId: id, actor: actorFrom(origin), reason: body.reason },
        origin,
      ),
    );
  }

  private async run(command: AgentCommand, origin: CommandOrigin): Promise<AgentView> {
    await this.commands.execute(
      {
        handler: this.commands.org.agents,
        command,
        references: agentReferences(command),
      },
      origin,
    );
    return this.roster.require(command.agentId);
  }
}
