export * from './messaging.port';
export * from './envelope';
