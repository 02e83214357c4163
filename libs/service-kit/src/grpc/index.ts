export * from './grpc-host';
export * from './grpc-handlers';
export * from './grpc-status';
export { authenticatedUnary, authenticatedServerStream, type CallDependencies } from './authenticated-call';
export { certificatePrincipalOf, partnersNamedIn, type GrpcTls } from './grpc-tls';
