export * from './event-store.port';
export * from './aggregate-streams';
