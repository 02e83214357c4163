import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Patch, Post, Query, Res } from '@nestjs/common';
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
import { InjectRepository } from '@nestjs/typeorm';
import type { Response } from 'express';
import { MoreThan, type Repository } from 'typeorm';
import { Answers,
  CurrentPrincipal,
  NotFound,
  Roles,
  defined,
  originOf,
  type CommandOrigin,
  keyAfter,
  pageFromRows,
  type ListPage,
  type Principal,
} from '@collab/service-kit';
import {
  STAFF_ROLES,
  queueReferences,
  queueStreamId,
  routesTo,
  type QueueCommand,
} from '@collab/workflow-domain';
import { PROCESS_CATALOGUE, type ProcessCatalogue } from '../../workflow.ports';
import { OrgCommands } from '../org-commands';
import { OrgIdParam, actorFrom, changeRequestOf, withEtag } from '../org-http';
import { OrgQueueRecord } from '../org-view/org-view.entity';
import { ChangeQueueRequest, DefineQueueRequest, ListQueuesQuery, RetireQueueRequest } from './queue.request';
import { queueViewOf, queueViewOfRecord } from './queue-view';
import { queueListSchema, queueViewSchema, type QueueView } from '../org.answers';

/** Queues, where a unit's cases wait for an owner. */
@ApiTags('org')
@ApiBearerAuth()
@Controller('api/v1/org/queues')
export class QueuesHttp {
  constructor(
    private readonly commands: OrgCommands,
    @InjectRepository(OrgQueueRecord) private readonly queues: Repository<OrgQueueRecord>,
    @Inject(PROCESS_CATALOGUE) private readonly processes: ProcessCatalogue,
  ) {}

  @Answers(queueListSchema)
  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ description: 'A page of the queues (or those of `unitId`), by id.' })
  async list(@Query() query: ListQueuesQuery): Promise<ListPage<QueueView>> {
    const after = keyAfter(query.after);
    const records = await this.queues.find({
      where: { ...(query.unitId ? { unitId: query.unitId } : {}), ...(after === undefined ? {} : { id: MoreThan(after) }) },
      order: { id: 'ASC' },
      take: query.limit + 1,
    });
    return pageFromRows(records, query, (record) => record.id, queueViewOfRecord);
  }

  @Answers(queueViewSchema)
  @Get(':id')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ description: 'The queue; ETag is its version.' })
  @ApiNotFoundResponse({ description: 'No queue has this id.' })
  async get(
    @Param('id', OrgIdParam) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<QueueView> {
    return withEtag(response, await this.require(id));
  }

  @Answers(queueViewSchema)
  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiCreatedResponse({ description: 'The queue as defined.' })
  @ApiBadRequestResponse({ description: 'Invalid fields, each named (e.g. a unit that does not exist).' })
  @ApiForbiddenResponse({ description: 'The caller is not an admin.' })
  @ApiConflictResponse({
    description:
      'The id is already a unit, queue or partner (a queue may carry the id of the unit owning it).',
  })
  async define(
    @Body() body: DefineQueueRequest,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<QueueView> {
    const origin = originOf(principal, correlationId);
    const { id, ...queue } = defined(body);
    return withEtag(
      response,
      await this.run({ type: 'DefineQueue', queueId: id, ...queue, actor: actorFrom(origin) }, origin),
    );
  }

  @Answers(queueViewSchema)
  @Patch(':id')
  @Roles('admin')
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The ETag of the version this change is based on.',
  })
  @ApiOkResponse({ description: 'The queue as it now is.' })
  @ApiNotFoundResponse({ description: 'No queue has this id.' })
  @ApiConflictResponse({ description: 'If-Match names a version the queue is no longer at.' })
  async change(
    @Param('id', OrgIdParam) id: string,
    @Body() body: ChangeQueueRequest,
    @CurrentPrincipal() principal: Principal,
    // Its `req` carries If-Match and X-Correlation-Id; the answer's ETag is set on it.
    @Res({ passthrough: true }) response: Response,
  ): Promise<QueueView> {
    await this.require(id);
    const origin = originOf(principal, response.req.get('x-correlation-id'));
    const command: QueueCommand = {
      type: 'ChangeQueue',
      queueId: id,
      ...changeRequestOf(body, origin, response),
    };
    return withEtag(response, await this.run(command, origin));
  }

  /**
   * Retires a queue no active process routes to any more: it takes no new cases, agents or rules.
   * Refused while a process's latest version still names it in a rule or its fallback.
   */
  @Answers(queueViewSchema)
  @Post(':id/retire')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ description: 'The queue as it now is: RETIRED.' })
  @ApiBadRequestResponse({ description: 'No reason given.' })
  @ApiForbiddenResponse({ description: 'The caller is not an admin.' })
  @ApiNotFoundResponse({ description: 'No queue has this id.' })
  @ApiConflictResponse({
    description:
      'An active process still routes to the queue (each named: process, version, rule or fallback), or the queue is already retired.',
  })
  async retire(
    @Param('id', OrgIdParam) id: string,
    @Body() body: RetireQueueRequest,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<QueueView> {
    await this.require(id);
    const origin = originOf(principal, response.req.get('x-correlation-id'));
    // The catalogue follows the log a moment behind: a version published in the same moment is not seen.
    const active = (await this.processes.entries()).filter((entry) => entry.active).map((entry) => entry.latest);
    const command: QueueCommand = {
      type: 'RetireQueue',
      queueId: id,
      routedBy: routesTo(id, active),
      actor: actorFrom(origin),
      reason: body.reason,
    };
    return withEtag(response, await this.run(command, origin));
  }

  private async require(queueId: string): Promise<QueueView> {
    const { state, version } = await this.commands.org.queues.load(queueStreamId(queueId));
    if (state.status === 'undefined') throw new NotFound('queue', queueId);
    return queueViewOf(state.queue, { version, retired: state.status === 'retired' });
  }

  private async run(command: QueueCommand, origin: CommandOrigin): Promise<QueueView> {
    const claim =
      command.type === 'DefineQueue'
        ? { claim: { id: command.queueId, kind: 'QUEUE' as const, ownerUnitId: command.unitId } }
        : {};
    const { state, version } = await this.commands.execute(
      {
        handler: this.commands.org.queues,
        command,
        references: queueReferences(command),
        ...claim,
      },
      origin,
    );
    if (state.status === 'undefined')
      throw new Error(`queue ${command.queueId} is not defined after ${command.type}`);
    return queueViewOf(state.queue, { version, retired: state.status === 'retired' });
  }
}
