import { TRPCError } from '@trpc/server';
import type { Credential } from '../auth/credentials';
import { resolveIdentity } from '../auth/identity';
import { enforce, limitsFor } from '../auth/limits';
import type { ApiServices } from '../context';
import { roleOrScopeRefusal } from '../trpc';

/**
 * Who may upload listing photos: the same callers as `listings.create` (an agent or an
 * admin, or an API key holding `listings:write`), checked the same way on every upload.
 * Answers the uploader's user id, or throws UNAUTHORIZED / FORBIDDEN, or TOO_MANY_REQUESTS
 * past `RATE_LIMIT_UPLOADS_PER_MINUTE` (a `RateLimitedError` with its wait).
 */
export async function authorizeMediaUpload(
  services: ApiServices,
  credential: Credential | null,
): Promise<{ userId: string }> {
  if (!credential)
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in or send a valid credential' });
  const identity = await resolveIdentity(services, credential);
  // The same refusal as `listings.create`, with the same reason.
  const refusal = roleOrScopeRefusal(identity, ['agent', 'admin'], 'listings:write');
  if (refusal) throw refusal;
  // Each picture is decoded and resized (a large one costs a third of a second of CPU and
  // a few hundred MB): one person's uploads are counted, with their keys'.
  await enforce([limitsFor(services).uploadsPerUser, identity.userId]);
  return { userId: identity.userId };
}
