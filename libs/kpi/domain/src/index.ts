export * from './definition/kpi-definition';
export * from './definition/kpi-definition.events';
export * from './definition/kpi-definition.decider';
export * from './definition/specification.validation';
export * from './library/built-in-library';
export * from './computation/kpi-fact';
export * from './computation/contributions';
export * from './computation/statistics';
