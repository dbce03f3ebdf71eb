import type { Role } from '@parley/validators';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { ApiConfig } from '../config';

export interface AccessClaims {
  userId: string;
  role: Role;
  /** The refresh-token family this token was issued with; logout revokes it. */
  familyId: string;
}

export async function signAccessToken(
  config: ApiConfig,
  claims: AccessClaims,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = new Date((issuedAt + config.jwt.accessTtlSeconds) * 1000);
  const token = await new SignJWT({ role: claims.role, fam: claims.familyId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.userId)
    .setIssuer(config.jwt.issuer)
    .setAudience(config.jwt.audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(config.jwt.secret);
  return { token, expiresAt };
}

/**
 * Verifies signature, algorithm (HS256 only: `alg: none` and key-confusion tricks are
 * refused), issuer, audience and expiry. Returns null for any invalid token.
 */
export async function verifyAccessToken(
  config: ApiConfig,
  token: string,
  now: Date,
): Promise<AccessClaims | null> {
  try {
    const { payload } = await jwtVerify(token, config.jwt.secret, {
      algorithms: ['HS256'],
      issuer: config.jwt.issuer,
      audience: config.jwt.audience,
      currentDate: now,
      requiredClaims: ['sub', 'exp', 'iat'],
    });
    const role = payload.role;
    if (typeof payload.sub !== 'string' || typeof payload.fam !== 'string') return null;
    if (role !== 'user' && role !== 'agent' && role !== 'admin' && role !== 'guest') return null;
    return { userId: payload.sub, role, familyId: payload.fam };
  } catch (error) {
    if (error instanceof errors.JOSEError) return null;
    throw error;
  }
}
