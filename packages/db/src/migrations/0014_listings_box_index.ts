import { type Migration, run } from './types';

const COVERING = [
  [
    'listings_price_idx',
    '(price, id) INCLUDE (rent_type, location, property_type, bedrooms, feature_mask',
  ],
  [
    'listings_rent_price_idx',
    '(rent_type, price, id) INCLUDE (location, property_type, bedrooms, feature_mask',
  ],
  [
    'listings_newest_idx',
    '(created_at DESC, id DESC) INCLUDE (rent_type, location, property_type, bedrooms, price, feature_mask',
  ],
  [
    'listings_rent_newest_idx',
    '(rent_type, created_at DESC, id DESC) INCLUDE (location, property_type, bedrooms, price, feature_mask',
  ],
  [
    'listings_location_idx',
    '(location, rent_type, price, id) INCLUDE (property_type, bedrooms, feature_mask',
  ],
] as const;

/**
 * The map's box search at 100,000 listings. A GiST index on point(lng, lat) found the
 * rows, but PostgreSQL estimates every `<@` at 0.5% of the table, so a box over a town
 * (a quarter of the listings) was fetched whole from the heap and sorted: 75 ms p95 and
 * worse. Plain ranges on `lat` and `lng` have real statistics: a large box walks a sort
 * index and filters inside it (every covering index now INCLUDEs lat and lng), a small
 * one and the count use a btree on (lat, lng), both index-only. The GiST index goes.
 */
export const listingsBoxIndex: Migration = {
  name: '0014_listings_box_index',
  up: (db) =>
    run(db, [
      'DROP INDEX IF EXISTS listings_point_idx',
      'CREATE INDEX listings_lat_lng_idx ON listings (lat, lng)',
      ...COVERING.flatMap(([name, columns]) => [
        `DROP INDEX ${name}`,
        `CREATE INDEX ${name} ON listings ${columns}, lat, lng)`,
      ]),
      'ANALYZE listings',
    ]),
  down: (db) =>
    run(db, [
      'DROP INDEX listings_lat_lng_idx',
      'CREATE INDEX listings_point_idx ON listings USING gist (point(lng, lat))',
      ...COVERING.flatMap(([name, columns]) => [
        `DROP INDEX ${name}`,
        `CREATE INDEX ${name} ON listings ${columns})`,
      ]),
    ]),
};
