import type { Role, Scope } from '@parley/validators';
import { TRPCError } from '@trpc/server';
import { Op, QueryTypes } from 'sequelize';
import type { ApiServices } from '../context';
import type { Credential, Identity } from './credentials';
import { digest } from './secrets';
import { verifyAccessToken } from './tokens';

const invalid = (what: string) =>
  new TRPCError({ code: 'UNAUTHORIZED', message: `The ${what} is invalid, expired or revoked` });

/**
 * Verifies a credential for one call. Nothing is remembered between calls, so a token
 * that expires or is revoked mid-connection stops working at its next call.
 */
export async function resolveIdentity(
  services: ApiServices,
  credential: Credential,
): Promise<Identity> {
  const now = services.clock();
  switch (credential.kind) {
    case 'accessToken': {
      const claims = await verifyAccessToken(services.config, credential.token, now);
      if (!claims) throw invalid('access token');
      if (await isFamilyRevoked(services, claims.familyId)) throw invalid('access token');
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
         WHERE k.key_hash = :hash AND k.revoked_at IS NULL`,
        { replacements: { hash: digest(credential.key) }, type: QueryTypes.SELECT },
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
      const { SessionSecret, Session } = services.db.models;
      const secret = await SessionSecret.findOne({
        where: { secretHash: digest(credential.secret), expiresAt: { [Op.gt]: now } },
        attributes: ['sessionId'],
      });
      const session =
        secret && (await Session.findByPk(secret.sessionId, { attributes: ['id', 'userId'] }));
      if (!session) throw invalid('session client secret');
      return { kind: 'session', sessionId: session.id, userId: session.userId };
    }
  }
}

async function isFamilyRevoked(services: ApiServices, familyId: string): Promise<boolean> {
  const rows = await services.db.sequelize.query(
    'SELECT 1 FROM refresh_tokens WHERE family_id = :familyId AND revoked_at IS NOT NULL LIMIT 1',
    { replacements: { familyId }, type: QueryTypes.SELECT },
  );
  return rows.length > 0;
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
