export * from './client-limits';
export * from './call-limiter';
export * from './client-rate-limits';
export * from './rate-limit.guard';
