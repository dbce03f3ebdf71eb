import type { ServerResponse } from 'node:http';

/** A path prefix whose pages other sites may frame (an embeddable widget, say). */
export interface EmbeddableRoute {
  /** `/widget` matches `/widget` and everything under `/widget/`. */
  path: string;
  /** CSP `frame-ancestors` sources allowed to frame it: origins, or `https:` for any site. */
  frameAncestors: string[];
}

export interface SecurityHeaderOptions {
  /** Routes that may be framed; every other response refuses to be framed at all. */
  embeddable?: EmbeddableRoute[];
  /** Served over HTTPS (PUBLIC_URL is https): browsers are told to never use plain HTTP. */
  https?: boolean;
}

/**
 * The app's scripts and styles come only from its own origin (Vite emits files, no inline
 * code), so the policy needs no 'unsafe-inline' and no nonces. Listing photos live on
 * other sites (https), the favicon is a data: URL; calls and the WebSocket go to 'self'.
 */
const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

function matches(route: EmbeddableRoute, path: string): boolean {
  const prefix = route.path.replace(/\/+$/, '');
  return path === prefix || path.startsWith(`${prefix}/`);
}

/**
 * Returns the function that sets the security headers on a response for `path`: a
 * strict CSP, no MIME sniffing, no referrer beyond the origin to other sites, and no
 * framing except on the embeddable routes (where X-Frame-Options, which cannot name
 * several origins, is left out and CSP frame-ancestors decides).
 */
export function securityHeaders(options: SecurityHeaderOptions = {}) {
  const embeddable = options.embeddable ?? [];
  return (res: ServerResponse, path: string): void => {
    const route = embeddable.find((r) => matches(r, path));
    const ancestors = route ? route.frameAncestors.join(' ') || "'none'" : "'none'";
    res.setHeader('content-security-policy', `${POLICY}; frame-ancestors ${ancestors}`);
    if (!route) res.setHeader('x-frame-options', 'DENY');
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'strict-origin-when-cross-origin');
    res.setHeader('cross-origin-opener-policy', route ? 'unsafe-none' : 'same-origin');
    if (options.https) res.setHeader('strict-transport-security', 'max-age=31536000');
  };
}
