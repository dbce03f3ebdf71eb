import { enforce, limitsFor } from '../auth/limits';
import type { ApiServices } from '../context';
import { transformer } from '../wire';
import { readSearchCache, type SearchKeys, type SearchPrefetch, searchKeysOf } from './search';

/** What the lane started for a search it did not answer: the procedure finishes it. */
export interface SearchLanePrefetch extends SearchPrefetch {
  /** The caller's per-IP search limit, already consumed for this request. */
  gate: Promise<unknown>;
}

export type CachedSearchAnswer =
  /** The page as cached: superjson's form as JSON text, sent on without being decoded. */
  | { hit: true; wireJson: string }
  /** Not answered here; `prefetch`, when set, must reach this request's procedure. */
  | { hit: false; prefetch: SearchLanePrefetch | null };

const PASS: CachedSearchAnswer = { hit: false, prefetch: null };

/**
 * A cached search page for a caller without credentials, found before tRPC runs.
 *
 * The lookup and the per-IP limit are those of `listings.search` itself, side by side as
 * there. On a hit whose limit allows it, the page goes out as the text it was cached as:
 * no decode, revive and re-encode of 20 listings, and none of tRPC's request and response
 * plumbing, which together were most of a hit's time. Anything else (a miss, a refused
 * limit, an input the search would refuse) is left to the procedure, which reuses what was
 * started here (`prefetch`), so nothing is read or counted twice.
 */
export async function answerCachedSearch(
  services: ApiServices,
  /** The input as it came over the wire (superjson's form), decoded as tRPC would. */
  wireInput: unknown,
  ip: string,
): Promise<CachedSearchAnswer> {
  let keys: SearchKeys;
  try {
    keys = searchKeysOf(transformer.input.deserialize(wireInput));
  } catch {
    return PASS; // the procedure refuses it, with its own error
  }
  if (keys.plan.matchesNothing) return PASS;
  const gate = enforce([limitsFor(services).searchPerIp, ip]);
  const read = readSearchCache(services.infra.cache, keys);
  const prefetch: SearchLanePrefetch = { pageEntry: keys.pageEntry, read, gate };
  const [found, allowed] = await Promise.all([
    read.catch(() => null),
    gate.then(
      () => true,
      () => false,
    ),
  ]);
  const page = found?.values[0];
  // Only superjson's form is ever stored under a page key; anything else is a miss.
  if (!allowed || page === undefined || !page.startsWith('{"json":')) {
    return { hit: false, prefetch };
  }
  return { hit: true, wireJson: page };
}
