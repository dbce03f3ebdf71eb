import { ROLES, type Role } from '@parley/validators';
import { QueryTypes } from 'sequelize';
import type { ApiServices } from '../context';

/**
 * How long a role read from PostgreSQL is believed. Roles are read on use, never taken
 * from a token's claim, so a demotion counts within this bound on every instance, and at
 * once on the instance that made it (`forgetRole`).
 */
export const ROLE_FRESH_MS = 1_000;
const MAX_ROLES = 10_000;

/** A role as this instance last read it (kept in `services.instance.roles`). */
export interface KnownRole {
  role: Role | null;
  readAt: number;
}

/** The user's role now, or null when the user no longer exists. */
export async function currentRole(
  services: Pick<ApiServices, 'db' | 'instance'>,
  userId: string,
): Promise<Role | null> {
  const memory = services.instance.roles;
  const now = performance.now();
  const known = memory.get(userId);
  if (known && now - known.readAt < ROLE_FRESH_MS) return known.role;
  const rows = await services.db.sequelize.query<{ role: string }>(
    'SELECT role FROM users WHERE id = $1',
    { bind: [userId], type: QueryTypes.SELECT, raw: true },
  );
  const raw = rows[0]?.role;
  const role = (ROLES as readonly string[]).includes(raw ?? '') ? (raw as Role) : null;
  memory.delete(userId);
  memory.set(userId, { role, readAt: now });
  // Maps iterate in insertion order: the first key is the oldest read.
  if (memory.size > MAX_ROLES) memory.delete(memory.keys().next().value!);
  return role;
}

/** Called by whatever changes a user's role, so this instance uses the new one at once. */
export function forgetRole(services: Pick<ApiServices, 'db' | 'instance'>, userId: string): void {
  services.instance.roles.delete(userId);
}

/**
 * The user's role read from PostgreSQL now (and remembered). For a refusal: a role believed
 * from a second ago must not refuse someone just made an agent (their console would be
 * refused its live stream), while a demotion still counts within `ROLE_FRESH_MS`.
 */
export function roleReadNow(
  services: Pick<ApiServices, 'db' | 'instance'>,
  userId: string,
): Promise<Role | null> {
  forgetRole(services, userId);
  return currentRole(services, userId);
}
