import type { Listing, ListingPage, ListingSort, SearchFacts } from '@parley/validators';
import { diff, type Interpretation, roundBelow } from '../interpret';
import { normaliseFacts } from '../memory';
import { relaxations } from './relax';

/**
 * "Cheaper" is relative to what the person was just shown, not to a budget: after one
 * villa at £1,154,000 it asks for something below £1,154,000, and after villas shown
 * above a budget nothing met, cutting that budget further only moves away from anything
 * that exists. So the rule agent asks for less than the lowest price the last reply
 * showed, and keeps a remembered budget that is lower still.
 *
 * The last reply's listings are found again by repeating its search: the remembered
 * request in the order a reply lists it (by price when there is a budget), then, when
 * that finds nothing, the first relaxation that does, as the reply offered it.
 */

export type ShownPrice = Pick<Listing, 'price' | 'currency' | 'pricePeriod'>;

type Search = (facts: SearchFacts, sort: ListingSort) => Promise<ListingPage>;

const hasBudget = (facts: SearchFacts) =>
  facts.minPrice !== undefined || facts.maxPrice !== undefined;

/**
 * The listings the last reply showed for `before`, found again by repeating its search: the
 * request in the order a reply lists it, else the first relaxation that finds something.
 */
export async function shownAgain(before: SearchFacts, search: Search): Promise<Listing[]> {
  if (Object.keys(before).length === 0) return [];
  const sort: ListingSort = hasBudget(before) ? 'price_asc' : 'relevance';
  let page = await search(before, sort);
  if (page.items.length === 0) {
    for (const step of relaxations(before)) {
      page = await search(step.facts, hasBudget(step.facts) ? 'price_asc' : sort);
      if (page.items.length > 0) break;
    }
  }
  return page.items;
}

/**
 * The lowest price among the listings the last reply showed for `before`; undefined when
 * it showed none, or prices of different periods (nightly and monthly do not compare).
 */
export async function lowestShown(
  before: SearchFacts,
  search: Search,
): Promise<ShownPrice | undefined> {
  const items = await shownAgain(before, search);
  if (items.length === 0) return undefined;
  const first = items[0]!;
  if (items.some((l) => l.pricePeriod !== first.pricePeriod || l.currency !== first.currency))
    return undefined;
  return items.reduce((low, l) => (l.price < low.price ? l : low), first);
}

/**
 * The interpretation with "cheaper" meaning below `lowest`: the budget becomes the round
 * figure under it, unless the remembered budget is lower. The budget change is left out
 * of `changes`: the reply says "cheaper than £X" instead. Undefined when nothing can be
 * cheaper (a price at the smallest step), or when the rent type is unknown or changes.
 */
export function cheaperThan(read: Interpretation, lowest: ShownPrice): Interpretation | undefined {
  // Prices compare only within one rent type: a monthly rent is not "cheaper" than a sale.
  if (read.before.rentType === undefined || read.facts.rentType !== read.before.rentType)
    return undefined;
  const below = roundBelow(lowest.price);
  if (below === undefined) return undefined;
  const facts: SearchFacts = { ...read.facts };
  const remembered = read.before.maxPrice;
  facts.maxPrice = remembered === undefined ? below : Math.min(remembered, below);
  if (facts.minPrice !== undefined && facts.minPrice > facts.maxPrice) delete facts.minPrice;
  const after = normaliseFacts(facts);
  const changes = diff(read.before, after).filter((c) => c.kind !== 'price');
  return { ...read, facts: after, changes, order: 'cheapest' };
}
