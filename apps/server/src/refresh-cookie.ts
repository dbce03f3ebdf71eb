import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RefreshCookie } from '@parley/api';

/**
 * `__Host-`: the browser keeps it only if Secure, without Domain and with Path=/, so no
 * subdomain can set or read it. HttpOnly keeps it from the page's scripts; SameSite=Strict
 * keeps other sites from making the browser send it.
 */
export const REFRESH_COOKIE = '__Host-parley-refresh';

/** The header a browser client sends to keep its refresh token in the cookie. */
export const COOKIE_MODE_HEADER = 'x-parley-refresh';

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}

/**
 * The cookie side of a request, for a client that asked for cookie mode with
 * `x-parley-refresh: cookie` (a custom header: another site cannot send it without a
 * CORS preflight, which it fails). Null for every other client.
 */
export function refreshCookieFor(req: IncomingMessage, res: ServerResponse): RefreshCookie | null {
  if (req.headers[COOKIE_MODE_HEADER] !== 'cookie') return null;
  const write = (value: string, maxAge: number) =>
    res.appendHeader(
      'set-cookie',
      `${REFRESH_COOKIE}=${value}; Max-Age=${maxAge}; Path=/; HttpOnly; Secure; SameSite=Strict`,
    );
  return {
    value: readCookie(req.headers.cookie, REFRESH_COOKIE),
    set: (refreshToken, maxAgeSeconds) => write(refreshToken, maxAgeSeconds),
    clear: () => write('', 0),
  };
}
