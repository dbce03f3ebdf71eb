import type { Bounds, Feature, ListingQuery, ListingSort, PropertyType, RentType } from '../../api';
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
    bounds: boundsFromParam(params.get('bounds')),
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
    'bounds',
  ];
  for (const key of order) {
    const value = filters[key];
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
      continue;
    if (key === 'sort' && value === 'relevance') continue;
    if (key === 'bounds') params.set(key, boundsParam(value as Bounds));
    else params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  return params;
}

/** A map box as `north,south,east,west`, to 4 decimals (about 10 m): short, and stable across a reload. */
function boundsParam(b: Bounds): string {
  const r = (n: number) => String(Math.round(n * 1e4) / 1e4);
  return [b.north, b.south, b.east, b.west].map(r).join(',');
}

/** A box the API would accept, or nothing. */
function boundsFromParam(value: string | null): Bounds | undefined {
  const parts = value?.split(',').map((p) => (p.trim() === '' ? Number.NaN : Number(p)));
  if (parts?.length !== 4 || !parts.every(Number.isFinite)) return undefined;
  const [north, south, east, west] = parts as [number, number, number, number];
  const lat = (n: number) => n >= -90 && n <= 90;
  const lng = (n: number) => n >= -180 && n <= 180;
  if (!lat(north) || !lat(south) || !lng(east) || !lng(west)) return undefined;
  if (north < south || east < west) return undefined;
  return { north, south, east, west };
}

/** The upper bound of a range, named when it is below its lower bound. */
export type RangeField = 'maxBedrooms' | 'maxPrice';

/**
 * The ranges whose upper bound is below the lower one (min price 5000, max price 100):
 * such a search finds nothing and must not be run or saved; its upper field is named.
 */
export function invertedRanges(filters: ListingFilters): RangeField[] {
  const bad: RangeField[] = [];
  const { minBedrooms, maxBedrooms, minPrice, maxPrice } = filters;
  if (minBedrooms !== undefined && maxBedrooms !== undefined && maxBedrooms < minBedrooms)
    bad.push('maxBedrooms');
  if (minPrice !== undefined && maxPrice !== undefined && maxPrice < minPrice) bad.push('maxPrice');
  return bad;
}

/** The lower field of each range. */
export const RANGE_MIN: Record<RangeField, 'minBedrooms' | 'minPrice'> = {
  maxBedrooms: 'minBedrooms',
  maxPrice: 'minPrice',
};
