export * from './routing';
export * from './case.events';
export * from './case.decider';
export * from './case-visibility';
export * from './actor';
export * from './ping-pong';
