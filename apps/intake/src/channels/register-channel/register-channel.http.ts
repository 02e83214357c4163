import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Answers, CurrentPrincipal, Roles, type Principal } from '@collab/service-kit';
import { originOf } from '@collab/service-kit';
import { ChannelCommands } from '../channel-commands';
import { RegisterChannelRequest } from './register-channel.request';
import { channelViewSchema, type ChannelView } from '../../intake.answers';

@ApiTags('channels')
@ApiBearerAuth()
@Controller('api/v1/channels')
export class RegisterChannelHttp {
  constructor(private readonly commands: ChannelCommands) {}

  /** Adds a channel to the registry; contacts may arrive on it once it is enabled. */
  @Answers(channelViewSchema)
  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiCreatedResponse({ description: 'The channel as registered.' })
  @ApiForbiddenResponse({ description: 'The caller is not an admin.' })
  @ApiConflictResponse({ description: 'A channel with this id already exists.' })
  register(
    @Body() body: RegisterChannelRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ChannelView> {
    const { id, ...settings } = body;
    return this.commands.execute(
      { type: 'RegisterChannel', channelId: id, ...settings },
      originOf(principal, correlationId),
    );
  }
}
