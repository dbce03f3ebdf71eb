import type { GrantableRole } from '@parley/validators';
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';

/** Why a role could not be set; the API and the CLI each say it their way. */
export type RoleRefusal = 'not_found' | 'guest' | 'last_admin';

export class RoleChangeRefused extends Error {
  constructor(readonly reason: RoleRefusal) {
    super(
      reason === 'not_found'
        ? 'no such user'
        : reason === 'guest'
          ? 'a guest has no account to give a role to; they sign up first'
          : 'the last admin cannot be demoted: make someone else admin first',
    );
  }
}

export interface RoleChange {
  user: { id: string; email: string; name: string; role: GrantableRole; createdAt: Date };
  previousRole: GrantableRole;
}

/**
 * Gives a user a role, inside `transaction`. The admins' rows are locked first, in id
 * order, so two admins demoting each other at once are serialised and the second finds
 * itself the last admin: there is always at least one admin once there was one.
 */
export async function setUserRole(
  sequelize: Sequelize,
  who: { userId: string } | { email: string },
  role: GrantableRole,
  transaction: Transaction,
): Promise<RoleChange> {
  const admins = await sequelize.query<{ id: string }>(
    "SELECT id FROM users WHERE role = 'admin' ORDER BY id FOR UPDATE",
    { type: QueryTypes.SELECT, transaction },
  );
  const [row] = await sequelize.query<{
    id: string;
    email: string;
    name: string;
    role: string;
    created_at: Date;
  }>(
    `SELECT id, email, name, role, created_at FROM users
     WHERE ${'userId' in who ? 'id = $1::uuid' : 'lower(email) = lower($1)'} FOR UPDATE`,
    { bind: ['userId' in who ? who.userId : who.email], type: QueryTypes.SELECT, transaction },
  );
  if (!row) throw new RoleChangeRefused('not_found');
  if (row.role === 'guest') throw new RoleChangeRefused('guest');
  const previousRole = row.role as GrantableRole;
  if (previousRole === 'admin' && role !== 'admin' && admins.length <= 1) {
    throw new RoleChangeRefused('last_admin');
  }
  if (previousRole !== role) {
    await sequelize.query('UPDATE users SET role = $2, updated_at = now() WHERE id = $1', {
      bind: [row.id, role],
      transaction,
    });
  }
  return {
    user: { id: row.id, email: row.email, name: row.name, role, createdAt: row.created_at },
    previousRole,
  };
}
