import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  ApiBearerAuth,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Answers, CurrentPrincipal, Roles, defined, originOf, pageOf, pageQueryShape, type ListPage, type Principal } from '@collab/service-kit';
import {
  STAFF_ROLES,
  unitReferences,
  type UnitCommand,
} from '@collab/workflow-domain';
import { OrgCommands } from '../org-commands';
import { OrgIdParam, actorFrom, changeRequestOf, withEtag } from '../org-http';
import { UnitDirectory } from './unit-directory';
import { ChangeUnitRequest, DefineUnitRequest } from './unit.request';
import { unitViewOf } from './unit-view';
import { unitTreeSchema, unitViewSchema, type UnitNode, type UnitView } from '../org.answers';

class ReadUnitsQuery extends createZodDto(z.strictObject(pageQueryShape)) {}

/** The hierarchy group → province → city → department: staff read it, administrators change it. */
@ApiTags('org')
@ApiBearerAuth()
@Controller('api/v1/org/units')
export class UnitsHttp {
  constructor(
    private readonly commands: OrgCommands,
    private readonly directory: UnitDirectory,
  ) {}

  @Answers(unitTreeSchema)
  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({
    description: 'A page of the top units by id, each with its queues and the units below it.',
  })
  async tree(@Query() query: ReadUnitsQuery): Promise<ListPage<UnitNode>> {
    return pageOf(await this.directory.tree(), query, (top) => top.id);
  }

  @Answers(unitViewSchema)
  @Get(':id')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ description: 'The unit as of the last change; ETag is its version.' })
  @ApiNotFoundResponse({ description: 'No unit has this id.' })
  async get(
    @Param('id', OrgIdParam) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<UnitView> {
    return withEtag(response, await this.directory.require(id));
  }

  @Answers(unitViewSchema)
  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiCreatedResponse({ description: 'The unit as defined.' })
  @ApiBadRequestResponse({
    description:
      'Invalid fields, each named: e.g. a parent that does not stand higher, or sits below the unit.',
  })
  @ApiForbiddenResponse({ description: 'The caller is not an admin.' })
  @ApiConflictResponse({ description: 'The id is already a unit, queue or partner.' })
  async define(
    @Body() body: DefineUnitRequest,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<UnitView> {
    const origin = originOf(principal, correlationId);
    const { id, ...unit } = defined(body);
    const command: UnitCommand = { type: 'DefineUnit', unitId: id, ...unit, actor: actorFrom(origin) };
    return withEtag(response, await this.run(command, origin, true));
  }

  /** Changes names, type, parent (moving the unit with everything below it), region, calendar or supervisor. */
  @Answers(unitViewSchema)
  @Patch(':id')
  @Roles('admin')
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The ETag of the version this change is based on.',
  })
  @ApiOkResponse({ description: 'The unit as it now is.' })
  @ApiNotFoundResponse({ description: 'No unit has this id.' })
  @ApiConflictResponse({ description: 'If-Match names a version the unit is no longer at.' })
  async change(
    @Param('id', OrgIdParam) id: string,
    @Body() body: ChangeUnitRequest,
    @CurrentPrincipal() principal: Principal,
    // Its `req` carries If-Match and X-Correlation-Id; the answer's ETag is set on it.
    @Res({ passthrough: true }) response: Response,
  ): Promise<UnitView> {
    await this.directory.require(id);
    const origin = originOf(principal, response.req.get('x-correlation-id'));
    const command: UnitCommand = {
      type: 'ChangeUnit',
      unitId: id,
      ...changeRequestOf(body, origin, response),
    };
    return withEtag(response, await this.run(command, origin, false));
  }

  private async run(
    command: UnitCommand,
    origin: ReturnType<typeof originOf>,
    defines: boolean,
  ): Promise<UnitView> {
    const { state, version } = await this.commands.execute(
      {
        handler: this.commands.org.units,
        command,
        references: unitReferences(command),
        ...(defines ? { claim: { id: command.unitId, kind: 'UNIT' as const } } : {}),
      },
      origin,
    );
    if (state.status === 'undefined')
      throw new Error(`unit ${command.unitId} is not defined after ${command.type}`);
    return unitViewOf(state.unit, version);
  }
}
