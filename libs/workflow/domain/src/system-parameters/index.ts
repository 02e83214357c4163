export * from './system-parameters';
export * from './system-parameters.events';
export * from './system-parameters.decider';
