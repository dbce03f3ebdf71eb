import { type Migration, run } from './types';

/** Listings per matching job: a bulk write becomes a few jobs, not one per row. */
const LISTINGS_PER_JOB = 500;

/**
 * Saved searches and the alerts they produce.
 *
 * A saved search keeps the query as the person gave it (`query`) and, beside it, the same
 * filters as typed columns the matcher compares with one listing: bedroom and price
 * ranges, a feature bitmask (the listings' `feature_mask` bits), excluded towns, the
 * full-text query. `match_keys` holds "rent type|property type|town" for every town the
 * search accepts, `*` where it accepts any; a listing probes the 8 keys its own values and
 * `*` make, so "which searches could want this listing" is one GIN lookup, and only those
 * few are compared on the ranges.
 *
 * Alerts are unique per (search, listing, reason): whoever matches twice (a retried job,
 * two instances) writes one. Each person's alerts carry a gap-free sequence (`seq`,
 * counted in `alert_feeds` under a row lock, like a conversation's events) that
 * `alerts.events` resumes from.
 *
 * Every listing insert, and every update that lowers a price, from any writer (API,
 * import, seed, psql), enqueues an `alerts.match` job in the same transaction through
 * graphile-worker's `add_job`, when someone has an active saved search. The job engine's
 * own schema is installed by the server (packages/jobs); before it exists there is no
 * worker to hand the job to, and no one can have saved a search through Parley.
 */
export const savedSearchesAlerts: Migration = {
  name: '0012_saved_searches_alerts',
  up: (db) =>
    run(db, [
      `CREATE TABLE saved_searches (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        query jsonb NOT NULL,
        conversation_id uuid REFERENCES conversations (id) ON DELETE SET NULL,
        paused boolean NOT NULL DEFAULT false,
        match_keys text[] NOT NULL,
        excluded_towns text[],
        bedrooms int4range NOT NULL DEFAULT '(,)',
        price numrange NOT NULL DEFAULT '(,)',
        feature_mask integer NOT NULL DEFAULT 0,
        q tsquery,
        last_alert_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
      // The matcher's lookup: only active searches are in it.
      'CREATE INDEX saved_searches_match_idx ON saved_searches USING gin (match_keys) WHERE NOT paused',
      'CREATE INDEX saved_searches_user_idx ON saved_searches (user_id, created_at DESC, id DESC)',
      // ON DELETE SET NULL from conversations would otherwise scan the table.
      `CREATE INDEX saved_searches_conversation_idx ON saved_searches (conversation_id)
        WHERE conversation_id IS NOT NULL`,
      `CREATE TABLE alert_feeds (
        user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        seq bigint NOT NULL DEFAULT 0
      )`,
      `CREATE TABLE alerts (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        saved_search_id uuid NOT NULL REFERENCES saved_searches (id) ON DELETE CASCADE,
        listing_id uuid NOT NULL REFERENCES listings (id) ON DELETE CASCADE,
        reason text NOT NULL CHECK (reason IN ('new', 'price_drop')),
        previous_price numeric(12, 2),
        seq bigint NOT NULL,
        read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      'CREATE UNIQUE INDEX alerts_once_key ON alerts (saved_search_id, listing_id, reason)',
      // The stream's order and resume point; also the list's order (newest first).
      'CREATE UNIQUE INDEX alerts_user_seq_key ON alerts (user_id, seq)',
      'CREATE INDEX alerts_unread_idx ON alerts (user_id, seq) WHERE read_at IS NULL',
      // ON DELETE CASCADE from listings would otherwise scan the table.
      'CREATE INDEX alerts_listing_idx ON alerts (listing_id)',
      `CREATE FUNCTION listings_enqueue_alerts() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE
         batch json;
       BEGIN
         IF to_regnamespace('graphile_worker') IS NULL
            OR NOT EXISTS (SELECT 1 FROM saved_searches WHERE NOT paused) THEN
           RETURN NULL;
         END IF;
         IF TG_OP = 'INSERT' THEN
           FOR batch IN
             SELECT json_agg(json_build_object('id', id))
             FROM (SELECT id, (row_number() OVER () - 1) / ${LISTINGS_PER_JOB} AS chunk
                   FROM listings_inserted) c
             GROUP BY chunk
           LOOP
             PERFORM graphile_worker.add_job('alerts.match',
               json_build_object('reason', 'new', 'at', now(), 'listings', batch));
           END LOOP;
         ELSE
           FOR batch IN
             SELECT json_agg(json_build_object('id', id, 'previousPrice', previous::text))
             FROM (SELECT n.id, o.price AS previous,
                          (row_number() OVER () - 1) / ${LISTINGS_PER_JOB} AS chunk
                   FROM listings_after n JOIN listings_before o ON o.id = n.id
                   WHERE n.price < o.price) c
             GROUP BY chunk
           LOOP
             PERFORM graphile_worker.add_job('alerts.match',
               json_build_object('reason', 'price_drop', 'at', now(), 'listings', batch));
           END LOOP;
         END IF;
         RETURN NULL;
       END $$`,
      `CREATE TRIGGER listings_alerts_on_insert AFTER INSERT ON listings
       REFERENCING NEW TABLE AS listings_inserted
       FOR EACH STATEMENT EXECUTE FUNCTION listings_enqueue_alerts()`,
      `CREATE TRIGGER listings_alerts_on_update AFTER UPDATE ON listings
       REFERENCING OLD TABLE AS listings_before NEW TABLE AS listings_after
       FOR EACH STATEMENT EXECUTE FUNCTION listings_enqueue_alerts()`,
    ]),
  down: (db) =>
    run(db, [
      'DROP TRIGGER listings_alerts_on_update ON listings',
      'DROP TRIGGER listings_alerts_on_insert ON listings',
      'DROP FUNCTION listings_enqueue_alerts()',
      'DROP TABLE alerts',
      'DROP TABLE alert_feeds',
      'DROP TABLE saved_searches',
    ]),
};
