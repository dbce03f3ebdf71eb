import { type Migration, run } from './types';

// Frozen: bit i of feature_mask is FEATURES[i]. Never reorder; new features take new bits.
const FEATURES = [
  'beach',
  'sea_view',
  'pool',
  'garden',
  'furnished',
  'parking',
  'pet_friendly',
  'gym',
  'air_conditioning',
  'balcony',
];
const MASK = FEATURES.map(
  (f, i) => `(CASE WHEN '${f}' = ANY (features) THEN ${2 ** i} ELSE 0 END)`,
).join(' | ');

/**
 * Search at 100,000 listings: every sort index INCLUDEs the other filter columns, so a
 * page's candidates and a count are index-only scans that filter inside the index, and the
 * heap is read for the page's rows alone. Features become a bitmask ("has all of" is one
 * integer test, and the indexes stay half the size an included text[] would make them);
 * the GIN index on features is dropped, since searches no longer use it.
 *
 * Written to upgrade any database that applied 0003, whichever of its indexes it has.
 */
export const listingsCoveringIndexes: Migration = {
  name: '0004_listings_covering_indexes',
  up: async (db) => {
    await run(db, [
      `ALTER TABLE listings ADD COLUMN IF NOT EXISTS feature_mask integer GENERATED ALWAYS AS (${MASK}) STORED`,
      'DROP INDEX IF EXISTS listings_features_idx',
      'DROP INDEX IF EXISTS listings_price_idx',
      'DROP INDEX IF EXISTS listings_rent_price_idx',
      'DROP INDEX IF EXISTS listings_newest_idx',
      'DROP INDEX IF EXISTS listings_rent_newest_idx',
      'DROP INDEX IF EXISTS listings_location_idx',
      // Price both ways (backward scans) and newest, plain and under the rent type people
      // almost always give; each ends in id so keyset pages walk it.
      'CREATE INDEX listings_price_idx ON listings (price, id) INCLUDE (rent_type, location, property_type, bedrooms, feature_mask)',
      'CREATE INDEX listings_rent_price_idx ON listings (rent_type, price, id) INCLUDE (location, property_type, bedrooms, feature_mask)',
      'CREATE INDEX listings_newest_idx ON listings (created_at DESC, id DESC) INCLUDE (rent_type, location, property_type, bedrooms, price, feature_mask)',
      'CREATE INDEX listings_rent_newest_idx ON listings (rent_type, created_at DESC, id DESC) INCLUDE (location, property_type, bedrooms, price, feature_mask)',
      // "Long-term in Girne under £900": the assistant's most common question, and its count.
      'CREATE INDEX listings_location_idx ON listings (location, rent_type, price, id) INCLUDE (property_type, bedrooms, feature_mask)',
    ]);
    // Adding the column rewrote the table, leaving an empty visibility map: until VACUUM
    // sets it, "index-only" scans read the heap anyway. VACUUM cannot run in the migration's
    // transaction, so it runs after it (on its own connection).
    await db.query('VACUUM (ANALYZE) listings');
  },
  down: (db) =>
    run(db, [
      'DROP INDEX listings_price_idx',
      'DROP INDEX listings_rent_price_idx',
      'DROP INDEX listings_newest_idx',
      'DROP INDEX listings_rent_newest_idx',
      'DROP INDEX listings_location_idx',
      'ALTER TABLE listings DROP COLUMN feature_mask',
      'CREATE INDEX listings_features_idx ON listings USING gin (features)',
      'CREATE INDEX listings_price_idx ON listings (price, id)',
      'CREATE INDEX listings_rent_price_idx ON listings (rent_type, price, id)',
      'CREATE INDEX listings_newest_idx ON listings (created_at DESC, id DESC)',
      'CREATE INDEX listings_rent_newest_idx ON listings (rent_type, created_at DESC, id DESC)',
      'CREATE INDEX listings_location_idx ON listings (location, rent_type, price, id)',
    ]),
};
