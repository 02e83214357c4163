import { Body, Controller, Headers, Param, Patch } from '@nestjs/common';
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
import { ChangeChannelRequest } from './change-channel.request';
import { channelViewSchema, type ChannelView } from '../../intake.answers';

@ApiTags('channels')
@ApiBearerAuth()
@Controller('api/v1/channels')
export class ChangeChannelHttp {
  constructor(private readonly commands: ChannelCommands) {}

  /** Changes whom the channel serves, its service hours, default language or name; fields left out stay. */
  @Answers(channelViewSchema)
  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ description: 'The channel as it now is.' })
  @ApiForbiddenResponse({ description: 'The caller is not an admin.' })
  @ApiNotFoundResponse({ description: 'No channel has this id.' })
  @ApiConflictResponse({ description: 'Changed by someone else meanwhile.' })
  change(
    @Param('id', ChannelIdParam) id: string,
    @Body() body: ChangeChannelRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ChannelView> {
    return this.commands.execute(
      { type: 'ChangeChannel', channelId: id, changes: defined(body) },
      originOf(principal, correlationId),
    );
  }
}
