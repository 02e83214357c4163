export * from './domain-errors';
export * from './decider';
export * from './specification';
export * from './case-visibility';
export * from './access-policy';
export * from './region';
export * from './task-scope';
export * from './role-grants';
