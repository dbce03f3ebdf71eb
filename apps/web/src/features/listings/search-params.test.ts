import { describe, expect, it } from 'vitest';
import { filtersFromParams, paramsFromFilters } from './search-params';

describe('listing filters in the URL', () => {
  it('round-trips every filter', () => {
    const filters = {
      q: 'quiet',
      location: 'Kyrenia',
      rentType: 'long_term' as const,
      propertyType: 'apartment' as const,
      minBedrooms: 2,
      maxBedrooms: 3,
      minPrice: 500,
      maxPrice: 1000,
      features: ['pool' as const, 'sea_view' as const],
      sort: 'price_asc' as const,
    };
    const params = paramsFromFilters(filters);
    expect(params.toString()).toBe(
      'q=quiet&location=Kyrenia&rentType=long_term&propertyType=apartment&minBedrooms=2&maxBedrooms=3&minPrice=500&maxPrice=1000&features=pool%2Csea_view&sort=price_asc',
    );
    expect(filtersFromParams(params)).toEqual(filters);
  });

  it('drops what the API would refuse instead of sending it', () => {
    const params = new URLSearchParams(
      'rentType=forever&propertyType=castle&minBedrooms=1.5&maxBedrooms=-1&minPrice=abc&maxPrice=&features=pool,moat,pool&sort=random&q=%20%20',
    );
    expect(filtersFromParams(params)).toEqual({ features: ['pool'] });
  });

  it('leaves out empty filters and the default sort', () => {
    expect(paramsFromFilters({ q: '', features: [], sort: 'relevance' }).toString()).toBe('');
  });
});
