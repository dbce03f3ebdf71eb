import { isUniqueViolation, newId, withTransaction } from '@parley/db';
import type { AuthResult, Me, RegisterInput, Role, User } from '@parley/validators';
import { TRPCError } from '@trpc/server';
import { Op, type Transaction } from 'sequelize';
import type { ApiServices } from '../context';
import { fieldError } from '../errors';
import type { Identity } from './credentials';
import { adoptGuest } from './guests';
import { enforce, limitsFor } from './limits';
import { burnPasswordCheck, hashPassword, passwordWeakness, verifyPassword } from './passwords';
import { REFRESH_GRACE_MS, recallRotation, rememberRotation } from './refresh-grace';
import {
  REVOCATIONS_CHANNEL,
  type RevocationNotice,
  revocationChannel,
  revocationMemory,
} from './revocations';
import { digest, randomSecret } from './secrets';
import { signAccessToken } from './tokens';

type UserRow = { id: string; email: string; name: string; role: Role; createdAt: Date };

export function toUser(row: UserRow): User {
  return { id: row.id, email: row.email, name: row.name, role: row.role, createdAt: row.createdAt };
}

const badLogin = () =>
  new TRPCError({ code: 'UNAUTHORIZED', message: 'Email or password is incorrect' });

/** Creates a refresh token in `familyId` (a new family when omitted) and an access token. */
export async function issueTokens(
  services: ApiServices,
  user: UserRow,
  transaction: Transaction,
  familyId: string = newId(),
  refreshTtlSeconds = services.config.refreshTtlSeconds,
): Promise<AuthResult> {
  const now = services.clock();
  const refreshToken = randomSecret('rt_');
  await services.db.models.RefreshToken.create(
    {
      id: newId(),
      userId: user.id,
      familyId,
      tokenHash: digest(refreshToken),
      expiresAt: new Date(now.getTime() + refreshTtlSeconds * 1000),
    },
    { transaction },
  );
  const access = await signAccessToken(
    services.config,
    { userId: user.id, role: user.role, familyId },
    now,
  );
  return {
    user: toUser(user),
    accessToken: access.token,
    refreshToken,
    accessTokenExpiresAt: access.expiresAt,
  };
}

export async function register(
  services: ApiServices,
  ip: string,
  input: RegisterInput,
): Promise<AuthResult> {
  await enforce([limitsFor(services).registerPerIp, ip]);
  const weakness = passwordWeakness(input.password, input);
  if (weakness) throw fieldError('password', weakness);
  const passwordHash = await hashPassword(input.password);
  try {
    return await withTransaction(services.db.sequelize, async (transaction) => {
      const user = await services.db.models.User.create(
        { id: newId(), email: input.email, name: input.name, passwordHash },
        { transaction },
      );
      if (input.guestToken) await adoptGuest(services, input.guestToken, user.id, transaction);
      return issueTokens(services, user, transaction);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_key')) {
      throw new TRPCError({
        code: 'CONFLICT',
        message: 'An account with this email already exists',
      });
    }
    throw error;
  }
}

export async function login(
  services: ApiServices,
  ip: string,
  input: { email: string; password: string; guestToken?: string | undefined },
): Promise<AuthResult> {
  const limits = limitsFor(services);
  // An account's attempts are counted per minute per client, and per hour across every
  // address the account has not signed in from: guesses spread over many addresses share
  // one budget. An address the owner signed in from keeps its own hourly budget, so
  // nobody can lock the owner out from afar where they have signed in before.
  const accountHere = `${input.email}|${ip}`;
  const knownHere = await isKnownAddress(services, accountHere);
  await enforce(
    [limits.loginPerIp, ip],
    [limits.loginPerAccountMinute, accountHere],
    [limits.loginPerAccountHour, knownHere ? accountHere : input.email],
  );
  const user = await services.db.models.User.findOne({ where: { email: input.email } });
  if (!user) {
    await burnPasswordCheck(input.password);
    throw badLogin();
  }
  // A guest has no password to sign in with.
  if (user.role === 'guest' || !(await verifyPassword(user.passwordHash, input.password)))
    throw badLogin();
  // A success clears this address's failure count and makes it known; the per-IP budget
  // and the other addresses' shared count stay spent.
  await Promise.all([
    limits.loginPerAccountMinute.delete(accountHere),
    limits.loginPerAccountHour.delete(accountHere),
    rememberAddress(services, accountHere),
  ]);
  return withTransaction(services.db.sequelize, async (transaction) => {
    if (input.guestToken) await adoptGuest(services, input.guestToken, user.id, transaction);
    return issueTokens(services, user, transaction);
  });
}

/** How long an address an account signed in from keeps its own sign-in budget. */
const KNOWN_ADDRESS_SECONDS = 30 * 86_400;
const knownKey = (accountHere: string) => `login-known:${digest(accountHere)}`;

async function isKnownAddress(services: ApiServices, accountHere: string): Promise<boolean> {
  return (await services.infra.cache.get<boolean>(knownKey(accountHere))) === true;
}

function rememberAddress(services: ApiServices, accountHere: string): Promise<void> {
  return services.infra.cache.set(knownKey(accountHere), true, KNOWN_ADDRESS_SECONDS);
}

/**
 * Rotates a refresh token: the presented one is spent and a new one in the same family
 * is returned. Presenting a spent token again means it leaked, so the whole family is
 * revoked and every session built on it stops working, unless it comes within
 * REFRESH_GRACE_MS of the rotation (two tabs refreshing at once): that gets the same
 * new pair.
 */
export async function refresh(services: ApiServices, refreshToken: string): Promise<AuthResult> {
  const { RefreshToken, User } = services.db.models;
  const now = services.clock();
  const outcome = await withTransaction(services.db.sequelize, async (transaction) => {
    const token = await RefreshToken.findOne({
      where: { tokenHash: digest(refreshToken) },
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    if (!token || token.revokedAt || token.expiresAt <= now) return { kind: 'invalid' as const };
    if (token.usedAt) {
      // A concurrent refresh with the same token (two tabs): the same new pair, as long
      // as nobody has moved on from it yet (its refresh token is still unspent).
      if (now.getTime() - token.usedAt.getTime() <= REFRESH_GRACE_MS) {
        const again = await recallRotation(services, refreshToken);
        const successor =
          again &&
          (await RefreshToken.findOne({
            where: { tokenHash: digest(again.refreshToken) },
            transaction,
          }));
        if (again && successor && !successor.usedAt && !successor.revokedAt) {
          return { kind: 'ok' as const, result: again };
        }
      }
      await revokeFamily(services, token.familyId, transaction);
      return { kind: 'reused' as const, userId: token.userId, familyId: token.familyId };
    }
    token.usedAt = now;
    await token.save({ transaction });
    const user = await User.findByPk(token.userId, { transaction });
    if (!user) return { kind: 'invalid' as const };
    const result = await issueTokens(services, user, transaction, token.familyId);
    // Before the commit releases the row lock: a request waiting on it finds the pair.
    await rememberRotation(services, refreshToken, result);
    return { kind: 'ok' as const, result };
  });
  if (outcome.kind === 'ok') return outcome.result;
  if (outcome.kind === 'reused') {
    services.logger.warn(
      { userId: outcome.userId, familyId: outcome.familyId },
      'refresh token reused: family revoked',
    );
    await announceRevocation(services, outcome.userId);
  }
  throw new TRPCError({
    code: 'UNAUTHORIZED',
    message: 'The refresh token is invalid, expired or revoked',
  });
}

async function revokeFamily(
  services: ApiServices,
  familyId: string,
  transaction: Transaction,
): Promise<void> {
  await services.db.models.RefreshToken.update(
    { revokedAt: services.clock() },
    { where: { familyId, revokedAt: { [Op.is]: null } }, transaction },
  );
}

/**
 * Tells every instance that some of this user's credentials died, after the revocation
 * committed: remembered revocation states are dropped, then live subscriptions re-check.
 * This instance forgets at once, not when the bus brings the message back: the caller's
 * very next call must be refused. The two messages travel in this order over one Redis
 * connection, so another instance has forgotten before its subscriptions re-check.
 */
export async function announceRevocation(
  services: Pick<ApiServices, 'infra' | 'instance'>,
  userId: string,
): Promise<void> {
  revocationMemory(services).forget(userId);
  const notice: RevocationNotice = { userId };
  await services.infra.bus.publish(REVOCATIONS_CHANNEL, notice);
  await services.infra.bus.publish(revocationChannel(userId), notice);
}
export { revocationChannel };

export async function logout(
  services: ApiServices,
  identity: { userId: string; familyId: string },
  refreshToken: string | undefined,
): Promise<{ ok: true }> {
  await withTransaction(services.db.sequelize, async (transaction) => {
    const families = new Set([identity.familyId]);
    if (refreshToken) {
      const token = await services.db.models.RefreshToken.findOne({
        where: { tokenHash: digest(refreshToken), userId: identity.userId },
        transaction,
      });
      if (token) families.add(token.familyId);
    }
    for (const familyId of families) await revokeFamily(services, familyId, transaction);
  });
  await announceRevocation(services, identity.userId);
  return { ok: true };
}

/**
 * Who is calling: the user, and for an API key the key itself (`apiKey`, null for other
 * credentials), so an integrator's first call shows what the key may do. Its scopes are
 * the ones its owner's role allows now.
 */
export async function me(
  services: ApiServices,
  identity: Extract<Identity, { kind: 'user' | 'apiKey' }>,
): Promise<Me> {
  const user = await services.db.models.User.findByPk(identity.userId);
  if (!user)
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'This account no longer exists' });
  const apiKey =
    identity.kind === 'apiKey'
      ? { id: identity.keyId, name: identity.keyName, scopes: identity.scopes }
      : null;
  return { ...toUser(user), apiKey };
}
