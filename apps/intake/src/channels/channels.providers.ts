import type { Provider, Type } from '@nestjs/common';
import { IntakeFolds } from '../folds/intake-folds';
import { ChangeChannelHttp } from './change-channel/change-channel.http';
import { ChannelAvailabilityHttp } from './channel-availability/channel-availability.http';
import { ChannelCommands } from './channel-commands';
import { ChannelDirectory } from './channel-directory';
import { ChannelViewRecord } from './channel-view/channel-view.entity';
import { ChannelViewProjection } from './channel-view/channel-view.projection';
import { ChannelSeeder } from './default-channels/channel-seeder';
import { ChannelCatalogue } from './read-channels/channel-catalogue';
import { ReadChannelsHttp } from './read-channels/read-channels.http';
import { RegisterChannelHttp } from './register-channel/register-channel.http';

/**
 * The channel registry, spread into IntakeModule so it shares intake's EVENT_STORE:
 * `providers: [...CHANNEL_PROVIDERS]`, `controllers: [...CHANNEL_CONTROLLERS]`,
 * `TypeOrmModule.forFeature([...CHANNEL_ENTITIES])`. ChannelDirectory is what other features use.
 */
export const CHANNEL_PROVIDERS: readonly Provider[] = [
  IntakeFolds,
  ChannelDirectory,
  ChannelCommands,
  ChannelCatalogue,
  ChannelViewProjection,
  ChannelSeeder,
];
export const CHANNEL_CONTROLLERS: readonly Type[] = [
  ReadChannelsHttp,
  RegisterChannelHttp,
  ChangeChannelHttp,
  ChannelAvailabilityHttp,
];
export const CHANNEL_ENTITIES: readonly Type[] = [ChannelViewRecord];

export { ChannelDirectory } from './channel-directory';
export type { ChannelView } from '../intake.answers';
