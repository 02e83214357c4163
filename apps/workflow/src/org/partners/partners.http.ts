import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
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
  pageQueryShape,
  type ListPage,
  type Principal,
} from '@collab/service-kit';
import {
  STAFF_ROLES,
  partnerStreamId,
  type PartnerCommand,
  NOTHING_REFERENCED,
} from '@collab/workflow-domain';
import { OrgCommands } from '../org-commands';
import { OrgIdParam, actorFrom, changeRequestOf, withEtag } from '../org-http';
import { OrgPartnerRecord } from '../org-view/org-view.entity';
import { ChangePartnerRequest, PartnerActivityRequest, RegisterPartnerRequest } from './partner.request';
import { partnerViewOf, partnerViewOfRecord } from './partner-view';
import { partnerListSchema, partnerViewSchema, type PartnerView } from '../org.answers';

const originFrom = (principal: Principal, response: Response): CommandOrigin =>
  originOf(principal, response.req.get('x-correlation-id'));

class ListPartnersQuery extends createZodDto(z.strictObject(pageQueryShape)) {}

/** Partner organisations: resellers, content providers, outsourced centres that take collaboration tasks. */
@ApiTags('org')
@ApiBearerAuth()
@Controller('api/v1/org/partners')
export class PartnersHttp {
  constructor(
    private readonly commands: OrgCommands,
    @InjectRepository(OrgPartnerRecord) private readonly partners: Repository<OrgPartnerRecord>,
  ) {}

  @Answers(partnerListSchema)
  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ description: 'A page of the partners, active or not, by id.' })
  async list(@Query() query: ListPartnersQuery): Promise<ListPage<PartnerView>> {
    const after = keyAfter(query.after);
    const records = await this.partners.find({ where: after === undefined ? {} : { id: MoreThan(after) }, order: { id: 'ASC' }, take: query.limit + 1 });
    return pageFromRows(records, query, (record) => record.id, partnerViewOfRecord);
  }

  @Answers(partnerViewSchema)
  @Get(':id')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ description: 'The partner; ETag is its version.' })
  @ApiNotFoundResponse({ description: 'No partner has this id.' })
  async get(
    @Param('id', OrgIdParam) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PartnerView> {
    return withEtag(response, await this.require(id));
  }

  @Answers(partnerViewSchema)
  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiCreatedResponse({ description: 'The partner as registered, active.' })
  @ApiBadRequestResponse({ description: 'Invalid fields, each named.' })
  @ApiForbiddenResponse({ description: 'The caller is not an admin.' })
  @ApiConflictResponse({ description: 'The id is already a unit, queue or partner.' })
  async register(
    @Body() body: RegisterPartnerRequest,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PartnerView> {
    const origin = originFrom(principal, response);
    const { id, ...partner } = defined(body);
    return withEtag(
      response,
      await this.run(
        { type: 'RegisterPartner', partnerId: id, ...partner, actor: actorFrom(origin) },
        origin,
      ),
    );
  }

  @Answers(partnerViewSchema)
  @Patch(':id')
  @Roles('admin')
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The ETag of the version this change is based on.',
  })
  @ApiOkResponse({ description: 'The partner as it now is.' })
  @ApiNotFoundResponse({ description: 'No partner has this id.' })
  @ApiConflictResponse({ description: 'If-Match names a version the partner is no longer at.' })
  async change(
    @Param('id', OrgIdParam) id: string,
    @Body() body: ChangePartnerRequest,
    @CurrentPrincipal() principal: Principal,
    // Its `req` carries If-Match and X-Correlation-Id; the answer's ETag is set on it.
    @Res({ passthrough: true }) response: Response,
  ): Promise<PartnerView> {
    await this.require(id);
    const origin = originFrom(principal, response);
    const command: PartnerCommand = {
      type: 'ChangePartner',
      partnerId: id,
      ...changeRequestOf(body, origin, response),
    };
    return withEtag(response, await this.run(command, origin));
  }

  /** The partner takes no new work; tasks already with it stay. */
  @Answers(partnerViewSchema)
  @Post(':id/deactivate')
  @HttpCode(200)
  @Roles('admin')
  @ApiNotFoundResponse({ description: 'No partner has this id.' })
  @ApiConflictResponse({ description: 'The partner is already inactive.' })
  async deactivate(
    @Param('id', OrgIdParam) id: string,
    @Body() body: PartnerActivityRequest,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PartnerView> {
    await this.require(id);
    const origin = originFrom(principal, response);
    return withEtag(
      response,
      await this.run(
        { type: 'DeactivatePartner', partnerId: id, actor: actorFrom(origin), reason: body.reason },
        origin,
      ),
    );
  }

  @Answers(partnerViewSchema)
  @Post(':id/reactivate')
  @HttpCode(200)
  @Roles('admin')
  @ApiNotFoundResponse({ description: 'No partner has this id.' })
  @ApiConflictResponse({ description: 'The partner is already active.' })
  async reactivate(
    @Param('id', OrgIdParam) id: string,
    @Body() body: PartnerActivityRequest,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PartnerView> {
    await this.require(id);
    const origin = originFrom(principal, response);
    return withEtag(
      response,
      await this.run(
        { type: 'ReactivatePartner', partnerId: id, actor: actorFrom(origin), reason: body.reason },
        origin,
      ),
    );
  }

  private async require(partnerId: string): Promise<PartnerView> {
    const { state, version } = await this.commands.org.partners.load(partnerStreamId(partnerId));
    if (state.status === 'unregistered') throw new NotFound('partner', partnerId);
    return partnerViewOf(state.partner, state.status === 'active', version);
  }

  private async run(command: PartnerCommand, origin: CommandOrigin): Promise<PartnerView> {
    const claim =
      command.type === 'RegisterPartner'
        ? { claim: { id: command.partnerId, kind: 'PARTNER' as const } }
        : {};
    const { state, version } = await this.commands.execute(
      {
        handler: this.commands.org.partners,
        command,
        references: NOTHING_REFERENCED,
        ...claim,
      },
      origin,
    );
    if (state.status === 'unregistered')
      throw new Error(`partner ${command.partnerId} is not registered after ${command.type}`);
    return partnerViewOf(state.partner, state.status === 'active', version);
  }
}
