import type { ServiceDefinition } from '@grpc/grpc-js';
import { requireGrant, ValidationFailed, type Grant } from '@collab/domain-kernel';
import { unsafeTextIn } from '../http/safe-text';
import type { CallContext, MethodImplementation } from './grpc-handlers';

/** What a request decodes to when its bytes are not the method's message. */
const UNDECODABLE = Symbol('undecodable');
interface Undecodable {
  readonly [UNDECODABLE]: true;
}

const isUndecodable = (request: unknown): request is Undecodable =>
  typeof request === 'object' && request !== null && UNDECODABLE in request;

/**
 * The definition with a deserializer that never throws: grpc-js answers a throwing one with
 * INTERNAL, while bytes that are not the message are the caller's mistake (INVALID_ARGUMENT).
 */
export const tolerantDecoding = <D extends ServiceDefinition>(definition: D): D =>
  Object.fromEntries(
    Object.entries(definition).map(([name, method]) => [
      name,
      {
        ...method,
        requestDeserialize: (bytes: Buffer): unknown => {
          try {
            return method.requestDeserialize(bytes);
          } catch {
            return { [UNDECODABLE]: true } satisfies Undecodable;
          }
        },
      },
    ]),
  ) as D;

const snakeCase = (field: string): string => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** Before any handler: who may call (PERMISSION_DENIED), then whether the message is usable (INVALID_ARGUMENT naming the field). */
const admit = (request: unknown, context: CallContext, allowed: readonly Grant[]): void => {
  requireGrant(context.principal, allowed);
  if (isUndecodable(request)) throw new ValidationFailed([{ field: 'request', message: `is not a ${context.method} request message` }]);
  const problems = unsafeTextIn(request);
  if (problems.length > 0) throw new ValidationFailed(problems.map((problem) => ({ ...problem, field: snakeCase(problem.field) })));
};

/**
 * The method behind its policy and the same text check REST's SafeTextPipe makes: the caller is
 * checked once authenticated, before the handler runs, as AuthGuard checks @Allow.
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
        admit(request, context, allowed);
        return method.handle(request, context);
      },
    };
  return {
    kind: 'serverStream',
    handle: (request, context) => {
      admit(request, context, allowed);
      return method.handle(request, context);
    },
  };
};
