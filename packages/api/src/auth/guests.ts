import { newId, withTransaction } from '@parley/db';
import type { AuthResult } from '@parley/validators';
import { QueryTypes, type Transaction } from 'sequelize';
import type { ApiServices } from '../context';
import { fieldError } from '../errors';
import { enforce, limitsFor } from './limits';
import { forgetRole } from './roles';
import { announceRevocation, issueTokens } from './service';
import { verifyAccessToken } from './tokens';

/** A guest lasts a day unless it signs up or in (its refresh token no longer). */
export const GUEST_TTL_SECONDS = 24 * 3600;

/**
 * A guest: someone trying Parley without an account. A user row with role `guest`, no
 * password and an expiry; it may chat (conversations) and keep favourites, nothing else.
 * Limited per client address apart from accounts: every new visitor who chats is a guest,
 * and twenty of them behind one address (an office, a carrier's NAT) used up an hour's
 * sign-ups for everyone there.
 */
export async function createGuest(services: ApiServices, ip: string): Promise<AuthResult> {
  await enforce([limitsFor(services).guestPerIp, ip]);
  const now = services.clock();
  return withTransaction(services.db.sequelize, async (transaction) => {
    const id = newId();
    const user = await services.db.models.User.create(
      {
        id,
        // Never a real address (.invalid is reserved), so it cannot collide or be signed in to.
        email: `guest-${id}@guest.invalid`,
        name: 'Guest',
        passwordHash: '!',
        role: 'guest',
        expiresAt: new Date(now.getTime() + GUEST_TTL_SECONDS * 1000),
      },
      { transaction },
    );
    return issueTokens(services, user, transaction, newId(), GUEST_TTL_SECONDS);
  });
}

/**
 * Moves what a guest made (conversations with their sessions, events and memory;
 * favourites) to `userId`, inside the sign-up or sign-in transaction, then deletes the
 * guest. `guestToken` is the guest's access token: proof the caller is that guest. A
 * token that is not a live guest's is BAD_REQUEST naming `guestToken`, and nothing moves.
 */
export async function adoptGuest(
  services: ApiServices,
  guestToken: string,
  userId: string,
  transaction: Transaction,
): Promise<void> {
  const claims = await verifyAccessToken(services.config, guestToken, services.clock());
  const invalid = () =>
    fieldError('guestToken', 'is not the access token of a current guest; refresh it first');
  if (!claims) throw invalid();
  const query = (sql: string) =>
    services.db.sequelize.query(sql, {
      bind: [claims.userId, userId],
      transaction,
      type: QueryTypes.SELECT,
    });
  const [guest] = (await query(
    `SELECT id FROM users WHERE id = $1::uuid AND role = 'guest' AND $2::uuid IS NOT NULL FOR UPDATE`,
  )) as { id: string }[];
  if (!guest) throw invalid();
  await query(
    `WITH conversations_moved AS (
       UPDATE conversations SET user_id = $2::uuid WHERE user_id = $1::uuid RETURNING 1
     ), sessions_moved AS (
       UPDATE sessions SET user_id = $2::uuid WHERE user_id = $1::uuid RETURNING 1
     ), favorites_copied AS (
       INSERT INTO favorites (user_id, listing_id, created_at)
       SELECT $2::uuid, listing_id, created_at FROM favorites WHERE user_id = $1::uuid
       ON CONFLICT (user_id, listing_id) DO NOTHING RETURNING 1
     )
     SELECT (SELECT count(*) FROM conversations_moved) AS conversations,
            (SELECT count(*) FROM favorites_copied) AS favorites`,
  );
  // The guest's own favourites and tokens go with it (ON DELETE CASCADE).
  await query('DELETE FROM users WHERE id = $1::uuid AND $2::uuid IS NOT NULL');
  transaction.afterCommit(() => {
    forgetRole(services, claims.userId);
    void announceRevocation(services, claims.userId).catch(() => {});
  });
}
