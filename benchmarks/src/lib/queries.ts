import { FEATURES, type ListingQuery, PROPERTY_TYPES, TOWNS } from '@parley/validators';

/** A small deterministic PRNG (mulberry32), so every run searches the same mix. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}

const NAMES = TOWNS.flatMap((t) => [t.name, ...t.aliases.slice(0, 2)]).concat([
  'kyrenia',
  'FAMAGUSTA',
  'iskele',
]);
const WORDS = [
  'sea view',
  'modern',
  'pool',
  'quiet garden',
  'renovated',
  'close to the beach',
  'spacious',
  'harbour',
];
const PRICES = {
  long_term: [400, 3000],
  short_term: [40, 400],
  sale: [60_000, 1_000_000],
} as const;

/**
 * Listing searches with a realistic mix of filters: mostly a town and a rent type, often a
 * budget, sometimes bedrooms, features, a property type or words; four sorts. Every query
 * differs (the budget moves by small steps), so none can be a cache hit.
 */
export function searchMix(count: number, seed: number): ListingQuery[] {
  const r = random(seed);
  const seen = new Set<string>();
  const out: ListingQuery[] = [];
  while (out.length < count) {
    const q: ListingQuery = { limit: 20 };
    if (r.chance(0.65)) q.location = r.pick(NAMES);
    const rent = r.chance(0.75) ? r.pick(['long_term', 'short_term', 'sale'] as const) : undefined;
    if (rent) q.rentType = rent;
    if (r.chance(0.35)) q.propertyType = r.pick(PROPERTY_TYPES);
    if (r.chance(0.4)) q.minBedrooms = r.int(1, 4);
    if (r.chance(0.15)) q.maxBedrooms = r.int(2, 6);
    const [lo, hi] = PRICES[rent ?? 'long_term'];
    // The budget carries the uniqueness: a different amount is a different cache key.
    q.maxPrice = Math.round(lo + r.next() * (hi - lo));
    if (r.chance(0.15)) q.minPrice = Math.round(lo + r.next() * (q.maxPrice - lo) * 0.5);
    if (r.chance(0.35)) q.features = Array.from({ length: r.int(1, 2) }, () => r.pick(FEATURES));
    if (r.chance(0.2)) q.q = r.pick(WORDS);
    q.sort =
      q.q && r.chance(0.7)
        ? 'relevance'
        : r.pick(['newest', 'price_asc', 'price_desc', 'newest'] as const);
    const key = JSON.stringify(q);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(q);
  }
  return out;
}

/** North Cyprus, where the seeded listings lie: [west, south, east, north]. */
const ISLAND = [32.75, 35.05, 34.6, 35.7] as const;

/**
 * Map searches: the listings page's visible box, from a few streets to the whole north
 * (sizes spread on a log scale, as people zoom), often with a rent type, newest first or
 * by price. Every box differs, so none is a cache hit.
 */
export function boxMix(count: number, seed: number): ListingQuery[] {
  const r = random(seed);
  const [west, south, east, north] = ISLAND;
  const out: ListingQuery[] = [];
  for (let i = 0; i < count; i++) {
    const size = 0.01 * 150 ** r.next(); // 0.01 to 1.5 degrees
    const lng = west + r.next() * (east - west);
    const lat = south + r.next() * (north - south);
    const round = (n: number) => Math.round(n * 1e6) / 1e6;
    const q: ListingQuery = {
      limit: 20,
      bounds: {
        west: round(lng - size / 2),
        east: round(lng + size / 2),
        south: round(Math.max(-90, lat - size / 3)),
        north: round(Math.min(90, lat + size / 3)),
      },
      sort: r.pick(['newest', 'newest', 'price_asc', 'price_desc'] as const),
    };
    if (r.chance(0.6)) q.rentType = r.pick(['long_term', 'short_term', 'sale'] as const);
    out.push(q);
  }
  return out;
}
