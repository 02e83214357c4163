export * from './domain-errors';
export * from './decider';
export * from './specification';
