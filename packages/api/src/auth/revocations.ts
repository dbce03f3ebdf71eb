import type { Bus } from '@parley/infra';
import { QueryTypes } from 'sequelize';
import type { ApiServices } from '../context';

/**
 * How long "this family is not revoked" is believed without asking PostgreSQL. It is the
 * bound on honouring a logout made on another instance whose bus message was lost
 * (API: live subscriptions end within 1 s of logout).
 */
export const KNOWN_GOOD_MS = 1_000;
/** Revocation is permanent: a revoked family is remembered for an access token's lifetime. */
const KNOWN_REVOKED_MS = 15 * 60_000;
const MAX_REVOKED = 10_000;
const SWEEP_MS = 250;

interface KnownUser {
  /** familyId -> when PostgreSQL last said it was not revoked (performance.now()). */
  good: Map<string, number>;
  lastUsed: number;
}

/** What `announceRevocation` publishes on REVOCATIONS_CHANNEL. */
export interface RevocationNotice {
  userId: string;
}

/**
 * What this instance knows about refresh-token families, so the check on every call is
 * usually answered from memory. A "not revoked" answer is kept at most KNOWN_GOOD_MS,
 * and forgotten at once when a revocation of the user is announced: by `forget` on the
 * instance that revoked (before it answers), and through REVOCATIONS_CHANNEL on every
 * other instance. The memory listens on that channel only while it remembers someone,
 * and lets go of users once they have been quiet for KNOWN_GOOD_MS, so an idle server
 * holds no listener. A notice that arrives while the memory is starting to listen again
 * (one Redis round trip after a quiet spell) can be missed; KNOWN_GOOD_MS still bounds
 * how long a call is answered from the stale entry.
 */
export class RevocationMemory {
  readonly #users = new Map<string, KnownUser>();
  readonly #revoked = new Map<string, number>();
  // Bumped by every `forget`: an answer read from PostgreSQL before a revocation was
  // announced must not be remembered after it.
  #generation = 0;
  #stopListening: (() => void) | undefined;
  #sweeper: NodeJS.Timeout | undefined;

  constructor(
    private readonly bus: Bus,
    private readonly now: () => number = () => performance.now(),
  ) {}

  async isRevoked(
    userId: string,
    familyId: string,
    read: (familyId: string) => Promise<boolean>,
  ): Promise<boolean> {
    const now = this.now();
    const revokedUntil = this.#revoked.get(familyId);
    if (revokedUntil !== undefined && revokedUntil > now) return true;
    const user = this.#users.get(userId);
    if (user) user.lastUsed = now;
    const checkedAt = user?.good.get(familyId);
    if (checkedAt !== undefined && now - checkedAt < KNOWN_GOOD_MS) return false;

    const generation = this.#generation;
    const revoked = await read(familyId);
    if (revoked) this.#rememberRevoked(familyId);
    else if (generation === this.#generation) this.#rememberGood(userId, familyId, now);
    return revoked;
  }

  /** Drops what is known about the user's families; called when any of them is revoked. */
  forget(userId: string): void {
    this.#generation++;
    this.#users.delete(userId);
  }

  /** Whether the memory is listening for revocations (it is while it remembers anyone). */
  get listening(): boolean {
    return this.#stopListening !== undefined;
  }

  #rememberGood(userId: string, familyId: string, checkedAt: number): void {
    let user = this.#users.get(userId);
    if (!user) {
      user = { good: new Map(), lastUsed: checkedAt };
      this.#users.set(userId, user);
    }
    user.good.set(familyId, checkedAt);
    this.#stopListening ??= this.bus.subscribe<RevocationNotice>(REVOCATIONS_CHANNEL, (notice) =>
      this.forget(notice.userId),
    );
    this.#sweeper ??= setInterval(() => this.#sweep(), SWEEP_MS).unref();
  }

  #rememberRevoked(familyId: string): void {
    this.#revoked.delete(familyId);
    this.#revoked.set(familyId, this.now() + KNOWN_REVOKED_MS);
    // Maps iterate in insertion order: the first key is the oldest.
    if (this.#revoked.size > MAX_REVOKED) this.#revoked.delete(this.#revoked.keys().next().value!);
  }

  /** Lets go of quiet users, and stops listening once nobody is remembered. */
  #sweep(): void {
    const now = this.now();
    for (const [userId, user] of this.#users) {
      for (const [familyId, checkedAt] of user.good) {
        if (now - checkedAt >= KNOWN_GOOD_MS) user.good.delete(familyId);
      }
      if (user.good.size === 0 && now - user.lastUsed >= KNOWN_GOOD_MS) this.#users.delete(userId);
    }
    for (const [familyId, until] of this.#revoked) if (until <= now) this.#revoked.delete(familyId);
    if (this.#users.size > 0) return;
    this.#stopListening?.();
    this.#stopListening = undefined;
    clearInterval(this.#sweeper);
    this.#sweeper = undefined;
  }
}

/** The revocation channel of a user: live subscriptions of the user listen on it. */
export const revocationChannel = (userId: string) => `auth:revoked:${userId}`;
/** Every revocation, for the memories of all instances (one listener each, not one per user). */
export const REVOCATIONS_CHANNEL = 'auth:revoked';

/** This instance's memory (made once, in instance.ts). */
export function revocationMemory(services: Pick<ApiServices, 'instance'>): RevocationMemory {
  return services.instance.revocations;
}

/** Whether the family was revoked (logout, refresh-token reuse), from memory when known. */
export function isFamilyRevoked(
  services: Pick<ApiServices, 'instance' | 'db'>,
  userId: string,
  familyId: string,
): Promise<boolean> {
  return revocationMemory(services).isRevoked(userId, familyId, async (id) => {
    const rows = await services.db.sequelize.query(
      'SELECT 1 FROM refresh_tokens WHERE family_id = $1 AND revoked_at IS NOT NULL LIMIT 1',
      { bind: [id], type: QueryTypes.SELECT, raw: true },
    );
    return rows.length > 0;
  });
}
