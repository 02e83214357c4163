import type { Metadata, ServiceDefinition } from '@grpc/grpc-js';
import type { Grant } from '@collab/domain-kernel';
import type { Principal } from '../auth/principal';

/** What every handler gets besides the request: who calls, and whether the call still matters. */
export interface CallContext {
  readonly principal: Principal;
  readonly metadata: Metadata;
  /**
   * Aborted when the client cancels, the deadline passes or (for streams) the server shuts
   * down. A handler that waits (for the next event, on a query) must stop when it fires.
   */
  readonly signal: AbortSignal;
  /** Full method path, e.g. `/collab.intake.v1.IntakeService/GetCase`. */
  readonly method: string;
}

export interface UnaryMethod<Request, Response> {
  readonly kind: 'unary';
  readonly handle: (request: Request, context: CallContext) => Promise<Response>;
}

/** Each yielded item is one streamed message; returning ends the stream with OK, throwing with its status. */
export interface ServerStreamMethod<Request, Response> {
  readonly kind: 'serverStream';
  readonly handle: (request: Request, context: CallContext) => AsyncIterable<Response>;
}

export type MethodImplementation<Request, Response> =
  UnaryMethod<Request, Response> | ServerStreamMethod<Request, Response>;

// grpc-js definitions do not say in their type whether a method streams, so the implementation
// says it with a tag and GrpcHost checks the tag against the definition when it is added.
export const unary = <Request, Response>(
  handle: UnaryMethod<Request, Response>['handle'],
): UnaryMethod<Request, Response> => ({ kind: 'unary', handle });

export const serverStream = <Request, Response>(
  handle: ServerStreamMethod<Request, Response>['handle'],
): ServerStreamMethod<Request, Response> => ({ kind: 'serverStream', handle });

/** The decoded request type a method receives (the generated `…__Output` type). */
export type RequestOf<M> = M extends { requestDeserialize: (bytes: Buffer) => infer R } ? R : never;
/** The response type a method sends (the generated permissive type). */
export type ResponseOf<M> = M extends { responseSerialize: (value: infer R) => Buffer } ? R : never;

/** One implementation per method of the definition, typed from the generated definition. */
export type ServiceImplementation<D extends ServiceDefinition> = {
  readonly [K in keyof D]: MethodImplementation<RequestOf<D[K]>, ResponseOf<D[K]>>;
};

/**
 * Who each method admits, declared beside the implementation table: the same grants as REST's
 * @Allow (ROLE_GRANTS in @collab/domain-kernel). Every method must be named; an empty list admits nobody.
 */
export type ServicePolicy<D extends ServiceDefinition> = { readonly [K in keyof D]: readonly Grant[] };
