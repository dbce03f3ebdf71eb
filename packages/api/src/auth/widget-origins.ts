import { LRUCache } from 'lru-cache';
import type { ApiServices } from '../context';
import { isWidgetOrigin } from './identity';

/** How long an answer is believed on an instance that did not make the session itself. */
const REMEMBER_MS = 2_000;
/** Distinct origins looked up at once; more are refused rather than queued on the pool. */
const MAX_LOOKUPS = 4;
/** No browser sends an origin this long; such a header is not worth a lookup. */
const MAX_ORIGIN_LENGTH = 255;

/**
 * Whether a page on a foreign origin may call in (some live widget session allows it),
 * remembered per origin for a moment. The question is asked for every request from another
 * origin before any credential or limit is checked, so a flood must cost almost nothing:
 * answers (a "no" too) are kept for two seconds, one lookup per origin runs at a time, and
 * at most four distinct origins are looked up at once. A flood of made-up Origin headers
 * then holds a few database connections, never the pool; an origin not yet known is
 * refused while the lookups are busy, and its page's next try gets in. The instance that
 * makes a widget session forgets what it believed about its origins at once; another
 * instance believes its "no" for at most two seconds more.
 */
export class WidgetOrigins {
  readonly #known = new LRUCache<string, boolean>({ max: 10_000, ttl: REMEMBER_MS });
  readonly #pending = new Map<string, Promise<boolean>>();

  constructor(private readonly services: Pick<ApiServices, 'db'>) {}

  allows(origin: string): Promise<boolean> {
    const answer = this.#known.get(origin);
    if (answer !== undefined) return Promise.resolve(answer);
    const running = this.#pending.get(origin);
    if (running) return running;
    if (origin.length > MAX_ORIGIN_LENGTH || this.#pending.size >= MAX_LOOKUPS) {
      return Promise.resolve(false);
    }
    const lookup = isWidgetOrigin(this.services, origin)
      .then((allowed) => {
        // A session made while this lookup ran was forgotten before its answer: keep none.
        if (this.#pending.get(origin) === lookup) this.#known.set(origin, allowed);
        return allowed;
      })
      .finally(() => {
        if (this.#pending.get(origin) === lookup) this.#pending.delete(origin);
      });
    this.#pending.set(origin, lookup);
    return lookup;
  }

  /** A session allowing these origins was just made here: ask the database next time. */
  forget(origins: readonly string[]): void {
    for (const origin of origins) {
      this.#known.delete(origin);
      this.#pending.delete(origin);
    }
  }
}
