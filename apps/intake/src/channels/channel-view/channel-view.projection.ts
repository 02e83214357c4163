import { Injectable } from '@nestjs/common';
import { CHANNEL_EVENT_TYPES } from '@collab/intake-domain';
import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@collab/event-store';
import type {
  ChannelChanged,
  ChannelDisabled,
  ChannelEnabled,
  ChannelEvent,
  ChannelRegistered,
} from '@collab/intake-domain';
import { Projection } from '@collab/service-kit';
import { ChannelViewRecord } from './channel-view.entity';

const registered = (event: RecordedEvent, data: ChannelRegistered['data']): ChannelViewRecord => ({
  id: data.channelId,
  kind: data.kind,
  name: data.name,
  audiences: [...data.audiences],
  enabled: data.enabled,
  calendarId: data.calendarId,
  defaultLanguage: data.defaultLanguage,
  registeredAt: new Date(data.registeredAt),
  changedAt: new Date(data.registeredAt),
  version: event.streamVersion,
});

const changed = (event: RecordedEvent, data: ChannelChanged['data']): Partial<ChannelViewRecord> => {
  const { channelId: _channelId, changedAt, audiences, ...settings } = data;
  return {
    ...settings,
    ...(audiences ? { audiences: [...audiences] } : {}),
    changedAt: new Date(changedAt),
    version: event.streamVersion,
  };
};

const switched = (
  event: RecordedEvent,
  channelEvent: ChannelEnabled | ChannelDisabled,
): Partial<ChannelViewRecord> => {
  const at =
    channelEvent.type === 'ChannelEnabled' ? channelEvent.data.enabledAt : channelEvent.data.disabledAt;
  return {
    enabled: channelEvent.type === 'ChannelEnabled',
    changedAt: new Date(at),
    version: event.streamVersion,
  };
};

/** Keeps intake.channel_view equal to the fold of the channel streams; other intake events pass by. */
@Injectable()
export class ChannelViewProjection extends Projection {
  readonly name = 'intake.channel-view';
  readonly log = 'intake';
  readonly handles = CHANNEL_EVENT_TYPES;
  readonly tables = ['intake.channel_view'];
  async apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    const views = tx.getRepository(ChannelViewRecord);
    for (const event of events) {
      const channelEvent = { type: event.type, data: event.data } as ChannelEvent;
      switch (channelEvent.type) {
        case 'ChannelRegistered':
          await views.upsert(registered(event, channelEvent.data), ['id']);
          break;
        case 'ChannelChanged':
          await views.update({ id: channelEvent.data.channelId }, changed(event, channelEvent.data));
          break;
        case 'ChannelEnabled':
        case 'ChannelDisabled':
          await views.update({ id: channelEvent.data.channelId }, switched(event, channelEvent));
          break;
        default:
          break;
      }
    }
  }
}
