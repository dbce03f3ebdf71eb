import type { ListingRow } from '@parley/db';
import {
  type Currency,
  type Feature,
  type Listing,
  type ListingPage,
  type PropertyType,
  pricePeriodFor,
  type RentType,
} from '@parley/validators';

/** A listing row as the search SQL and the model both give it (camelCase, price as exact text). */
export type ListingRowShape = Omit<ListingRow, 'createdBy'> & {
  agentId: string | null;
  agentName: string | null;
};

export function toListing(row: ListingRowShape): Listing {
  const rentType = row.rentType as RentType;
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    location: row.location,
    district: row.district,
    rentType,
    propertyType: row.propertyType as PropertyType,
    bedrooms: Number(row.bedrooms),
    bathrooms: Number(row.bathrooms),
    areaSqm: Number(row.areaSqm),
    // "1250.50" -> 1250.5: parsing a 2-decimal string gives the nearest double, exact to the cent.
    price: Number(row.price),
    currency: row.currency as Currency,
    pricePeriod: pricePeriodFor(rentType),
    features: row.features as Feature[],
    images: row.images,
    lat: row.lat === null ? null : Number(row.lat),
    lng: row.lng === null ? null : Number(row.lng),
    agent: row.agentId ? { id: row.agentId, name: row.agentName ?? '' } : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** What JSON makes of a Listing in the cache: its Dates become ISO strings. */
export type CachedListing = Omit<Listing, 'createdAt' | 'updatedAt'> & {
  createdAt: string;
  updatedAt: string;
};
export type CachedPage = Omit<ListingPage, 'items'> & { items: CachedListing[] };

export function reviveListing(cached: CachedListing): Listing {
  return {
    ...cached,
    createdAt: new Date(cached.createdAt),
    updatedAt: new Date(cached.updatedAt),
  };
}

export function revivePage(cached: CachedPage): ListingPage {
  return { ...cached, items: cached.items.map(reviveListing) };
}
