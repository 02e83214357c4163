import { Controller, Get, Param, Query } from '@nestjs/common';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ChannelDirectory } from '../channel-directory';
import { ChannelIdParam } from '../channel-id.param';
import { ChannelCatalogue } from './channel-catalogue';
import { Answers, Allow, pageOf, pageQueryShape, type ListPage } from '@collab/service-kit';
import { channelListSchema, channelViewSchema, type ChannelView } from '../../intake.answers';

class ReadChannelsQuery extends createZodDto(z.strictObject(pageQueryShape)) {}

/** Any authenticated caller may see which channels exist and whom they serve. */
@ApiTags('channels')
@ApiBearerAuth()
@Allow('requester')
@Controller('api/v1/channels')
export class ReadChannelsHttp {
  constructor(
    private readonly catalogue: ChannelCatalogue,
    private readonly directory: ChannelDirectory,
  ) {}

  @Answers(channelListSchema)
  @Get()
  @ApiOkResponse({ description: 'Every registered channel, enabled or not, ordered by id.' })
  async list(@Query() query: ReadChannelsQuery): Promise<ListPage<ChannelView>> {
    return pageOf(await this.catalogue.list(), query, (channel) => channel.id);
  }

  @Answers(channelViewSchema)
  @Get(':id')
  @ApiOkResponse({ description: 'The channel, as of the last command on it.' })
  @ApiNotFoundResponse({ description: 'No channel has this id.' })
  get(@Param('id', ChannelIdParam) id: string): Promise<ChannelView> {
    return this.directory.require(id);
  }
}
