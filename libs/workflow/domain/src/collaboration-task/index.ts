export * from './collaboration-request';
export * from './return-reasons';
export * from './task.events';
export * from './task.commands';
export * from './task.state';
export * from './task.decider';
export * from './case-links';
