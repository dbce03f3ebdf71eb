import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { ComponentState, RedisLink } from './redis';

export interface CacheOptions {
  link: RedisLink | undefined;
  keyPrefix: string;
  /** How long a value read from or written to Redis is also kept in process (bounds staleness). */
  localTtlMs: number;
  maxLocalEntries: number;
  /** Upper bound of the process-local copies, in bytes of stored JSON (default 32 MiB). */
  maxLocalBytes?: number;
}

/** What `getVersioned` found: the namespace's current version and a value per suffix. */
export interface VersionedRead<T> {
  version: number;
  values: (T | undefined)[];
}

// One round trip for a versioned read: the namespace's version (seeded with the clock, so a
// lost key never brings back old numbers) and, when asked, the value and remaining TTL of
// each `<namespace>:v<version>:<suffix>` key. Reply: version, then value/TTL pairs.
const READ_VERSIONED = `
redis.call('SET', KEYS[1], ARGV[1], 'NX')
local version = redis.call('GET', KEYS[1])
local reply = { version }
for i = 3, #ARGV do
  local key = ARGV[2] .. version .. ':' .. ARGV[i]
  reply[#reply + 1] = redis.call('GET', key)
  reply[#reply + 1] = redis.call('PTTL', key)
end
return reply`;
const READ_VERSIONED_SHA = createHash('sha1').update(READ_VERSIONED).digest('hex');

/**
 * JSON values in a process-local LRU, in front of Redis when Redis is there.
 *
 * Invalidation is by namespace version: callers build keys like `listings:v${version}:${hash}`,
 * and `bumpVersion` makes every older key unreachable on every instance at once, because the
 * version is read from Redis on every call while Redis is up. Without Redis the last known
 * version (bumped locally) is used, and the bumps are replayed into Redis when it returns.
 */
/**
 * A local copy lives at most 24 days: the local cache purges each entry with a timer, and
 * Node fires a timer of more than 2^31 - 1 ms (~24.8 days) at once, with a warning on
 * stderr (a 30-day value, a known sign-in address, stored while Redis is away).
 */
const MAX_LOCAL_TTL_MS = 24 * 86_400_000;
const localTtl = (ms: number) => Math.min(ms, MAX_LOCAL_TTL_MS);

export class Cache {
  readonly #local: LRUCache<string, string>;
  // Last version seen per namespace: the fallback while Redis is away.
  readonly #versions = new Map<string, number>();
  // Namespaces bumped while Redis was away; replayed on reconnect so Redis's copies go stale too.
  readonly #pendingBumps = new Set<string>();
  // True once this instance has caught up with Redis after (re)connecting.
  #synced = false;
  #epoch = 0;

  constructor(private readonly options: CacheOptions) {
    // Bounded by bytes as well as count, and expired entries are dropped when they expire:
    // a count bound alone let a soak hold hundreds of MB of search pages.
    this.#local = new LRUCache({
      max: options.maxLocalEntries,
      maxSize: options.maxLocalBytes ?? 32 * 2 ** 20,
      sizeCalculation: (json) => Math.max(1, json.length),
      ttlAutopurge: true,
    });
    options.link?.on('up', () => void this.#resync());
    options.link?.on('down', () => {
      this.#epoch++;
      this.#synced = false;
    });
  }

  async get<T>(key: string): Promise<T | undefined> {
    const local = this.#local.get(key);
    if (local !== undefined) return parseCached<T>(local);
    const link = this.#redis();
    if (!link) return undefined;
    const found = await link.run((c) => c.get(this.#key(key)));
    if (!found.ok || found.value === null) return undefined;
    this.#local.set(key, found.value, { ttl: localTtl(this.options.localTtlMs) });
    return parseCached<T>(found.value);
  }

  /** Stores `value` as JSON (a Date becomes its ISO string) for `ttlSeconds`. */
  async set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    const json = JSON.stringify(value);
    if (json === undefined) throw new TypeError(`cache value for ${key} is not JSON`);
    if (!(ttlSeconds > 0))
      throw new RangeError(`cache ttlSeconds must be positive, got ${ttlSeconds}`);
    const ttlMs = Math.ceil(ttlSeconds * 1000);
    const link = this.#redis();
    const stored = link ? await link.run((c) => c.set(this.#key(key), json, 'PX', ttlMs)) : null;
    const ttl = stored?.ok ? Math.min(ttlMs, this.options.localTtlMs) : ttlMs;
    this.#local.set(key, json, { ttl: localTtl(ttl) });
  }

  async delete(key: string): Promise<void> {
    this.#local.delete(key);
    await this.#redis()?.run((c) => c.del(this.#key(key)));
  }

  /** Reads (or fetches and caches) a value: `load` runs only on a miss. */
  async getOrSet<T>(key: string, ttlSeconds: number, load: () => Promise<T>): Promise<T> {
    const hit = await this.get<T>(key);
    if (hit !== undefined) return hit;
    const value = await load();
    await this.set(key, value, ttlSeconds);
    return value;
  }

  /**
   * The current version of `namespace` and the values under `<namespace>:v<version>:<suffix>`,
   * in one Redis round trip. Copies kept in process are used only once Redis has confirmed
   * their version is still current, so they can never be staler than the last bump.
   */
  async getVersioned<T>(namespace: string, suffixes: string[]): Promise<VersionedRead<T>> {
    const { version, values } = await this.getVersionedJson(namespace, suffixes);
    return {
      version,
      values: values.map((json) => parseCached<T>(json)),
    };
  }

  /**
   * `getVersioned` without the parse: each value as the JSON text it was stored as, for a
   * caller that sends it on as it is (a cached search page answered without decoding it).
   */
  async getVersionedJson(namespace: string, suffixes: string[]): Promise<VersionedRead<string>> {
    const link = this.#redis();
    const known = this.#versions.get(namespace);
    const keyOf = (version: number, suffix: string) => `${namespace}:v${version}:${suffix}`;
    const local = (version: number) =>
      suffixes.map((suffix) => this.#local.get(keyOf(version, suffix)));
    if (!link) {
      const version = known ?? 0;
      return { version, values: local(version) };
    }
    const kept = known === undefined ? [] : local(known);
    const allKept = known !== undefined && kept.every((json) => json !== undefined);
    // Everything is at hand under the version last seen: ask Redis for the version alone.
    let reply = await this.#readVersioned(link, namespace, allKept ? [] : suffixes);
    if (reply && allKept && reply.version === known) return { version: known, values: kept };
    // The version moved on: the values kept are not current, fetch them (if any were asked).
    if (reply && allKept && suffixes.length > 0) {
      reply = await this.#readVersioned(link, namespace, suffixes);
    }
    if (!reply) return { version: known ?? 0, values: suffixes.map(() => undefined) };
    const { version, found } = reply;
    this.#versions.set(namespace, version);
    const values = found.map(({ json, ttlMs }, i) => {
      if (json === null) return undefined;
      // Only a current version is ever read back, so the copy may live as long as Redis's.
      if (ttlMs > 0) this.#local.set(keyOf(version, suffixes[i]!), json, { ttl: localTtl(ttlMs) });
      return json;
    });
    return { version, values };
  }

  /** The namespace's current version (the same read as `getVersioned`, without values). */
  async version(namespace: string): Promise<number> {
    return (await this.getVersioned(namespace, [])).version;
  }

  async bumpVersion(namespace: string): Promise<number> {
    const link = this.#redis();
    if (link) {
      const bumped = await this.#bumpInRedis(link, namespace);
      if (bumped !== undefined) return bumped;
    }
    const next = (this.#versions.get(namespace) ?? 0) + 1;
    this.#versions.set(namespace, next);
    if (this.options.link) this.#pendingBumps.add(namespace);
    return next;
  }

  state(): ComponentState {
    const link = this.options.link;
    return {
      backend: this.#redis() ? 'redis' : 'memory',
      redis: link ? link.state : 'disabled',
    };
  }

  async #readVersioned(
    link: RedisLink,
    namespace: string,
    suffixes: string[],
  ): Promise<{ version: number; found: { json: string | null; ttlMs: number }[] } | undefined> {
    const args = [
      this.#versionKey(namespace),
      Date.now(),
      `${this.options.keyPrefix}cache:${namespace}:v`,
      ...suffixes,
    ];
    const run = await link.run(async (c) => {
      try {
        return (await c.evalsha(READ_VERSIONED_SHA, 1, ...args)) as unknown[];
      } catch (err) {
        // First use on this Redis (or after a restart): send the script itself once.
        if (!String(err).includes('NOSCRIPT')) throw err;
        return (await c.eval(READ_VERSIONED, 1, ...args)) as unknown[];
      }
    });
    if (!run.ok) return undefined;
    const version = Number(run.value[0]);
    if (!Number.isSafeInteger(version)) return undefined;
    const found = suffixes.map((_, i) => {
      const json = run.value[1 + 2 * i];
      return { json: typeof json === 'string' ? json : null, ttlMs: Number(run.value[2 + 2 * i]) };
    });
    return { version, found };
  }

  async #bumpInRedis(link: RedisLink, namespace: string): Promise<number | undefined> {
    const key = this.#versionKey(namespace);
    const done = await link.run((c) => c.multi().set(key, Date.now(), 'NX').incr(key).exec());
    const version = done.ok ? Number(done.value?.[1]?.[1]) : Number.NaN;
    if (!Number.isSafeInteger(version)) return undefined;
    this.#versions.set(namespace, version);
    return version;
  }

  /** After (re)connecting: forget what was cached while Redis was away, then replay bumps. */
  async #resync(): Promise<void> {
    const epoch = ++this.#epoch;
    this.#synced = false;
    const link = this.options.link!;
    for (const namespace of [...this.#pendingBumps]) {
      if ((await this.#bumpInRedis(link, namespace)) === undefined) return; // gone again
      this.#pendingBumps.delete(namespace);
    }
    if (epoch !== this.#epoch || !link.ready) return;
    // Values written while Redis was away were never shared and may be stale; versions from
    // Redis may also reuse numbers this process used locally, so the local LRU starts empty.
    this.#local.clear();
    this.#synced = true;
  }

  #redis(): RedisLink | undefined {
    const link = this.options.link;
    return link && this.#synced && link.ready ? link : undefined;
  }

  #key(key: string): string {
    return `${this.options.keyPrefix}cache:${key}`;
  }

  #versionKey(namespace: string): string {
    return `${this.options.keyPrefix}cache-version:${namespace}`;
  }
}

/**
 * Values are kept as JSON strings and parsed per read: one string per entry is nearly free
 * for the garbage collector, while parsed pages (thousands of small objects each) kept
 * for a minute made a long chat soak's heap churn, and its major GCs, several times larger.
 */
export function parseCached<T>(json: string | undefined): T | undefined {
  if (json === undefined) return undefined;
  try {
    return JSON.parse(json) as T;
  } catch {
    return undefined; // not written by us; a miss is the safe answer
  }
}
