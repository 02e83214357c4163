export * from './calendar.events';
export * from './calendar.decider';
