import { RoleChangeRefused, setUserRole, withTransaction } from '@parley/db';
import {
  type GrantableRole,
  type Page,
  type Role,
  STAFF_ROLES,
  type User,
} from '@parley/validators';
import { TRPCError } from '@trpc/server';
import { QueryTypes } from 'sequelize';
import { forgetRole } from '../auth/roles';
import { announceRevocation, toUser } from '../auth/service';
import { decodeCursor, toPage } from '../chat/cursor';
import type { ApiServices } from '../context';
import { notFound } from '../errors';
import { releaseAllHeldBy } from '../handoff';

type Services = Pick<
  ApiServices,
  'db' | 'infra' | 'instance' | 'clock' | 'config' | 'logger' | 'jobs'
>;

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  created_at: Date;
}

/**
 * `admin.users.list`: accounts, newest first, by part of a name or email and by role.
 * Guests are not accounts and are left out unless asked for with `role: 'guest'`.
 */
export async function listUsers(
  services: Services,
  input: {
    cursor?: string | null | undefined;
    limit: number;
    search?: string | undefined;
    role?: Role | undefined;
  },
): Promise<Page<User>> {
  const after = input.cursor ? decodeCursor(input.cursor) : undefined;
  const search = input.search ? `%${input.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await services.db.sequelize.query<UserRow>(
    `SELECT id, email, name, role, created_at FROM users
     WHERE ($1::text IS NULL AND role <> 'guest' OR role = $1::text)
       AND ($2::text IS NULL OR email ILIKE $2 OR name ILIKE $2)
       AND ($3::timestamptz IS NULL OR (created_at, id) < ($3::timestamptz, $4::uuid))
     ORDER BY created_at DESC, id DESC LIMIT $5`,
    {
      bind: [input.role ?? null, search, after?.at ?? null, after?.id ?? null, input.limit + 1],
      type: QueryTypes.SELECT,
    },
  );
  return toPage(
    rows,
    input.limit,
    (r) => toUser({ ...r, createdAt: r.created_at }),
    (r) => [r.created_at, r.id],
  );
}

/**
 * `admin.users.setRole`. The change counts at the person's next call on every instance
 * (roles are read on use), and their live streams re-check at once: an agent made a
 * plain user stops receiving the inbox.
 */
export async function setRole(
  services: Services,
  input: { userId: string; role: GrantableRole },
): Promise<User> {
  const change = await withTransaction(services.db.sequelize, (transaction) =>
    setUserRole(services.db.sequelize, { userId: input.userId }, input.role, transaction),
  ).catch((error: unknown) => {
    if (!(error instanceof RoleChangeRefused)) throw error;
    if (error.reason === 'not_found') throw notFound('User');
    throw new TRPCError({ code: 'PRECONDITION_FAILED', message: error.message });
  });
  if (change.previousRole !== change.user.role) {
    forgetRole(services, change.user.id);
    await announceRevocation(services, change.user.id);
  }
  // Staff no more: the conversations they held go back to the waiting list (their seats
  // end with them), or they would go on writing as an agent and the assistant stay silent.
  if (STAFF_ROLES.includes(change.previousRole) && !STAFF_ROLES.includes(change.user.role)) {
    await releaseAllHeldBy(services, change.user.id);
  }
  return toUser(change.user);
}
