import { requireGrant, type Grant } from '@collab/domain-kernel';
import type { MethodImplementation } from './grpc-handlers';

/**
 * The method behind its policy: the caller is checked once authenticated, before the handler
 * runs (PERMISSION_DENIED), as REST's AuthGuard checks @Allow before a controller runs.
 */
export const guarded = <Request, Response>(
  method: MethodImplementation<Request, Response> | undefined,
  allowed: readonly Grant[],
): MethodImplementation<Request, Response> | undefined => {
  if (!method) return undefined;
  if (method.kind === 'unary')
    return {
      kind: 'unary',
      handle: (request, context) => {
        requireGrant(context.principal, allowed);
        return method.handle(request, context);
      },
    };
  return {
    kind: 'serverStream',
    handle: (request, context) => {
      requireGrant(context.principal, allowed);
      return method.handle(request, context);
    },
  };
};
