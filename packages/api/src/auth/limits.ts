import type { ApiServices } from '../context';
import { RateLimitedError } from '../errors';
import type { Identity } from './credentials';

type Limiter = ReturnType<ApiServices['infra']['createRateLimiter']>;

/** The limiters auth and search use, built once per server instance. */
export interface Limits {
  loginPerIp: Limiter;
  loginPerAccountMinute: Limiter;
  loginPerAccountHour: Limiter;
  registerPerIp: Limiter;
  guestPerIp: Limiter;
  visitorSends: Limiter;
  searchPerIp: Limiter;
  uploadsPerUser: Limiter;
}

/** This instance's limiters (made once, in instance.ts). */
export function limitsFor(services: ApiServices): Limits {
  return services.instance.limits;
}

export function createLimits(services: Pick<ApiServices, 'infra' | 'config'>): Limits {
  const { infra, config } = services;
  const r = config.rateLimits;
  return {
    loginPerIp: infra.createRateLimiter({
      name: 'login-ip',
      points: r.loginPerIpPerMinute,
      durationSeconds: 60,
    }),
    loginPerAccountMinute: infra.createRateLimiter({
      name: 'login-account-m',
      points: r.loginFailuresPerAccountPerMinute,
      durationSeconds: 60,
    }),
    loginPerAccountHour: infra.createRateLimiter({
      name: 'login-account-h',
      points: r.loginFailuresPerAccountPerHour,
      durationSeconds: 3600,
    }),
    registerPerIp: infra.createRateLimiter({
      name: 'register-ip',
      points: r.registerPerIpPerHour,
      durationSeconds: 3600,
    }),
    guestPerIp: infra.createRateLimiter({
      name: 'guest-ip',
      points: r.guestsPerIpPerHour,
      durationSeconds: 3600,
    }),
    visitorSends: infra.createRateLimiter({
      name: 'visitor-sends',
      points: r.visitorSendsPerMinute,
      durationSeconds: 60,
    }),
    searchPerIp: infra.createRateLimiter({
      name: 'search-ip',
      points: r.searchPerIpPerMinute,
      durationSeconds: 60,
    }),
    uploadsPerUser: infra.createRateLimiter({
      name: 'uploads-user',
      points: r.uploadsPerUserPerMinute,
      durationSeconds: 60,
    }),
  };
}

/**
 * Sends and retries by a visitor without an account (a guest, or a widget's client
 * secret) are limited per guest or session: anyone can be one in a call, and each send
 * stores a message and runs the assistant. People with accounts and API keys are not
 * counted (registration is limited, and a key is its owner's).
 */
export async function enforceVisitorSends(services: ApiServices, identity: Identity) {
  const key =
    identity.kind === 'session'
      ? `session:${identity.sessionId}`
      : identity.kind === 'user' && identity.role === 'guest'
        ? `guest:${identity.userId}`
        : null;
  if (key) await enforce([limitsFor(services).visitorSends, key]);
}

/** Consumes one point from each limiter; the longest wait wins when any refuses. */
export async function enforce(...checks: [Limiter, string][]): Promise<void> {
  const results = await Promise.all(checks.map(([limiter, key]) => limiter.consume(key)));
  const waits = results.flatMap((r) => (r.allowed ? [] : [r.retryAfterSeconds]));
  if (waits.length) throw new RateLimitedError(Math.max(1, Math.ceil(Math.max(...waits))));
}
