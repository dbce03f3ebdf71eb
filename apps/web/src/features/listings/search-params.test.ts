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

describe('the map box in the URL', () => {
  it('round-trips as north,south,east,west to 4 decimals', () => {
    const bounds = { north: 35.412345, south: 35.2, east: 33.5, west: 33.1 };
    const params = paramsFromFilters({ location: 'Girne', bounds });
    expect(params.get('bounds')).toBe('35.4123,35.2,33.5,33.1');
    expect(filtersFromParams(params).bounds).toEqual({ ...bounds, north: 35.4123 });
  });

  it('drops a box the API would refuse', () => {
    for (const value of [
      '1,2,3',
      'a,b,c,d',
      '35,36,33,32',
      '35,34,33,34',
      '95,34,33,32',
      '35,34,190,32',
      ',,,',
    ])
      expect(filtersFromParams(new URLSearchParams({ bounds: value })).bounds).toBeUndefined();
  });
});
