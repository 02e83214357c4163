export * from './system-parameters';
export * from './system-parameters.events';
export * from './system-parameters.decider';
export * from './escalation-percents';
export * from './escalation-percents.events';
export * from './escalation-percents.decider';
