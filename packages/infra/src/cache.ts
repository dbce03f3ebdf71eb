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

/**
 * JSON values in a process-local LRU, in front of Redis when Redis is there.
 *
 * Invalidation is by namespace version: callers build keys like `listings:v${version}:${hash}`,
 * and `bumpVersion` makes every older key unreachable on every instance at once, because the
 * version is read from Redis on every call while Redis is up. Without Redis the last known
 * version (bumped locally) is used, and the bumps are replayed into Redis when it returns.
 */
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
      sizeCalculation: (value) => Math.max(1, value.length),
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
    if (local !== undefined) return parse<T>(local);
    const link = this.#redis();
    if (!link) return undefined;
    const found = await link.run((c) => c.get(this.#key(key)));
    if (!found.ok || found.value === null) return undefined;
    this.#local.set(key, found.value, { ttl: this.options.localTtlMs });
    return parse<T>(found.value);
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
    const localTtl = stored?.ok ? Math.min(ttlMs, this.options.localTtlMs) : ttlMs;
    this.#local.set(key, json, { ttl: localTtl });
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

  async version(namespace: string): Promise<number> {
    const link = this.#redis();
    if (link) {
      const key = this.#versionKey(namespace);
      // Seeding with the clock (not 0) means a lost version key never brings back old numbers.
      const read = await link.run((c) => c.multi().set(key, Date.now(), 'NX').get(key).exec());
      const version = read.ok ? Number(read.value?.[1]?.[1]) : Number.NaN;
      if (Number.isSafeInteger(version)) {
        this.#versions.set(namespace, version);
        return version;
      }
    }
    return this.#versions.get(namespace) ?? 0;
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

function parse<T>(json: string): T | undefined {
  try {
    return JSON.parse(json) as T;
  } catch {
    return undefined; // not written by us; a miss is the safe answer
  }
}
