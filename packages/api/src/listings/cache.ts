import { createHash } from 'node:crypto';

/**
 * What the listings code needs from `infra.cache`. Keys carry the namespace version, so
 * `bumpVersion` after a committed write makes every older answer unreachable on every
 * instance at once (the version lives in Redis while Redis is up).
 */
export interface ListingsCache {
  /** The namespace's current version and the values under it, in one round trip. */
  getVersioned<T>(
    namespace: string,
    suffixes: string[],
  ): Promise<{ version: number; values: (T | undefined)[] }>;
  /** The same read, each value as the JSON text it was stored as (no parse). */
  getVersionedJson(
    namespace: string,
    suffixes: string[],
  ): Promise<{ version: number; values: (string | undefined)[] }>;
  set(key: string, value: unknown, ttlSeconds: number): Promise<void>;
  bumpVersion(namespace: string): Promise<number>;
}

export const LISTINGS_NAMESPACE = 'listings';
/** Invalidation is by version; the TTL only bounds memory (and writers that cannot bump). */
export const SEARCH_TTL_SECONDS = 60;
export const GET_TTL_SECONDS = 300;

/** JSON with object keys sorted, so equal queries give equal keys whatever their key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function hashOf(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('base64url').slice(0, 22);
}

/** What is cached, under the namespace version: `page` and `listing` hold superjson's
 * form of what is sent, `count` a number. */
export type ListingsEntry = `${'page' | 'count' | 'listing'}:${string}`;

export function listingsKey(version: number, entry: ListingsEntry): string {
  return `${LISTINGS_NAMESPACE}:v${version}:${entry}`;
}

/** Call after a listings transaction has committed, never inside it. */
export function listingsChanged(cache: ListingsCache): Promise<number> {
  return cache.bumpVersion(LISTINGS_NAMESPACE);
}
