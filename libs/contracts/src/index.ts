export * from './service-name';
export * from './collab-event';
export * from './service-contract';
export * from './grpc';
export * from './published-language';
export * from './intake';
export * from './workflow';
export * from './published-languages';
