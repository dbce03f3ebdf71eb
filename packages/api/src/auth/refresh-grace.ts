import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { AuthResult } from '@parley/validators';
import type { ApiServices } from '../context';
import { digest } from './secrets';

/**
 * Two tabs (or two requests of one app) often refresh with the same token at the same
 * moment. The first rotates it; the second, arriving within this window, gets the very
 * same new pair instead of being taken for a thief. After the window a second use is
 * theft again and revokes the family.
 */
export const REFRESH_GRACE_MS = 10_000;

const key = (refreshToken: string) => `auth:rotated:${digest(refreshToken)}`;

/** The pair holds a live refresh token: it is kept encrypted (AES-256-GCM), for seconds. */
function cipherKey(services: ApiServices): Buffer {
  return createHash('sha256')
    .update('parley:refresh-grace:')
    .update(services.config.jwt.secret)
    .digest();
}

type Stored = { iv: string; tag: string; data: string };

/** Remembers what rotating `refreshToken` returned, for the grace window. */
export async function rememberRotation(
  services: ApiServices,
  refreshToken: string,
  result: AuthResult,
): Promise<void> {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', cipherKey(services), iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(result), 'utf8'), cipher.final()]);
  const stored: Stored = {
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
  await services.infra.cache.set(key(refreshToken), stored, REFRESH_GRACE_MS / 1000);
}

/** What rotating `refreshToken` returned, if that was within the grace window. */
export async function recallRotation(
  services: ApiServices,
  refreshToken: string,
): Promise<AuthResult | undefined> {
  const stored = await services.infra.cache.get<Stored>(key(refreshToken));
  if (!stored) return undefined;
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      cipherKey(services),
      Buffer.from(stored.iv, 'base64'),
    );
    decipher.setAuthTag(Buffer.from(stored.tag, 'base64'));
    const text = Buffer.concat([
      decipher.update(Buffer.from(stored.data, 'base64')),
      decipher.final(),
    ]).toString('utf8');
    const result = JSON.parse(text) as AuthResult;
    return {
      ...result,
      user: { ...result.user, createdAt: new Date(result.user.createdAt) },
      accessTokenExpiresAt: new Date(result.accessTokenExpiresAt),
    };
  } catch {
    return undefined; // written under another JWT secret: no grace
  }
}
