import { z } from 'zod';
import { uuid } from './ids';

export const ROLES = ['user', 'agent', 'admin'] as const;
export const SCOPES = [
  'listings:read',
  'listings:write',
  'conversations:read',
  'conversations:write',
  'sessions:write',
] as const;
export type Role = (typeof ROLES)[number];
export type Scope = (typeof SCOPES)[number];
export const scope = z.enum(SCOPES);

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

export const registerInput = z.object({
  email,
  password,
  name: z.string().trim().min(1, { error: 'is required' }).max(100),
});
export const loginInput = z.object({
  email,
  // Any length is accepted at login so a too-short guess is just a wrong password.
  password: z.string().min(1, { error: 'is required' }).max(1024),
});
export const refreshInput = z.object({ refreshToken: z.string().min(1).max(512) });
export const logoutInput = z
  .object({ refreshToken: z.string().min(1).max(512).optional() })
  .default({});
export const apiKeyCreateInput = z.object({
  name: z.string().trim().min(1).max(100),
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
