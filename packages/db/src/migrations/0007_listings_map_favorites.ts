import { type Migration, run } from './types';

/**
 * Listings get a place on the map, searched by box; people keep favourites.
 *
 * The box search uses a GiST index on the point (lng, lat): a map's box is one `<@`
 * test the index answers, whatever the box's size. Favourites are per user, newest first
 * (the list's order), and vanish with the user or the listing.
 */
export const listingsMapFavorites: Migration = {
  name: '0007_listings_map_favorites',
  up: (db) =>
    run(db, [
      `ALTER TABLE listings
         ADD COLUMN lat double precision CHECK (lat BETWEEN -90 AND 90),
         ADD COLUMN lng double precision CHECK (lng BETWEEN -180 AND 180),
         ADD CONSTRAINT listings_lat_lng_together CHECK ((lat IS NULL) = (lng IS NULL))`,
      'CREATE INDEX listings_point_idx ON listings USING gist (point(lng, lat))',
      `CREATE TABLE favorites (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        listing_id uuid NOT NULL REFERENCES listings (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, listing_id)
      )`,
      // The list walks a user's favourites newest first; keyset pages end in listing_id.
      'CREATE INDEX favorites_user_newest_idx ON favorites (user_id, created_at DESC, listing_id DESC)',
      // ON DELETE CASCADE from listings would otherwise scan the table.
      'CREATE INDEX favorites_listing_idx ON favorites (listing_id)',
    ]),
  down: (db) =>
    run(db, [
      'DROP TABLE favorites',
      'DROP INDEX listings_point_idx',
      'ALTER TABLE listings DROP CONSTRAINT listings_lat_lng_together, DROP COLUMN lat, DROP COLUMN lng',
    ]),
};
