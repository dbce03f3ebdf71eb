import { TRPCError } from '@trpc/server';
import type { Credential } from '../auth/credentials';
import { resolveIdentity } from '../auth/identity';
import type { ApiServices } from '../context';

/**
 * Who may upload listing photos: the same callers as `listings.create` (an agent or an
 * admin, or an API key holding `listings:write`), checked the same way on every upload.
 * Answers the uploader's user id, or throws UNAUTHORIZED / FORBIDDEN.
 */
export async function authorizeMediaUpload(
  services: ApiServices,
  credential: Credential | null,
): Promise<{ userId: string }> {
  if (!credential)
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in or send a valid credential' });
  const identity = await resolveIdentity(services, credential);
  const allowed =
    (identity.kind === 'user' && (identity.role === 'agent' || identity.role === 'admin')) ||
    (identity.kind === 'apiKey' && identity.scopes.includes('listings:write'));
  if (!allowed)
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'Needs role agent or admin or the listings:write scope',
    });
  return { userId: identity.userId };
}
