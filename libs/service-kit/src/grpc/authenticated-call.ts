import {
  Metadata,
  status,
  type handleServerStreamingCall,
  type handleUnaryCall,
  type ServerUnaryCall,
  type ServerWritableStream,
} from '@grpc/grpc-js';
import type { Authenticator, Principal } from '../auth/principal';
import { withGrantedRoles, type RoleGrantSource } from '../auth/role-grants';
import { addressOfPeer } from '../rate-limit/client-limits';
import { certificatePrincipalOf } from './grpc-tls';
import type { CallLimiter } from '../rate-limit/call-limiter';
import type { CallContext, ServerStreamMethod, UnaryMethod } from './grpc-handlers';
import { toGrpcStatus, type GrpcErrorLog } from './grpc-status';

export interface CallDependencies {
  readonly authenticator: Authenticator;
  readonly log: GrpcErrorLog;
  /** Aborted when the host shuts down: streams end with UNAVAILABLE so clients resume elsewhere. */
  readonly stopping: AbortSignal;
  /** Counts each call against its client's allowance (by subject, else by address) before the handler. */
  readonly limiter?: CallLimiter | undefined;
  /** Where the caller's granted roles come from (issue 13), as the REST guard reads them; none when absent. */
  readonly grants?: (() => RoleGrantSource | null) | undefined;
}

/** What unary and streaming calls share; grpc-js does not export its own name for it. */
type ServerSurfaceCall = Pick<
  ServerUnaryCall<unknown, unknown>,
  'metadata' | 'cancelled' | 'getPath' | 'once' | 'getPeer' | 'getAuthContext'
>;

const authorizationOf = (metadata: Metadata): string | undefined => {
  const [value] = metadata.get('authorization');
  return typeof value === 'string' ? value : undefined;
};

const cancellationOf = (call: ServerSurfaceCall): AbortSignal => {
  const controller = new AbortController();
  if (call.cancelled) controller.abort();
  else call.once('cancelled', () => controller.abort());
  return controller.signal;
};

/**
 * A bearer token, when the call carries one, decides who calls (a bad one is refused even over a
 * good certificate); without one, a client certificate the client CA verified (mutual TLS).
 */
const verifiedCaller = (call: ServerSurfaceCall, authenticator: Authenticator): Promise<Principal> => {
  const authorization = authorizationOf(call.metadata);
  const certified = authorization === undefined ? certificatePrincipalOf(call.getAuthContext()) : undefined;
  return certified ? Promise.resolve(certified) : authenticator.authenticate(authorization);
};

/** Authentication comes first for every method; a handler never runs without a Principal. */
/** A token that does not verify still counts, against the caller's address, before it is refused. */
const contextOf = async (
  call: ServerSurfaceCall,
  deps: Pick<CallDependencies, 'authenticator' | 'limiter' | 'grants'>,
  signal: AbortSignal,
): Promise<CallContext> => {
  const verified = verifiedCaller(call, deps.authenticator);
  const principal: Principal | undefined = await verified.catch(() => undefined);
  await deps.limiter?.admit(principal, addressOfPeer(call.getPeer()));
  // A method's policy sees the granted roles as a REST route's does.
  const granted = await withGrantedRoles(principal ?? (await verified), deps.grants?.() ?? null);
  return { principal: granted, metadata: call.metadata, signal, method: call.getPath() };
};

export const authenticatedUnary =
  <Request, Response>(
    method: UnaryMethod<Request, Response>,
    deps: CallDependencies,
  ): handleUnaryCall<Request, Response> =>
  (call, callback) => {
    const run = async () =>
      method.handle(call.request, await contextOf(call, deps, cancellationOf(call)));
    void run().then(
      (response) => callback(null, response),
      (error: unknown) => callback(toGrpcStatus(error, deps.log, call.getPath())),
    );
  };

/** Resolves when the client has room for more, or when waiting no longer matters. */
const drained = (call: ServerWritableStream<unknown, unknown>, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const done = () => {
      call.off('drain', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    call.once('drain', done);
    signal.addEventListener('abort', done, { once: true });
  });

const pump = async <Request, Response>(
  call: ServerWritableStream<Request, Response>,
  method: ServerStreamMethod<Request, Response>,
  deps: CallDependencies,
): Promise<void> => {
  const signal = AbortSignal.any([cancellationOf(call), deps.stopping]);
  const context = await contextOf(call, deps, signal);
  const items = method.handle(call.request, context);
  // The method's policy admitted the caller (a refusal throws above): the headers go out now, so a
  // client knows its stream is open before the first item, which may be hours away on a quiet watch.
  if (!signal.aborted) call.sendMetadata(new Metadata());
  // Leaving the loop early (return) runs the handler's finally blocks through iterator.return().
  for await (const item of items) {
    if (signal.aborted) return;
    if (!call.write(item)) await drained(call, signal);
    if (signal.aborted) return;
  }
};

const SHUTTING_DOWN = {
  code: status.UNAVAILABLE,
  details: 'server shutting down; reconnect and resume from the last cursor',
};

export const authenticatedServerStream =
  <Request, Response>(
    method: ServerStreamMethod<Request, Response>,
    deps: CallDependencies,
  ): handleServerStreamingCall<Request, Response> =>
  (call) => {
    const succeed = () => {
      if (call.cancelled) return;
      if (deps.stopping.aborted) call.emit('error', SHUTTING_DOWN);
      else call.end();
    };
    const fail = (error: unknown) => {
      if (!call.cancelled) call.emit('error', toGrpcStatus(error, deps.log, call.getPath()));
    };
    void pump(call, method, deps).then(succeed, fail);
  };
