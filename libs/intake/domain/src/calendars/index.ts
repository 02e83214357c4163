export * from './calendar.events';
export * from './calendar.decider';
export * from './calendar-coverage.decider';
