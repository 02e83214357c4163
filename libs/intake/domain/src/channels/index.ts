export * from './channel.events';
export * from './channel.decider';
export * from './default-channels';
