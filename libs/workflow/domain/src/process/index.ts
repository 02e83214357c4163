export * from './process-definition';
export * from './process.events';
export * from './process.commands';
export * from './process.decider';
export * from './process-validation';
export * from './process-selection';
export * from './default-process';
export * from './case-start';
