export * from './contact';
export * from './case.events';
export * from './case.decider';
export * from './normalisation/language-detection';
export * from './normalisation/phone';
