export * from './following-test-kit';
