import { withTransaction } from '@parley/db';
import { ALERT_REASONS } from '@parley/validators';
import { QueryTypes, type Transaction } from 'sequelize';
import { z } from 'zod';
import type { ApiServices } from '../context';
import { recordUserDeliveries } from '../webhooks/events';
import { ALERT_COLUMNS, ALERT_JOINS, type AlertRow, toAlert } from './alerts';
import { type Created, postToConversations } from './post';
import { type FeedAdvance, publishAlerts } from './stream';

/** The job migration 0012's trigger enqueues for every listing write worth an alert. */
export const MATCH_TASK = 'alerts.match';

export const matchJobPayload = z.object({
  reason: z.enum(ALERT_REASONS),
  /** When the write happened: searches saved after it are not alerted about it. */
  at: z.coerce.date(),
  listings: z
    .array(z.object({ id: z.uuid(), previousPrice: z.string().nullish() }))
    .min(1)
    .max(10_000),
});
export type MatchJobPayload = z.input<typeof matchJobPayload>;

/**
 * The saved searches that want listing `l` (a row of `listings l` in the surrounding
 * query): a GIN lookup of the listing's 8 keys in the active searches' `match_keys`, then
 * the ranges, features, excluded towns and words of those few. The same conditions as
 * listings.search, so a search lists exactly the listings it is alerted about.
 */
export const MATCHING_SEARCHES = `
  SELECT s.id, s.user_id, s.name, s.conversation_id
    FROM saved_searches s
   WHERE NOT s.paused
     AND s.match_keys && ARRAY[
       l.rent_type || '|' || l.property_type || '|' || l.location,
       l.rent_type || '|' || l.property_type || '|*',
       l.rent_type || '|*|' || l.location,
       l.rent_type || '|*|*',
       '*|' || l.property_type || '|' || l.location,
       '*|' || l.property_type || '|*',
       '*|*|' || l.location,
       '*|*|*']
     AND s.bedrooms @> l.bedrooms::int
     AND s.price @> l.price
     AND (s.feature_mask & ~l.feature_mask) = 0
     AND (s.excluded_towns IS NULL OR l.location <> ALL (s.excluded_towns))
     AND (s.q IS NULL OR l.search_vector @@ s.q)`;

/**
 * The same question answered by reading every active search: what the GIN lookup
 * replaces (benchmarks print the two side by side; tests check they agree).
 */
export const MATCHING_SEARCHES_NAIVE = `
  SELECT s.id, s.user_id, s.name, s.conversation_id
    FROM saved_searches s
   WHERE NOT s.paused
     AND EXISTS (SELECT 1 FROM unnest(s.match_keys) k
                  WHERE split_part(k, '|', 1) IN ('*', l.rent_type)
                    AND split_part(k, '|', 2) IN ('*', l.property_type)
                    AND split_part(k, '|', 3) IN ('*', l.location))
     AND s.bedrooms @> l.bedrooms::int
     AND s.price @> l.price
     AND (s.feature_mask & ~l.feature_mask) = 0
     AND (s.excluded_towns IS NULL OR l.location <> ALL (s.excluded_towns))
     AND (s.q IS NULL OR l.search_vector @@ s.q)`;

type Services = Pick<ApiServices, 'db' | 'infra' | 'logger' | 'jobs' | 'config' | 'clock'>;
type Job = z.output<typeof matchJobPayload>;

/**
 * Listings per transaction: the trigger's batch (500 a job), matched and stored by a few
 * set-based statements. Each person's feed counter is bumped once per batch, not once per
 * alert, and only full alerts that someone needs are read back (an import of 10,000
 * listings against 100,000 searches makes about 1.7 million alerts).
 */
const LISTINGS_PER_TRANSACTION = 500;

/**
 * Up to this many alerts in a batch (a listing written through the API, a price drop),
 * every alert is read back whole and announced with its listing, so a live bell shows it
 * without a read. Above it (an import) each person gets one announcement of their new
 * feed position and a live stream reads what it missed.
 */
const ANNOUNCE_WHOLE_UP_TO = 200;

/**
 * Work of one `alerts.match` job: stores one alert per (search, listing, reason) for the
 * saved searches each listing now matches, with the person's next feed numbers, and for
 * searches saved from a conversation a `system` message there with the listing, all in
 * one transaction per batch; then announces them. Running the same job twice (a retry
 * after a crash, a second instance) stores nothing new: the unique index decides, and
 * only what this run inserted is announced. Returns how many alerts it created.
 */
export async function matchListings(services: Services, payload: unknown): Promise<number> {
  const job = matchJobPayload.parse(payload);
  let created = 0;
  for (let i = 0; i < job.listings.length; i += LISTINGS_PER_TRANSACTION) {
    const listings = job.listings.slice(i, i + LISTINGS_PER_TRANSACTION);
    created += await matchBatch(services, { ...job, listings });
  }
  return created;
}

/** What storing answers: per person, the feed numbers the batch handed out. */
interface PersonRow {
  user_id: string;
  first: string;
  last: string;
  n: number;
  /** The person has a chat-linked search that alerted, or an alert webhook: read alerts whole. */
  detail: boolean;
}

/** The batch's matches, in a table of the transaction's own that the planner can count. */
const MATCHES_TABLE = `CREATE TEMP TABLE alert_matches (
    search_id uuid, user_id uuid, listing_id uuid, previous_price numeric, n bigint
  ) ON COMMIT DROP`;

/**
 * Every (search, listing) pair of the batch: the GIN lookup per listing, then ranges.
 * Holds no lock: batches running at once match side by side.
 */
const FIND_MATCHES = `
  INSERT INTO alert_matches
  SELECT s.id, s.user_id, l.id, c.previous_price, c.n
    FROM ROWS FROM (json_to_recordset($1::json) AS (id uuid, "previousPrice" numeric))
         WITH ORDINALITY AS c (id, previous_price, n)
    JOIN listings l ON l.id = c.id
    CROSS JOIN LATERAL (${MATCHING_SEARCHES} AND s.created_at <= $3::timestamptz) s
   WHERE $2 = 'new' OR l.price < c.previous_price`;

/**
 * The feed rows of everyone the batch alerts: made where missing, then locked, both in
 * user order (so concurrent batches cannot deadlock) and as two statements (the lock
 * sees rows another batch made meanwhile). Held until commit: feed numbers are handed out
 * in commit order, and what is stored next sees every alert committed before.
 */
const MAKE_FEEDS = `
  INSERT INTO alert_feeds (user_id)
  SELECT DISTINCT user_id FROM alert_matches ORDER BY user_id
  ON CONFLICT (user_id) DO NOTHING`;
const LOCK_FEEDS = `
  SELECT user_id FROM alert_feeds
   WHERE user_id IN (SELECT user_id FROM alert_matches)
   ORDER BY user_id FOR UPDATE`;

/**
 * Stores the pairs not alerted yet, numbered per person after their feed's position;
 * bumps each feed once and each search's last_alert_at at most once. Answers per person.
 */
const STORE_ALERTS = `
  WITH fresh AS (
    SELECT m.*, row_number() OVER (PARTITION BY m.user_id ORDER BY m.n, m.search_id) AS k,
           count(*) OVER (PARTITION BY m.user_id) AS total
      FROM alert_matches m
     WHERE NOT EXISTS (SELECT 1 FROM alerts a
                        WHERE a.saved_search_id = m.search_id AND a.listing_id = m.listing_id
                          AND a.reason = $1)
  ),
  feeds AS (
    UPDATE alert_feeds f SET seq = f.seq + c.total
      FROM (SELECT user_id, max(total) AS total FROM fresh GROUP BY user_id) c
     WHERE f.user_id = c.user_id
    RETURNING f.user_id, f.seq - c.total AS base
  ),
  inserted AS (
    INSERT INTO alerts AS a (id, user_id, saved_search_id, listing_id, reason, previous_price, seq, created_at)
    SELECT gen_random_uuid(), fr.user_id, fr.search_id, fr.listing_id, $1, fr.previous_price,
           fe.base + fr.k, clock_timestamp()
      FROM fresh fr JOIN feeds fe USING (user_id)
    ON CONFLICT (saved_search_id, listing_id, reason) DO NOTHING
    RETURNING a.user_id, a.saved_search_id, a.seq
  ),
  -- last_alert_at is kept to the minute: an import's 20 batches would otherwise rewrite
  -- a search's row twenty times, and the dead rows slow every later GIN lookup.
  touched AS (
    UPDATE saved_searches s SET last_alert_at = clock_timestamp()
     WHERE s.id IN (SELECT saved_search_id FROM inserted)
       AND (s.last_alert_at IS NULL OR s.last_alert_at < clock_timestamp() - interval '1 minute')
  ),
  chats AS (
    SELECT DISTINCT i.user_id FROM inserted i
      JOIN saved_searches s ON s.id = i.saved_search_id
     WHERE s.conversation_id IS NOT NULL
  ),
  hooks AS (
    SELECT DISTINCT user_id FROM webhooks
     WHERE enabled AND events @> ARRAY['alert.created']::text[]
  )
  SELECT i.user_id, min(i.seq)::text AS first, max(i.seq)::text AS last, count(*)::int AS n,
         bool_or(c.user_id IS NOT NULL OR h.user_id IS NOT NULL) AS detail
    FROM inserted i
    LEFT JOIN chats c USING (user_id)
    LEFT JOIN hooks h USING (user_id)
   GROUP BY i.user_id`;

/** Matching a whole batch and waiting for others' feed rows may take longer than a request. */
const BATCH_STATEMENT_TIMEOUT = '5min';

/** Matches one batch and stores its alerts, set-based: a few statements whatever its size. */
async function storeBatch(
  services: Services,
  job: Job,
  transaction: Transaction,
): Promise<PersonRow[]> {
  const { sequelize } = services.db;
  const run = (sql: string, bind: unknown[] = []) =>
    sequelize.query(sql, { bind, transaction, type: QueryTypes.RAW });
  await run(`SET LOCAL statement_timeout = '${BATCH_STATEMENT_TIMEOUT}'`);
  await run(MATCHES_TABLE);
  await run(FIND_MATCHES, [JSON.stringify(job.listings), job.reason, job.at]);
  // Real row counts for the joins below (a lateral lookup's estimate is one row).
  await run('ANALYZE alert_matches');
  await run(MAKE_FEEDS);
  await run(LOCK_FEEDS);
  return sequelize.query<PersonRow>(STORE_ALERTS, {
    bind: [job.reason],
    type: QueryTypes.SELECT,
    transaction,
  });
}

async function matchBatch(services: Services, job: Job): Promise<number> {
  const { sequelize } = services.db;
  const { people, created, publishers } = await withTransaction(sequelize, async (transaction) => {
    const people = await storeBatch(services, job, transaction);
    const total = people.reduce((n, p) => n + p.n, 0);
    const whole = people.filter((p) => p.detail || total <= ANNOUNCE_WHOLE_UP_TO);
    const created = await readCreated(services, whole, transaction);
    const publishers = await postToConversations(services, created, transaction);
    await recordUserDeliveries(
      { sequelize, jobs: services.jobs, config: services.config.webhooks },
      created.map((c) => ({
        userId: c.userId,
        type: 'alert.created' as const,
        data: { alert: c.alert },
      })),
      services.clock(),
      transaction,
    );
    return { people, created, publishers };
  });
  if (people.length === 0) return 0;
  // Whole alerts for the people read above; the new feed position for everyone else.
  const read = new Set(created.map((c) => c.userId));
  const advances: FeedAdvance[] = people
    .filter((p) => !read.has(p.user_id))
    .map((p) => ({ userId: p.user_id, seq: Number(p.last) }));
  await publishAlerts(services, created, advances);
  for (const publish of publishers) {
    await publish().catch((error: unknown) =>
      services.logger.warn({ err: error }, 'could not publish an alert message'),
    );
  }
  return people.reduce((n, p) => n + p.n, 0);
}

/**
 * The alerts the batch stored for `people`, whole, in each person's feed order. The
 * batch's numbers of a person are the range it reserved under their feed row's lock,
 * so no one else's alert falls between them.
 */
async function readCreated(
  services: Services,
  people: PersonRow[],
  transaction: Transaction,
): Promise<Created[]> {
  if (people.length === 0) return [];
  const rows = await services.db.sequelize.query<
    AlertRow & { userId: string; searchName: string; conversationId: string | null }
  >(
    `SELECT ${ALERT_COLUMNS}, al.user_id AS "userId", s.name AS "searchName",
            s.conversation_id AS "conversationId"
       FROM unnest($1::uuid[], $2::bigint[], $3::bigint[]) AS r (user_id, first, last)
       JOIN alerts al ON al.user_id = r.user_id AND al.seq BETWEEN r.first AND r.last
       JOIN saved_searches s ON s.id = al.saved_search_id
       ${ALERT_JOINS}
      ORDER BY al.user_id, al.seq`,
    {
      bind: [people.map((p) => p.user_id), people.map((p) => p.first), people.map((p) => p.last)],
      type: QueryTypes.SELECT,
      transaction,
    },
  );
  return rows.map((row) => ({
    userId: row.userId,
    seq: Number(row.seq),
    alert: toAlert(row),
    searchName: row.searchName,
    conversationId: row.conversationId,
  }));
}
