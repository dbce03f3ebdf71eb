import { randomUUID } from 'node:crypto';
import type { ComponentState } from './redis';
import { directState, type RedisLink } from './redis';

/** How long an instance counts as present after its last heartbeat (it beats 3 times as often). */
export const PRESENCE_TTL_MS = 15_000;

/**
 * Who is around, across instances: "is any agent watching the inbox right now?". Each
 * instance counts its own members of a group in process; while it has any, it keeps its
 * id in the group's Redis sorted set with an expiry a few heartbeats ahead, so an
 * instance that dies stops counting within PRESENCE_TTL_MS. Without Redis only this
 * instance's members count.
 */
export class Presence {
  readonly #id = randomUUID();
  readonly #groups = new Map<string, { members: number; timer: NodeJS.Timeout }>();

  constructor(
    private readonly link: RedisLink | undefined,
    private readonly keyPrefix: string,
    private readonly ttlMs = PRESENCE_TTL_MS,
  ) {
    // Back after an outage: say so at once rather than at the next heartbeat.
    link?.on('up', () => {
      for (const group of this.#groups.keys()) void this.#beat(group);
    });
  }

  /** Counts one member of `group` here until the returned function is called. */
  join(group: string): () => void {
    let entry = this.#groups.get(group);
    if (!entry) {
      const timer = setInterval(() => void this.#beat(group), this.ttlMs / 3).unref();
      entry = { members: 0, timer };
      this.#groups.set(group, entry);
      void this.#beat(group);
    }
    entry.members += 1;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const current = this.#groups.get(group);
      if (!current) return;
      current.members -= 1;
      if (current.members > 0) return;
      clearInterval(current.timer);
      this.#groups.delete(group);
      void this.link?.run((c) => c.zrem(this.#key(group), this.#id));
    };
  }

  /** Whether `group` has a member on any instance (this one only, without Redis). */
  async any(group: string): Promise<boolean> {
    if ((this.#groups.get(group)?.members ?? 0) > 0) return true;
    if (!this.link) return false;
    const found = await this.link.run((c) => c.zcount(this.#key(group), Date.now(), '+inf'));
    return found.ok && found.value > 0;
  }

  state(): ComponentState {
    return directState(this.link);
  }

  /** Stops the heartbeats and leaves every group (shutdown). */
  async close(): Promise<void> {
    const groups = [...this.#groups.keys()];
    for (const entry of this.#groups.values()) clearInterval(entry.timer);
    this.#groups.clear();
    await Promise.all(groups.map((g) => this.link?.run((c) => c.zrem(this.#key(g), this.#id))));
  }

  async #beat(group: string): Promise<void> {
    if (!this.#groups.has(group)) return;
    const now = Date.now();
    const key = this.#key(group);
    await this.link?.run((c) =>
      c
        .multi()
        .zadd(key, now + this.ttlMs, this.#id)
        .zremrangebyscore(key, '-inf', now)
        .pexpire(key, this.ttlMs * 2)
        .exec(),
    );
  }

  #key(group: string): string {
    return `${this.keyPrefix}presence:${group}`;
  }
}
