import { NotFound, requireGrant } from '@collab/domain-kernel';
import type { EndpointAccess } from '../config/platform.config';
import type { Authenticator } from './principal';

/**
 * Admits a request to an operational endpoint (metrics, API docs) as configured: `public` anyone,
 * `staff` a verified token with the staff grant (401 / 403 otherwise), `off` nobody, as if absent (404).
 */
export const admitToEndpoint = async (access: EndpointAccess, authenticator: Authenticator, request: { readonly path: string; readonly authorization: string | undefined }): Promise<void> => {
  if (access === 'public') return;
  if (access === 'off') throw new NotFound('endpoint', request.path);
  requireGrant(await authenticator.authenticate(request.authorization), ['staff']);
};
