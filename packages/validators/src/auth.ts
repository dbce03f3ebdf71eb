import { z } from 'zod';
import { uuid } from './ids';
import { pageInput } from './pagination';
import { displayName, safeText } from './safe';

/** `guest`: someone trying Parley without an account (chat and favourites only). */
export const ROLES = ['user', 'agent', 'admin', 'guest'] as const;
export const SCOPES = [
  'listings:read',
  'listings:write',
  'conversations:read',
  'conversations:write',
  'sessions:write',
  'webhooks:write',
] as const;
export type Role = (typeof ROLES)[number];
export type Scope = (typeof SCOPES)[number];
export const scope = z.enum(SCOPES);

/** Scopes that need more than the `user` role: only staff may write listings. */
const STAFF_SCOPES: readonly Scope[] = ['listings:write'];

/** The scopes an API key of someone with `role` may hold (and use). */
export function scopesAllowedFor(role: Role): Scope[] {
  if (role === 'guest') return [];
  return role === 'user' ? SCOPES.filter((s) => !STAFF_SCOPES.includes(s)) : [...SCOPES];
}

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ error: 'must be a valid email address' }));

/** Length only; the common-password check needs a word list and lives in the api. */
export const password = z
  .string()
  .min(8, { error: 'must be at least 8 characters' })
  .max(128, { error: 'must be at most 128 characters' });

/** A guest's access token: what the guest made moves to the account signed up or in. */
const guestToken = z.string().min(1).max(4096).optional();

export const registerInput = z.object({
  email,
  password,
  name: displayName(),
  guestToken,
});
export const loginInput = z.object({
  email,
  // Any length is accepted at login so a too-short guess is just a wrong password.
  password: z.string().min(1, { error: 'is required' }).max(1024),
  guestToken,
});
/** No token: a browser in cookie mode, whose refresh token is in its httpOnly cookie. */
export const refreshInput = z
  .object({ refreshToken: z.string().min(1).max(512).optional() })
  .default({});
export const logoutInput = z
  .object({ refreshToken: z.string().min(1).max(512).optional() })
  .default({});
export const apiKeyCreateInput = z.object({
  name: displayName(),
  scopes: z.array(scope).min(1).max(SCOPES.length),
});
export const apiKeyRevokeInput = z.object({ id: uuid() });

export type RegisterInput = z.input<typeof registerInput>;
export type LoginInput = z.input<typeof loginInput>;

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: Date;
}

/** `auth.me`: the user, plus the API key when one made the call (null otherwise). */
export interface Me extends User {
  apiKey: { id: string; name: string; scopes: Scope[] } | null;
}

export interface AuthResult {
  user: User;
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: Date;
}

export interface ApiKeySummary {
  id: string;
  name: string;
  scopes: Scope[];
  lastUsedAt: Date | null;
  createdAt: Date;
}

export interface CreatedApiKey {
  id: string;
  name: string;
  scopes: Scope[];
  key: string;
  createdAt: Date;
}

/** Roles that make someone staff: they answer people in the agents' inbox. */
export const STAFF_ROLES: readonly Role[] = ['agent', 'admin'];
/** The roles an admin can give (a guest signs up first). */
export const GRANTABLE_ROLES = ['user', 'agent', 'admin'] as const;
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

export const adminUsersListInput = pageInput
  .extend({
    /** Part of a name or an email, any case. */
    search: safeText().trim().max(200).optional(),
    role: z.enum(ROLES).optional(),
  })
  .default({ limit: 20 });
export const adminSetRoleInput = z.object({ userId: uuid(), role: z.enum(GRANTABLE_ROLES) });
