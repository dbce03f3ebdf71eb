import { type Listing, type ListingPage, RENT_TYPES, type SearchFacts } from '@parley/validators';
import type { KindCount } from '../text';
import type { AssistantInput } from '../types';

/**
 * No list mixes nightly, monthly and sale prices: with no rent type asked for, a list of
 * them side by side ("£50/night, £375/month, £60,000") compares nothing. The rule agent
 * then counts each kind, lists the one with the most matches and says which it listed;
 * a price question ("how much is a 2 bed flat in Girne?") also gets each kind's range.
 */

/** True when the listings carry prices of more than one kind (night, month, sale). */
export function mixesKinds(items: readonly Listing[]): boolean {
  return new Set(items.map((l) => l.pricePeriod)).size > 1;
}

/**
 * Each rent type that has matches for `facts` (only its own, when it has one), most first.
 * A search of one listing per kind answers its count and lowest price; the highest costs
 * one more search per kind, made only for a price question's `ranges` (a turn's searches
 * are its main cost).
 */
export async function countKinds(
  facts: SearchFacts,
  searchListings: AssistantInput['searchListings'],
  ranges = false,
): Promise<KindCount[]> {
  const kinds: KindCount[] = [];
  for (const rentType of facts.rentType === undefined ? RENT_TYPES : [facts.rentType]) {
    const one = (sort: 'price_asc' | 'price_desc'): Promise<ListingPage> =>
      searchListings({ ...facts, rentType, sort, limit: 1 });
    const cheapest = await one('price_asc');
    if (cheapest.items.length === 0) continue;
    const dearest = ranges ? await one('price_desc') : cheapest;
    kinds.push({
      rentType,
      total: cheapest.total,
      low: cheapest.items[0]!.price,
      high: dearest.items[0]?.price ?? cheapest.items[0]!.price,
    });
  }
  // Stable: on a tie the order of RENT_TYPES (long-term first) decides.
  return kinds.sort((a, b) => b.total - a.total);
}

/**
 * `page` when it holds one kind of price; otherwise the same search for the kind with the
 * most matches, with every kind's count (`counted`, when the caller has them already).
 * `facts` come back with the rent type listed.
 */
export async function oneKind(
  facts: SearchFacts,
  page: ListingPage,
  search: (facts: SearchFacts) => Promise<ListingPage>,
  searchListings: AssistantInput['searchListings'],
  counted?: KindCount[],
): Promise<{ facts: SearchFacts; page: ListingPage; kinds?: KindCount[] }> {
  if (facts.rentType !== undefined || !mixesKinds(page.items)) return { facts, page };
  const kinds = counted ?? (await countKinds(facts, searchListings));
  const shown = { ...facts, rentType: kinds[0]!.rentType };
  return { facts: shown, page: await search(shown), kinds };
}
