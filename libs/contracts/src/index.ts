export * from './service-name';
export * from './collab-event';
export * from './service-contract';
export * from './grpc';
export * from './event-schemas';
