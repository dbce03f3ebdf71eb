import type { Role, Scope } from '@parley/validators';
import { TRPCError } from '@trpc/server';
import { decodeJwt } from 'jose';
import { QueryTypes } from 'sequelize';
import type { ApiServices } from '../context';
import type { Credential, Identity } from './credentials';
import { isFamilyRevoked } from './revocations';
import { digest } from './secrets';
import { type AccessClaims, verifyAccessToken } from './tokens';

const invalid = (what: string) =>
  new TRPCError({ code: 'UNAUTHORIZED', message: `The ${what} is invalid, expired or revoked` });

/**
 * Verifies a credential for one call, so a token that expires or is revoked
 * mid-connection stops working at its next call. Only an access token's revocation
 * state is remembered between calls (see revocations.ts): briefly, and forgotten as soon
 * as a revocation of its user is announced.
 */
export async function resolveIdentity(
  services: ApiServices,
  credential: Credential,
): Promise<Identity> {
  const now = services.clock();
  switch (credential.kind) {
    case 'accessToken': {
      const claims = await verifiedClaims(services, credential.token, now);
      if (!claims) throw invalid('access token');
      if (await isFamilyRevoked(services, claims.userId, claims.familyId)) {
        throw invalid('access token');
      }
      return { kind: 'user', ...claims };
    }
    case 'apiKey': {
      const rows = await services.db.sequelize.query<{
        id: string;
        user_id: string;
        role: Role;
        scopes: Scope[];
      }>(
        `SELECT k.id, k.user_id, u.role, k.scopes FROM api_keys k JOIN users u ON u.id = k.user_id
         WHERE k.key_hash = $1 AND k.revoked_at IS NULL`,
        { bind: [digest(credential.key)], type: QueryTypes.SELECT, raw: true },
      );
      const key = rows[0];
      if (!key) throw invalid('API key');
      touchApiKey(services, key.id);
      return {
        kind: 'apiKey',
        userId: key.user_id,
        role: key.role,
        keyId: key.id,
        scopes: key.scopes,
      };
    }
    case 'clientSecret': {
      const rows = await services.db.sequelize.query<{ id: string; user_id: string }>(
        `SELECT s.id, s.user_id FROM session_secrets k JOIN sessions s ON s.id = k.session_id
         WHERE k.secret_hash = $1 AND k.expires_at > $2`,
        { bind: [digest(credential.secret), now], type: QueryTypes.SELECT, raw: true },
      );
      const session = rows[0];
      if (!session) throw invalid('session client secret');
      return { kind: 'session', sessionId: session.id, userId: session.user_id };
    }
  }
}

const MAX_VERIFIED = 10_000;
// Per configuration (each has its own JWT secret): token -> its claims and expiry.
const verifiedTokens = new WeakMap<
  ApiServices['config'],
  Map<string, { claims: AccessClaims; expiresAtMs: number }>
>();

/**
 * An access token's claims, verifying its signature once: a token is a fixed string, so
 * the outcome of a successful check holds until it expires (the HMAC through WebCrypto
 * was ~8% of a chat turn's CPU, paid on every call of a WebSocket). Expiry is checked on
 * every call; revocation is checked by the caller.
 */
async function verifiedClaims(
  services: ApiServices,
  token: string,
  now: Date,
): Promise<AccessClaims | null> {
  let verified = verifiedTokens.get(services.config);
  if (!verified) {
    verified = new Map();
    verifiedTokens.set(services.config, verified);
  }
  const known = verified.get(token);
  if (known) {
    if (now.getTime() < known.expiresAtMs) return known.claims;
    verified.delete(token);
  }
  const claims = await verifyAccessToken(services.config, token, now);
  if (!claims) return null;
  // The signature just held, so the payload is the one that was signed; exp is required.
  const exp = decodeJwt(token).exp!;
  verified.set(token, { claims, expiresAtMs: exp * 1000 });
  // Maps iterate in insertion order: the first key is the oldest.
  if (verified.size > MAX_VERIFIED) verified.delete(verified.keys().next().value!);
  return claims;
}

/** Records use at most once a minute per key, off the request's path. */
function touchApiKey(services: ApiServices, keyId: string): void {
  services.db.sequelize
    .query(
      `UPDATE api_keys SET last_used_at = now()
       WHERE id = :keyId AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      { replacements: { keyId } },
    )
    .catch((error: unknown) =>
      services.logger.warn({ err: error, keyId }, 'could not record API key use'),
    );
}
