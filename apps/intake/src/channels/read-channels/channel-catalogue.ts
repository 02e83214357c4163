import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ChannelViewRecord, channelViewOfRecord } from '../channel-view/channel-view.entity';
import type { ChannelView } from '../../intake.answers';

/** The whole registry, from the read model (it follows the log a moment behind the commands). */
@Injectable()
export class ChannelCatalogue {
  constructor(@InjectRepository(ChannelViewRecord) private readonly views: Repository<ChannelViewRecord>) {}

  async list(): Promise<ChannelView[]> {
    const records = await this.views.find({ order: { id: 'ASC' } });
    return records.map(channelViewOfRecord);
  }
}
