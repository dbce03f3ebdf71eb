import { isUniqueViolation, newId, withTransaction } from '@parley/db';
import type { AuthResult, RegisterInput, Role, User } from '@parley/validators';
import { TRPCError } from '@trpc/server';
import { Op, type Transaction } from 'sequelize';
import type { ApiServices } from '../context';
import { fieldError } from '../errors';
import { enforce, limitsFor } from './limits';
import { burnPasswordCheck, hashPassword, isCommonPassword, verifyPassword } from './passwords';
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
async function issueTokens(
  services: ApiServices,
  user: UserRow,
  transaction: Transaction,
  familyId: string = newId(),
): Promise<AuthResult> {
  const now = services.clock();
  const refreshToken = randomSecret('rt_');
  await services.db.models.RefreshToken.create(
    {
      id: newId(),
      userId: user.id,
      familyId,
      tokenHash: digest(refreshToken),
      expiresAt: new Date(now.getTime() + services.config.refreshTtlSeconds * 1000),
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
  if (isCommonPassword(input.password)) {
    throw fieldError('password', 'is too common; choose one that is harder to guess');
  }
  const passwordHash = await hashPassword(input.password);
  try {
    return await withTransaction(services.db.sequelize, async (transaction) => {
      const user = await services.db.models.User.create(
        { id: newId(), email: input.email, name: input.name, passwordHash },
        { transaction },
      );
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
  input: { email: string; password: string },
): Promise<AuthResult> {
  const limits = limitsFor(services);
  await enforce(
    [limits.loginPerIp, ip],
    [limits.loginPerAccountMinute, input.email],
    [limits.loginPerAccountHour, input.email],
  );
  const user = await services.db.models.User.findOne({ where: { email: input.email } });
  if (!user) {
    await burnPasswordCheck(input.password);
    throw badLogin();
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) throw badLogin();
  // A success clears the account's failure count; the per-IP budget stays spent.
  await Promise.all([
    limits.loginPerAccountMinute.delete(input.email),
    limits.loginPerAccountHour.delete(input.email),
  ]);
  return withTransaction(services.db.sequelize, (transaction) =>
    issueTokens(services, user, transaction),
  );
}

/**
 * Rotates a refresh token: the presented one is spent and a new one in the same family
 * is returned. Presenting a spent token again means it leaked, so the whole family is
 * revoked and every session built on it stops working.
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
      await revokeFamily(services, token.familyId, transaction);
      return { kind: 'reused' as const, userId: token.userId, familyId: token.familyId };
    }
    token.usedAt = now;
    await token.save({ transaction });
    const user = await User.findByPk(token.userId, { transaction });
    if (!user) return { kind: 'invalid' as const };
    return {
      kind: 'ok' as const,
      result: await issueTokens(services, user, transaction, token.familyId),
    };
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
export async function announceRevocation(services: ApiServices, userId: string): Promise<void> {
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

export async function me(services: ApiServices, userId: string): Promise<User> {
  const user = await services.db.models.User.findByPk(userId);
  if (!user)
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'This account no longer exists' });
  return toUser(user);
}
