import type { Feature, ListingQuery, ListingSort, PropertyType, RentType } from '../../api';
import { FEATURES, PROPERTY_TYPES, RENT_TYPES } from '../../lib/format';

/** The filters of a listing search, as kept in the URL (no cursor: pages are not shareable). */
export type ListingFilters = Omit<ListingQuery, 'cursor' | 'limit'>;

/** The orders a search can be sorted in (labels: `listings.sort.<value>`). */
export const SORTS: ListingSort[] = ['relevance', 'newest', 'price_asc', 'price_desc'];

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;

function count(value: string | null, max: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 && n <= max ? n : undefined;
}

function text(value: string | null): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed.slice(0, 200) : undefined;
}

/**
 * Reads filters from the URL. Anything the API would refuse (an unknown feature, a
 * negative price, a fractional bedroom count) is dropped rather than sent.
 */
export function filtersFromParams(params: URLSearchParams): ListingFilters {
  const bedrooms = (key: string) => {
    const n = count(params.get(key), 50);
    return n !== undefined && Number.isInteger(n) ? n : undefined;
  };
  const features = (params.get('features') ?? '')
    .split(',')
    .map((f) => oneOf<Feature>(FEATURES, f.trim()))
    .filter((f): f is Feature => f !== undefined);
  const filters: ListingFilters = {
    q: text(params.get('q')),
    location: text(params.get('location'))?.slice(0, 100),
    rentType: oneOf<RentType>(RENT_TYPES, params.get('rentType')),
    propertyType: oneOf<PropertyType>(PROPERTY_TYPES, params.get('propertyType')),
    minBedrooms: bedrooms('minBedrooms'),
    maxBedrooms: bedrooms('maxBedrooms'),
    minPrice: count(params.get('minPrice'), 1_000_000_000),
    maxPrice: count(params.get('maxPrice'), 1_000_000_000),
    features: features.length ? [...new Set(features)] : undefined,
    sort: oneOf<ListingSort>(SORTS, params.get('sort')),
  };
  return Object.fromEntries(
    Object.entries(filters).filter(([, v]) => v !== undefined),
  ) as ListingFilters;
}

/** Writes filters to URL params in a fixed order, leaving out empty ones and the default sort. */
export function paramsFromFilters(filters: ListingFilters): URLSearchParams {
  const params = new URLSearchParams();
  const order: (keyof ListingFilters)[] = [
    'q',
    'location',
    'rentType',
    'propertyType',
    'minBedrooms',
    'maxBedrooms',
    'minPrice',
    'maxPrice',
    'features',
    'sort',
  ];
  for (const key of order) {
    const value = filters[key];
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
      continue;
    if (key === 'sort' && value === 'relevance') continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  return params;
}
