export * from './role-grants.events';
export * from './role-grants.decider';
