import { LRUCache } from 'lru-cache';
import type { Bus } from './bus';
import type { ComponentState, RedisLink } from './redis';

export interface CacheOptions {
  link: RedisLink | undefined;
  /** Carries version bumps to the other instances; without it they re-read Redis only. */
  bus?: Bus | undefined;
  keyPrefix: string;
  /** Longest a value is also kept in process (versioned keys never go stale within it). */
  localTtlMs: number;
  maxLocalEntries: number;
  /** Upper bound of the process-local copies, in bytes of stored JSON (default 32 MiB). */
  maxLocalBytes?: number;
  /** How old a version known in process may be before it is read from Redis again (1 s). */
  versionMaxAgeMs?: number;
}

/** The JSON as stored, and its parsed form once somebody has read it. */
interface LocalEntry {
  json: string;
  value?: unknown;
}

interface KnownVersion {
  value: number;
  /** When Redis or a bus message last confirmed it (0: must be read again). */
  confirmedAt: number;
}

interface VersionBump {
  namespace: string;
  version: number;
}

const VERSION_CHANNEL = 'cache-version';

/**
 * JSON values in a process-local LRU, in front of Redis when Redis is there.
 *
 * Invalidation is by namespace version: callers build keys like `listings:v${version}:${hash}`,
 * and `bumpVersion` makes every older key unreachable. Each instance keeps the versions in
 * process: a bump is written to Redis and announced on the bus before `bumpVersion` returns,
 * so the other instances switch as soon as the bus delivers it (before the writer has even
 * answered its caller, in practice); a version older than `versionMaxAgeMs` is read from
 * Redis again, which bounds the damage of a lost bus message. Without Redis the last known
 * version (bumped locally) is used, and the bumps are replayed into Redis when it returns.
 *
 * Values handed out by `get` are shared between callers: treat them as read-only.
 */
export class Cache {
  readonly #local: LRUCache<string, LocalEntry>;
  readonly #versions = new Map<string, KnownVersion>();
  // One Redis read per namespace at a time, however many requests want the version.
  readonly #versionReads = new Map<string, Promise<number>>();
  // Namespaces bumped while Redis was away; replayed on reconnect so Redis's copies go stale too.
  readonly #pendingBumps = new Set<string>();
  readonly #versionMaxAgeMs: number;
  // True once this instance has caught up with Redis after (re)connecting.
  #synced = false;
  #epoch = 0;

  constructor(private readonly options: CacheOptions) {
    this.#versionMaxAgeMs = options.versionMaxAgeMs ?? 1_000;
    // Bounded by bytes as well as count, and expired entries are dropped when they expire:
    // a count bound alone let a soak hold hundreds of MB of search pages.
    this.#local = new LRUCache({
      max: options.maxLocalEntries,
      maxSize: options.maxLocalBytes ?? 32 * 2 ** 20,
      sizeCalculation: (entry) => Math.max(1, entry.json.length),
      ttlAutopurge: true,
    });
    options.bus?.subscribe<VersionBump>(VERSION_CHANNEL, (bump) => {
      if (typeof bump?.namespace === 'string' && Number.isSafeInteger(bump.version))
        this.#learnVersion(bump.namespace, bump.version);
    });
    options.link?.on('up', () => void this.#resync());
    options.link?.on('down', () => {
      this.#epoch++;
      this.#synced = false;
    });
  }

  async get<T>(key: string): Promise<T | undefined> {
    const local = this.#local.get(key);
    if (local !== undefined) return readEntry<T>(local);
    const link = this.#redis();
    if (!link) return undefined;
    // The value and its remaining TTL in one round trip: the local copy must not outlive Redis's.
    const found = await link.run(async (c) => {
      const replies = (await c.pipeline().get(this.#key(key)).pttl(this.#key(key)).exec()) ?? [];
      // A pipeline reports a timeout per command instead of rejecting: rethrow it, so the
      // link sees it and falls back like for any other command.
      const failure = replies.find(([err]) => err)?.[0];
      if (failure) throw failure;
      return replies.map(([, reply]) => reply);
    });
    const [json, remaining] = found.ok ? found.value : [];
    if (typeof json !== 'string') return undefined;
    const entry: LocalEntry = { json };
    const ttl = Math.min(Number(remaining) > 0 ? Number(remaining) : 1, this.options.localTtlMs);
    this.#local.set(key, entry, { ttl });
    return readEntry<T>(entry);
  }

  /** Stores `value` as JSON (a Date becomes its ISO string) for `ttlSeconds`. */
  async set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    const json = JSON.stringify(value);
    if (json === undefined) throw new TypeError(`cache value for ${key} is not JSON`);
    if (!(ttlSeconds > 0))
      throw new RangeError(`cache ttlSeconds must be positive, got ${ttlSeconds}`);
    const ttlMs = Math.ceil(ttlSeconds * 1000);
    // Kept in process first, so a read right after the write is served without Redis.
    const stored = this.#redis() ? Math.min(ttlMs, this.options.localTtlMs) : ttlMs;
    this.#local.set(key, { json }, { ttl: stored });
    const link = this.#redis();
    if (link) await link.run((c) => c.set(this.#key(key), json, 'PX', ttlMs));
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
    const known = this.#versions.get(namespace);
    const link = this.#redis();
    if (!link) return known?.value ?? 0;
    if (known && Date.now() - known.confirmedAt < this.#versionMaxAgeMs) return known.value;
    let read = this.#versionReads.get(namespace);
    if (!read) {
      read = this.#readVersion(link, namespace).finally(() => this.#versionReads.delete(namespace));
      this.#versionReads.set(namespace, read);
    }
    return read;
  }

  async bumpVersion(namespace: string): Promise<number> {
    const link = this.#redis();
    if (link) {
      const bumped = await this.#bumpInRedis(link, namespace);
      if (bumped !== undefined) {
        // Awaited: once Redis has the PUBLISH, every subscribed instance has the message on
        // its way before this write is acknowledged to anyone.
        await this.options.bus?.publish<VersionBump>(VERSION_CHANNEL, {
          namespace,
          version: bumped,
        });
        return bumped;
      }
    }
    const next = (this.#versions.get(namespace)?.value ?? 0) + 1;
    this.#versions.set(namespace, { value: next, confirmedAt: Date.now() });
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

  /** Versions only move forward: a late Redis read must not undo a bump heard on the bus. */
  #learnVersion(namespace: string, version: number): number {
    const known = this.#versions.get(namespace);
    const value = known ? Math.max(known.value, version) : version;
    this.#versions.set(namespace, { value, confirmedAt: Date.now() });
    return value;
  }

  async #readVersion(link: RedisLink, namespace: string): Promise<number> {
    const key = this.#versionKey(namespace);
    // Seeding with the clock (not 0) means a lost version key never brings back old numbers.
    const read = await link.run((c) => c.multi().set(key, Date.now(), 'NX').get(key).exec());
    const version = read.ok ? Number(read.value?.[1]?.[1]) : Number.NaN;
    if (Number.isSafeInteger(version)) return this.#learnVersion(namespace, version);
    return this.#versions.get(namespace)?.value ?? 0;
  }

  async #bumpInRedis(link: RedisLink, namespace: string): Promise<number | undefined> {
    const key = this.#versionKey(namespace);
    const done = await link.run((c) => c.multi().set(key, Date.now(), 'NX').incr(key).exec());
    const version = done.ok ? Number(done.value?.[1]?.[1]) : Number.NaN;
    if (!Number.isSafeInteger(version)) return undefined;
    return this.#learnVersion(namespace, version);
  }

  /** After (re)connecting: forget what was cached while Redis was away, then replay bumps. */
  async #resync(): Promise<void> {
    const epoch = ++this.#epoch;
    this.#synced = false;
    const link = this.options.link!;
    for (const namespace of [...this.#pendingBumps]) {
      const bumped = await this.#bumpInRedis(link, namespace);
      if (bumped === undefined) return; // gone again
      this.#pendingBumps.delete(namespace);
      void this.options.bus?.publish<VersionBump>(VERSION_CHANNEL, { namespace, version: bumped });
    }
    if (epoch !== this.#epoch || !link.ready) return;
    // Values written while Redis was away were never shared and may be stale; versions from
    // Redis may also reuse numbers this process used locally, so the local LRU starts empty
    // and every version is read from Redis again before it is trusted.
    this.#local.clear();
    for (const known of this.#versions.values()) known.confirmedAt = 0;
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

function readEntry<T>(entry: LocalEntry): T | undefined {
  if (!('value' in entry)) {
    try {
      entry.value = JSON.parse(entry.json);
    } catch {
      entry.value = undefined; // not written by us; a miss is the safe answer
    }
  }
  return entry.value as T | undefined;
}
