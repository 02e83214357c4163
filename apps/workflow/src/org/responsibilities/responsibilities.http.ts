import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { Response } from 'express';
import type { Repository } from 'typeorm';
import { Answers,
  CurrentPrincipal,
  NotFound,
  Roles,
  ValidationFailed,
  defined,
  originOf,
  type CommandOrigin,
  pageOf,
  pageQueryShape,
  type ListPage,
  type Principal,
} from '@collab/service-kit';
import {
  RESPONSIBILITY_MATRIX_STREAM,
  STAFF_ROLES,
  responsibilityReferences,
  responsibleFor,
  type ResponsibilityCommand,
  type ResponsibilityEntry,
} from '@collab/workflow-domain';
import { OrgCommands } from '../org-commands';
import { actorFrom } from '../org-http';
import { OrgResponsibilityRecord } from '../org-view/org-view.entity';
import {
  AssignResponsibilityRequest,
  LookupResponsibilityQuery,
  WithdrawResponsibilityRequest,
} from './responsibility.request';
import { responsibilityViewOf, responsibilityViewOfRecord } from './responsibility-view';
import { responsibilityListSchema, responsibilityViewSchema, type ResponsibilityView } from '../org.answers';

const entryIdParam = new ParseUUIDPipe({
  exceptionFactory: () =>
    new ValidationFailed([{ field: 'id', message: 'must be the UUID of a matrix entry' }]),
});

const originFrom = (principal: Principal, response: Response): CommandOrigin =>
  originOf(principal, response.req.get('x-correlation-id'));

class ListResponsibilitiesQuery extends createZodDto(z.strictObject(pageQueryShape)) {}

/** 职责矩阵: which unit (and queue) or partner handles which request type, category and region. */
@ApiTags('org')
@ApiBearerAuth()
@Controller('api/v1/org/responsibilities')
export class ResponsibilitiesHttp {
  constructor(
    private readonly commands: OrgCommands,
    @InjectRepository(OrgResponsibilityRecord) private readonly entries: Repository<OrgResponsibilityRecord>,
  ) {}

  @Answers(responsibilityListSchema)
  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ description: 'A page of the standing entries, oldest first.' })
  async list(@Query() query: ListResponsibilitiesQuery): Promise<ListPage<ResponsibilityView>> {
    // The matrix is a catalogue (one row per standing rule), paged in memory; ISO instants sort as they happened.
    const entries = (await this.entries.find()).map(responsibilityViewOfRecord);
    return pageOf(entries, query, (entry) => `${entry.assignedAt}|${entry.id}`);
  }

  /** The most specific entry covering these facts, from the matrix as it stands now. */
  @Answers(responsibilityViewSchema)
  @Get('lookup')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({
    description:
      'The entry that decides: the one naming most attributes, then the deepest category, then the deepest region.',
  })
  @ApiNotFoundResponse({ description: 'No entry covers these facts.' })
  async lookup(@Query() query: LookupResponsibilityQuery): Promise<ResponsibilityView> {
    const facts = defined(query);
    const entry = responsibleFor(await this.standing(), facts);
    if (!entry) throw new NotFound('responsibility for', JSON.stringify(facts));
    return responsibilityViewOf(entry);
  }

  @Answers(responsibilityViewSchema)
  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiCreatedResponse({ description: 'The entry as assigned.' })
  @ApiBadRequestResponse({ description: 'Invalid fields, each named (e.g. a queue the unit does not own).' })
  @ApiForbiddenResponse({ description: 'The caller is not an admin.' })
  @ApiConflictResponse({ description: 'An entry for exactly this scope stands already; withdraw it first.' })
  async assign(
    @Body() body: AssignResponsibilityRequest,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ResponsibilityView> {
    const origin = originFrom(principal, response);
    const { requestType, category, region, unitId, queueId, reason } = defined(body);
    const entryId = randomUUID();
    const scope = defined({ requestType, category, region });
    await this.run(
      {
        type: 'AssignResponsibility',
        entryId,
        scope,
        unitId,
        ...defined({ queueId, reason }),
        actor: actorFrom(origin),
      },
      origin,
    );
    const entry = (await this.standing()).find((standing) => standing.entryId === entryId);
    if (!entry) throw new Error(`entry ${entryId} is not in the matrix after assigning it`);
    return responsibilityViewOf(entry);
  }

  @Answers(responsibilityViewSchema)
  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ description: 'The entry that no longer stands.' })
  @ApiNotFoundResponse({ description: 'No standing entry has this id.' })
  async withdraw(
    @Param('id', entryIdParam) id: string,
    @Body() body: WithdrawResponsibilityRequest,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ResponsibilityView> {
    const entry = (await this.standing()).find((standing) => standing.entryId === id);
    if (!entry) throw new NotFound('responsibility entry', id);
    const origin = originFrom(principal, response);
    await this.run(
      { type: 'WithdrawResponsibility', entryId: id, actor: actorFrom(origin), reason: body.reason },
      origin,
    );
    return responsibilityViewOf(entry);
  }

  private async standing(): Promise<ResponsibilityEntry[]> {
    const { state } = await this.commands.org.matrix.load(RESPONSIBILITY_MATRIX_STREAM);
    return Object.values(state.entries);
  }

  private run(command: ResponsibilityCommand, origin: CommandOrigin) {
    return this.commands.execute(
      {
        handler: this.commands.org.matrix,
        command,
        references: responsibilityReferences(command),
      },
      origin,
    );
  }
}
