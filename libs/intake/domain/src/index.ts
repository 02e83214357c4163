export * from './contact';
export * from './case.events';
export * from './case.decider';
