export * from './answer-schemas';
export * from './answers.decorator';
export * from './answer-components';
export * from './answer-check.interceptor';
export * from './operations.answers';
