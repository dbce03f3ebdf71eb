import { createHash, randomBytes } from 'node:crypto';

/** 256 bits of randomness, URL-safe, with a readable prefix. */
export function randomSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/**
 * High-entropy secrets (refresh tokens, API keys, client secrets) are stored as a
 * SHA-256 digest: a stolen table cannot be replayed, and lookup stays one index probe.
 * Passwords, which are low-entropy, use argon2id instead (passwords.ts).
 */
export function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}
