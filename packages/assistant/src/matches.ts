import { foldText, type Listing, type SearchFacts, townsMatching } from '@parley/validators';

/**
 * Whether a listing satisfies search facts, with the same meaning as the listing
 * search: a district matches every town in it, bounds are inclusive, every requested
 * feature must be present, and `q` is a case- and accent-insensitive substring of the
 * title or description. Used to check that recommendations honour appliedFilters.
 */
export function matchesFacts(listing: Listing, facts: SearchFacts): boolean {
  if (facts.location !== undefined && !townsMatching(facts.location).includes(listing.location))
    return false;
  if (facts.excludeLocations?.some((place) => townsMatching(place).includes(listing.location)))
    return false;
  if (facts.rentType !== undefined && listing.rentType !== facts.rentType) return false;
  if (facts.propertyType !== undefined && listing.propertyType !== facts.propertyType) return false;
  if (facts.minBedrooms !== undefined && listing.bedrooms < facts.minBedrooms) return false;
  if (facts.maxBedrooms !== undefined && listing.bedrooms > facts.maxBedrooms) return false;
  if (facts.minPrice !== undefined && listing.price < facts.minPrice) return false;
  if (facts.maxPrice !== undefined && listing.price > facts.maxPrice) return false;
  if (facts.features?.some((f) => !listing.features.includes(f))) return false;
  if (facts.q !== undefined) {
    const q = foldText(facts.q);
    if (!foldText(`${listing.title} ${listing.description}`).includes(q)) return false;
  }
  return true;
}
