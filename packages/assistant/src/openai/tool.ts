import { type Listing, type ListingPage, type SearchFacts, searchFacts } from '@parley/validators';
import { z } from 'zod';
import { normaliseFacts } from '../memory';
import { understand } from '../understand';
import { canonicalTown } from '../understand/location';
import { ProviderError } from './errors';

export const SEARCH_TOOL_NAME = 'search_listings';

/** Hints for the model; the shape itself comes from the shared zod schema. */
const DESCRIPTIONS: Partial<Record<keyof SearchFacts, string>> = {
  q: 'Free words to find in the title or description. Only for wishes no other field can express.',
  location:
    'A town or district in North Cyprus, e.g. Girne (Kyrenia), Gazimağusa (Famagusta), Lefkoşa (Nicosia), İskele (Trikomo), Güzelyurt (Morphou), Lapta, Esentepe, Alsancak, Bellapais, Karşıyaka. A district includes its towns.',
  excludeLocations: 'Towns or districts the person does not want ("not in Girne").',
  rentType: 'long_term = monthly rent, short_term = holiday stay priced per night, sale = to buy.',
  minPrice: 'Lowest price: per month for long_term, per night for short_term, total for sale.',
  maxPrice: 'Highest price: per month for long_term, per night for short_term, total for sale.',
  minBedrooms: 'At least this many bedrooms (a studio has 0).',
  maxBedrooms: 'At most this many bedrooms.',
  features: 'Every feature listed must be present.',
};

function toolParameters(): Record<string, unknown> {
  const { $schema: _dropped, ...schema } = z.toJSONSchema(searchFacts) as Record<string, unknown>;
  const properties = schema.properties as Record<string, Record<string, unknown>>;
  for (const [key, description] of Object.entries(DESCRIPTIONS)) {
    if (properties[key] !== undefined) properties[key] = { ...properties[key], description };
  }
  return schema;
}

/** The one tool the model may call, in chat-completions form. */
export const SEARCH_TOOL = {
  type: 'function',
  function: {
    name: SEARCH_TOOL_NAME,
    description:
      'Search North Cyprus property listings. Pass the complete set of filters the person wants now (earlier wishes plus this message), not only what changed.',
    parameters: toolParameters(),
  },
} as const;

/**
 * Validates the model's arguments with the same schema the API uses, and maps any
 * spelling of a place to the canonical name. Anything unusable is a ProviderError.
 */
export function parseToolArguments(raw: string): SearchFacts {
  let json: unknown;
  try {
    json = raw.trim() === '' ? {} : JSON.parse(raw);
  } catch {
    throw new ProviderError('tool arguments are not JSON');
  }
  const parsed = searchFacts.safeParse(json);
  if (!parsed.success)
    throw new ProviderError(`bad tool arguments: ${z.prettifyError(parsed.error)}`);
  const facts = parsed.data;
  if (facts.location !== undefined) {
    const town = canonicalTown(facts.location) ?? understand(facts.location).facts.location;
    if (town === undefined)
      throw new ProviderError(`unknown location in tool arguments: ${facts.location}`);
    facts.location = town;
  }
  return normaliseFacts(facts);
}

function compact(listing: Listing) {
  return {
    id: listing.id,
    title: listing.title,
    location: listing.location,
    district: listing.district,
    propertyType: listing.propertyType,
    rentType: listing.rentType,
    bedrooms: listing.bedrooms,
    bathrooms: listing.bathrooms,
    price: listing.price,
    currency: listing.currency,
    pricePeriod: listing.pricePeriod,
    features: listing.features,
  };
}

/** What the model reads back: the filters used, the total, and the listings it may mention. */
export function toolResult(facts: SearchFacts, page: ListingPage, limit: number): string {
  return JSON.stringify({
    filters: facts,
    total: page.total,
    listings: page.items.slice(0, limit).map(compact),
  });
}
