import type { Role, Scope } from '@parley/validators';

/** What a client presented, before anything is checked. */
export type Credential =
  | { kind: 'accessToken'; token: string }
  | { kind: 'apiKey'; key: string }
  | { kind: 'clientSecret'; secret: string };

export const API_KEY_PREFIX = 'pk_live_';
export const CLIENT_SECRET_PREFIX = 'cs_';

/** Classifies a bearer string by its prefix; JWTs have none. */
export function credentialFrom(raw: string | null | undefined): Credential | null {
  const value = raw?.trim();
  if (!value) return null;
  if (value.startsWith('pk_')) return { kind: 'apiKey', key: value };
  if (value.startsWith(CLIENT_SECRET_PREFIX)) return { kind: 'clientSecret', secret: value };
  return { kind: 'accessToken', token: value };
}

/** Reads `Authorization: Bearer ...` or `x-api-key` from HTTP headers. */
export function credentialFromHeaders(headers: {
  authorization?: string | undefined;
  'x-api-key'?: string | string[] | undefined;
}): Credential | null {
  const auth = headers.authorization;
  if (auth) {
    const match = /^Bearer\s+(.+)$/i.exec(auth);
    return credentialFrom(match?.[1] ?? '');
  }
  const raw = headers['x-api-key'];
  const key = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  // Only an API key travels in x-api-key: a token or secret sent there is refused as an
  // invalid key, never taken for what it is (it would be logged and cached as a key).
  return key ? { kind: 'apiKey', key } : null;
}

/** Who is calling, after the credential was verified for this call. */
export type Identity =
  | { kind: 'user'; userId: string; role: Role; familyId: string }
  | {
      kind: 'apiKey';
      userId: string;
      role: Role;
      keyId: string;
      keyName: string;
      /** The key's scopes that its owner's current role allows. */
      scopes: Scope[];
    }
  | {
      kind: 'session';
      sessionId: string;
      userId: string;
      /** Set for a widget's session: the only browser origins its secret works from. */
      allowedOrigins: string[] | null;
    };
