import { type Migration, run } from './types';

// Frozen copies of the enums at the time of this migration (migrations never import app
// code): adding a town or a feature later is a new migration that replaces the CHECK.
const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');
const TOWNS = [
  'Girne',
  'Gazimağusa',
  'Lefkoşa',
  'İskele',
  'Güzelyurt',
  'Lapta',
  'Esentepe',
  'Alsancak',
  'Bellapais',
  'Karşıyaka',
];
const DISTRICTS = ['Girne', 'Gazimağusa', 'Lefkoşa', 'İskele', 'Güzelyurt'];
const RENT_TYPES = ['long_term', 'short_term', 'sale'];
const PROPERTY_TYPES = ['apartment', 'villa', 'house', 'studio', 'penthouse', 'bungalow'];
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
const CURRENCIES = ['GBP', 'EUR', 'USD', 'TRY'];

export const listings: Migration = {
  name: '0003_listings',
  up: (db) =>
    run(db, [
      `CREATE TABLE listings (
        id uuid PRIMARY KEY,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        description text NOT NULL,
        location text NOT NULL CHECK (location IN (${list(TOWNS)})),
        district text NOT NULL CHECK (district IN (${list(DISTRICTS)})),
        rent_type text NOT NULL CHECK (rent_type IN (${list(RENT_TYPES)})),
        property_type text NOT NULL CHECK (property_type IN (${list(PROPERTY_TYPES)})),
        bedrooms smallint NOT NULL CHECK (bedrooms BETWEEN 0 AND 50),
        bathrooms smallint NOT NULL CHECK (bathrooms BETWEEN 0 AND 50),
        area_sqm integer NOT NULL CHECK (area_sqm > 0),
        -- exact money: never a float
        price numeric(12, 2) NOT NULL CHECK (price > 0),
        currency text NOT NULL DEFAULT 'GBP' CHECK (currency IN (${list(CURRENCIES)})),
        features text[] NOT NULL DEFAULT '{}' CHECK (features <@ ARRAY[${list(FEATURES)}]::text[]),
        images text[] NOT NULL DEFAULT '{}',
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        search_vector tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english'::regconfig, title), 'A') ||
          setweight(to_tsvector('english'::regconfig, description), 'B')
        ) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
      // q: full-text match; features: "has all of" (@>).
      'CREATE INDEX listings_search_idx ON listings USING gin (search_vector)',
      'CREATE INDEX listings_features_idx ON listings USING gin (features)',
      // Sorts, each ending in id so keyset pages walk the index: price (both directions,
      // backward scans), newest; and the same under the rent type people almost always give.
      'CREATE INDEX listings_price_idx ON listings (price, id)',
      'CREATE INDEX listings_rent_price_idx ON listings (rent_type, price, id)',
      'CREATE INDEX listings_newest_idx ON listings (created_at DESC, id DESC)',
      'CREATE INDEX listings_rent_newest_idx ON listings (rent_type, created_at DESC, id DESC)',
      // "Long-term in Girne, cheapest first": the assistant's most common question.
      'CREATE INDEX listings_location_idx ON listings (location, rent_type, price, id)',
      'CREATE INDEX listings_type_bedrooms_idx ON listings (property_type, bedrooms)',
      'CREATE INDEX listings_bedrooms_idx ON listings (bedrooms)',
      // ON DELETE SET NULL from users would otherwise scan the table.
      'CREATE INDEX listings_created_by_idx ON listings (created_by) WHERE created_by IS NOT NULL',
      // Every committed change, from any writer (API, CLI, psql), is announced on commit so
      // servers can drop cached searches (watchListingChanges).
      `CREATE FUNCTION listings_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM pg_notify('listings_changed', '');
         RETURN NULL;
       END $$`,
      `CREATE TRIGGER listings_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON listings
       FOR EACH STATEMENT EXECUTE FUNCTION listings_notify_change()`,
    ]),
  down: (db) => run(db, ['DROP TABLE listings', 'DROP FUNCTION listings_notify_change()']),
};
