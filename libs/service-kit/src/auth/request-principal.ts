import type { Authenticator, Principal } from './principal';

interface RequestLike {
  readonly headers: { readonly authorization?: string | undefined };
}

const verified = new WeakMap<object, Promise<Principal>>();

/**
 * The request's token is verified once, whoever asks first (the rate limit counts by subject
 * before the auth guard admits): both see the same answer.
 */
export const principalOfRequest = (authenticator: Authenticator, request: RequestLike): Promise<Principal> => {
  let principal = verified.get(request);
  if (!principal) {
    principal = authenticator.authenticate(request.headers.authorization);
    principal.catch(() => undefined);
    verified.set(request, principal);
  }
  return principal;
};
