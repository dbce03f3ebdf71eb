import type { Database } from '@parley/db';
import type { Infra } from '@parley/infra';

export interface Identity {
  version: string;
  commit: string;
  startedAt: Date;
}

export function healthz(identity: Identity) {
  return { status: 'ok' as const, service: 'parley' as const, ...identity };
}

/**
 * Ready when PostgreSQL answers. Redis is optional: without it (down or never set)
 * Parley runs in-process, which is `degraded` when Redis was configured.
 */
export async function readyz(db: Database | undefined, infra: Infra | undefined) {
  const [database, infraHealth] = await Promise.all([
    db ? db.ping(1_500) : Promise.resolve(false),
    infra?.health(),
  ]);
  const checks = {
    database: { status: database ? ('up' as const) : ('down' as const) },
    redis: infraHealth?.checks.redis ?? { status: 'disabled' as const },
    pubsub: infraHealth?.checks.pubsub ?? null,
    cache: infraHealth?.checks.cache ?? null,
    rateLimit: infraHealth?.checks.rateLimit ?? null,
  };
  const status = !database ? 'unavailable' : infraHealth?.status === 'degraded' ? 'degraded' : 'ok';
  return { httpStatus: database ? 200 : 503, body: { status, checks } };
}
