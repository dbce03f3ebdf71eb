import { newId, withTransaction } from '@parley/db';
import {
  type ApiKeySummary,
  type CreatedApiKey,
  type Role,
  type Scope,
  scopesAllowedFor,
} from '@parley/validators';
import { TRPCError } from '@trpc/server';
import { Op } from 'sequelize';
import type { ApiServices } from '../context';
import { notFound } from '../errors';
import { API_KEY_PREFIX } from './credentials';
import { digest, randomSecret } from './secrets';
import { announceRevocation } from './service';

/** Active keys a person may hold: keeps `list` (which is not paged) small and cheap. */
export const MAX_ACTIVE_API_KEYS = 100;

export async function createApiKey(
  services: ApiServices,
  userId: string,
  input: { name: string; scopes: Scope[] },
): Promise<CreatedApiKey> {
  const key = randomSecret(API_KEY_PREFIX);
  const scopes = [...new Set(input.scopes)];
  const { ApiKey, User } = services.db.models;
  const row = await withTransaction(services.db.sequelize, async (transaction) => {
    // The user's row is locked so two creates at once cannot both pass the count.
    const owner = await User.findByPk(userId, {
      transaction,
      lock: transaction.LOCK.UPDATE,
      attributes: ['id', 'role'],
    });
    // A key holds only what its owner's role allows (checked again on every use).
    const allowed = scopesAllowedFor((owner?.role ?? 'user') as Role);
    const refused = scopes.filter((s) => !allowed.includes(s));
    if (refused.length) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: `scopes: ${refused.join(', ')} needs the agent or admin role`,
      });
    }
    const active = await ApiKey.count({
      where: { userId, revokedAt: { [Op.is]: null } },
      transaction,
    });
    if (active >= MAX_ACTIVE_API_KEYS) {
      throw new TRPCError({
        code: 'CONFLICT',
        message: `At most ${MAX_ACTIVE_API_KEYS} active API keys per user: revoke one first`,
      });
    }
    return ApiKey.create(
      { id: newId(), userId, name: input.name, keyHash: digest(key), scopes },
      { transaction },
    );
  });
  // The key itself is returned this once; only its digest is stored.
  return { id: row.id, name: row.name, scopes: scopes, key, createdAt: row.createdAt };
}

export async function listApiKeys(
  services: ApiServices,
  userId: string,
): Promise<{ items: ApiKeySummary[] }> {
  const rows = await services.db.models.ApiKey.findAll({
    where: { userId, revokedAt: { [Op.is]: null } },
    order: [['createdAt', 'DESC']],
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      scopes: r.scopes as Scope[],
      lastUsedAt: r.lastUsedAt ?? null,
      createdAt: r.createdAt,
    })),
  };
}

export async function revokeApiKey(
  services: ApiServices,
  userId: string,
  id: string,
): Promise<{ ok: true }> {
  const [count] = await services.db.models.ApiKey.update(
    { revokedAt: services.clock() },
    { where: { id, userId, revokedAt: { [Op.is]: null } } },
  );
  if (!count) throw notFound('API key');
  // Calls with the key fail from now on; live streams opened with it hear this and end.
  await announceRevocation(services, userId);
  return { ok: true };
}
