export * from './messaging.port';
export * from './envelope';
export * from './logger';
export * from './retry';
export * from './dead-letter.port';
export * from './log-fed/log-fed-event-consumer';
