import { type Role, type Scope, scopesAllowedFor } from '@parley/validators';
import { TRPCError } from '@trpc/server';
import { decodeJwt } from 'jose';
import { QueryTypes } from 'sequelize';
import type { ApiServices } from '../context';
import type { Credential, Identity } from './credentials';
import { isFamilyRevoked } from './revocations';
import { currentRole } from './roles';
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
      const [revoked, role] = await Promise.all([
        isFamilyRevoked(services, claims.userId, claims.familyId),
        currentRole(services, claims.userId),
      ]);
      if (revoked || !role) throw invalid('access token');
      // The role is the one the user has now, not the one the token was issued with.
      return { kind: 'user', userId: claims.userId, role, familyId: claims.familyId };
    }
    case 'apiKey': {
      const rows = await services.db.sequelize.query<{
        id: string;
        name: string;
        user_id: string;
        role: Role;
        scopes: Scope[];
      }>(
        `SELECT k.id, k.name, k.user_id, u.role, k.scopes FROM api_keys k JOIN users u ON u.id = k.user_id
         WHERE k.key_hash = $1 AND k.revoked_at IS NULL`,
        { bind: [digest(credential.key)], type: QueryTypes.SELECT, raw: true },
      );
      const key = rows[0];
      if (!key) throw invalid('API key');
      touchApiKey(services, key.id);
      // A key acts with its owner's current role: scopes the role no longer allows
      // (an agent demoted since, or a key made before the rule) are not honoured.
      const allowed = scopesAllowedFor(key.role);
      return {
        kind: 'apiKey',
        userId: key.user_id,
        role: key.role,
        keyId: key.id,
        keyName: key.name,
        scopes: key.scopes.filter((s) => allowed.includes(s)),
      };
    }
    case 'clientSecret': {
      const rows = await services.db.sequelize.query<{
        id: string;
        user_id: string;
        allowed_origins: string[] | null;
      }>(
        `SELECT s.id, s.user_id, s.allowed_origins FROM session_secrets k JOIN sessions s ON s.id = k.session_id
         WHERE k.secret_hash = $1 AND k.expires_at > $2`,
        { bind: [digest(credential.secret), now], type: QueryTypes.SELECT, raw: true },
      );
      const session = rows[0];
      if (!session) throw invalid('session client secret');
      return {
        kind: 'session',
        sessionId: session.id,
        userId: session.user_id,
        allowedOrigins: session.allowed_origins,
      };
    }
  }
}

const MAX_VERIFIED = 10_000;
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
  const verified = services.instance.verifiedTokens;
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

/**
 * When a credential stops being valid on its own: an access token's `exp`, a client
 * secret's expiry. null for an API key (it lives until revoked) or an unknown credential.
 * A live stream ends at this moment at the latest (revocation ends it sooner).
 */
export async function credentialExpiresAt(
  services: ApiServices,
  credential: Credential,
): Promise<Date | null> {
  switch (credential.kind) {
    case 'accessToken': {
      const exp = decodeJwt(credential.token).exp;
      return exp === undefined ? null : new Date(exp * 1000);
    }
    case 'clientSecret': {
      const rows = await services.db.sequelize.query<{ expires_at: Date }>(
        'SELECT expires_at FROM session_secrets WHERE secret_hash = $1',
        { bind: [digest(credential.secret)], type: QueryTypes.SELECT, raw: true },
      );
      return rows[0]?.expires_at ?? null;
    }
    case 'apiKey':
      return null;
  }
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

/**
 * Whether some live session lets pages on `origin` use its client secret: such a page may
 * then open a socket and send preflighted requests; each call is still checked against
 * its own credential's origins.
 */
export async function isWidgetOrigin(
  services: Pick<ApiServices, 'db'>,
  origin: string,
): Promise<boolean> {
  const rows = await services.db.sequelize.query(
    `SELECT 1 FROM sessions
     WHERE allowed_origins IS NOT NULL AND status = 'active' AND allowed_origins @> ARRAY[$1]::text[]
     LIMIT 1`,
    { bind: [origin], type: QueryTypes.SELECT, raw: true },
  );
  return rows.length > 0;
}
