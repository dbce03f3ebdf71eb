import { type Migration, run } from './types';

/**
 * `ListingQuery.agentId`: an agent's own listings (their "My listings" page), newest
 * first, without walking everyone's. A handful of rows per agent; the other sorts sort them.
 */
export const listingsByAgent: Migration = {
  name: '0015_listings_by_agent',
  up: (db) =>
    run(db, [
      // Replaces 0003's (created_by) index: the new one serves every lookup that one did.
      'DROP INDEX IF EXISTS listings_created_by_idx',
      'CREATE INDEX listings_agent_newest_idx ON listings (created_by, created_at DESC, id DESC) WHERE created_by IS NOT NULL',
    ]),
  down: (db) =>
    run(db, [
      'DROP INDEX listings_agent_newest_idx',
      'CREATE INDEX listings_created_by_idx ON listings (created_by) WHERE created_by IS NOT NULL',
    ]),
};
