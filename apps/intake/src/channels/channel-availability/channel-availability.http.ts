import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Answers, CurrentPrincipal, Roles, defined, type Principal } from '@collab/service-kit';
import { originOf } from '@collab/service-kit';
import { ChannelCommands } from '../channel-commands';
import { ChannelIdParam } from '../channel-id.param';
import { ChannelAvailabilityRequest } from './channel-availability.request';
import { channelViewSchema, type ChannelView } from '../../intake.answers';

/** Switching a channel on and off; while it is off, contacts on it are refused. */
@ApiTags('channels')
@ApiBearerAuth()
@Controller('api/v1/channels/:id')
export class ChannelAvailabilityHttp {
  constructor(private readonly commands: ChannelCommands) {}

  @Answers(channelViewSchema)
  @Post('enable')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ description: 'The channel, enabled.' })
  @ApiForbiddenResponse({ description: 'The caller is not an admin.' })
  @ApiNotFoundResponse({ description: 'No channel has this id.' })
  @ApiConflictResponse({ description: 'The channel is already enabled.' })
  enable(
    @Param('id', ChannelIdParam) id: string,
    @Body() body: ChannelAvailabilityRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ChannelView> {
    return this.commands.execute(
      { type: 'EnableChannel', channelId: id, ...defined(body) },
      originOf(principal, correlationId),
    );
  }

  @Answers(channelViewSchema)
  @Post('disable')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ description: 'The channel, disabled.' })
  @ApiForbiddenResponse({ description: 'The caller is not an admin.' })
  @ApiNotFoundResponse({ description: 'No channel has this id.' })
  @ApiConflictResponse({ description: 'The channel is already disabled.' })
  disable(
    @Param('id', ChannelIdParam) id: string,
    @Body() body: ChannelAvailabilityRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ChannelView> {
    return this.commands.execute(
      { type: 'DisableChannel', channelId: id, ...defined(body) },
      originOf(principal, correlationId),
    );
  }
}
