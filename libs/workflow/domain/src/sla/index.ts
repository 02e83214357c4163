export * from './sla.events';
export * from './sla.commands';
export { type SlaClock, type SlaState, initialSlaState, isRunning, runningClocks } from './sla.state';
export * from './sla.decider';
export * from './sla-instants';
export * from './sla-timers';
export * from './sla-reactions';
