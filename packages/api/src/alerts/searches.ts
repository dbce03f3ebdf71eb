import { describeSearch, type SaveRefusal, textsFor } from '@parley/assistant';
import { newId, withTransaction } from '@parley/db';
import {
  type Language,
  listingQuery,
  type Page,
  type PageInput,
  type SavedSearch,
  type SavedSearchCreateInput,
  type SavedSearchUpdateInput,
  type SearchFacts,
  savedSearchCreateInput,
  savedSearchListInput,
  savedSearchUpdateInput,
  searchWorthFacts,
} from '@parley/validators';
import { TRPCError } from '@trpc/server';
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { decodeCursor, toPage } from '../chat/cursor';
import { notFound } from '../errors';
import { featureMask, planSearch } from '../listings/search';

/** What saved searches need: the database, and how many one person may keep. */
export interface SearchesDeps {
  sequelize: Sequelize;
  /** `SAVED_SEARCHES_PER_USER` (limits.ts). */
  maxPerUser: number;
}

interface SavedSearchRow {
  id: string;
  name: string;
  query: SearchFacts;
  conversation_id: string | null;
  paused: boolean;
  last_alert_at: Date | null;
  created_at: Date;
}

const COLUMNS = 'id, name, query, conversation_id, paused, last_alert_at, created_at';

export function toSavedSearch(row: SavedSearchRow): SavedSearch {
  return {
    id: row.id,
    name: row.name,
    query: row.query,
    conversationId: row.conversation_id,
    paused: row.paused,
    lastAlertAt: row.last_alert_at,
    createdAt: row.created_at,
  };
}

/** The typed columns the matcher compares a listing with (migration 0012). */
export interface MatchColumns {
  matchKeys: string[];
  excludedTowns: string[] | null;
  /** PostgreSQL range literals: `[2,)`, `(,1000]`, `(,)`. */
  bedrooms: string;
  price: string;
  featureMask: number;
  q: string | null;
}

const ANY = '*';

/** A listing's keys to probe the searches' `match_keys` with: its own values and `*`. */
export function probeKeys(listing: {
  rentType: string;
  propertyType: string;
  location: string;
}): string[] {
  const keys: string[] = [];
  for (const rent of [listing.rentType, ANY])
    for (const type of [listing.propertyType, ANY])
      for (const town of [listing.location, ANY]) keys.push(`${rent}|${type}|${town}`);
  return keys;
}

/**
 * The same filters listings.search applies (planSearch), as columns: a listing matches a
 * saved search exactly when a search with its query would list it.
 */
export function matchColumns(facts: SearchFacts): MatchColumns {
  const { filters } = planSearch(listingQuery.parse(facts));
  const rent = filters.rentType ?? ANY;
  const type = filters.propertyType ?? ANY;
  const towns = filters.towns ?? [ANY];
  const range = (min: number | undefined, max: number | undefined) =>
    `[${min ?? ''},${max ?? ''}]`.replace(/^\[,/, '(,').replace(/,\]$/, ',)');
  return {
    matchKeys: towns.map((town) => `${rent}|${type}|${town}`),
    excludedTowns: filters.excludedTowns ?? null,
    bedrooms: range(filters.minBedrooms, filters.maxBedrooms),
    price: range(filters.minPrice, filters.maxPrice),
    featureMask: filters.features ? featureMask(filters.features) : 0,
    q: filters.q ?? null,
  };
}

/** A name from the query when none is given: "Apartments in Girne, 2 bedrooms, up to £1,000". */
export function nameFor(facts: SearchFacts, language?: Language): string {
  const text = language ? textsFor(language).search(facts) : describeSearch(facts);
  const name = text.charAt(0).toUpperCase() + text.slice(1);
  return name.length <= 100 ? name : `${name.slice(0, 99)}…`;
}

/**
 * Stores a saved search inside `transaction`. Used by `searches.create` and by a chat
 * turn whose person asked to be told ("let me know when..."). Its conversation, when
 * given, must be the owner's (checked by the caller).
 */
export async function insertSavedSearch(
  sequelize: Sequelize,
  userId: string,
  search: { name: string; query: SearchFacts; conversationId: string | null },
  transaction: Transaction,
): Promise<SavedSearch> {
  const columns = matchColumns(search.query);
  const [row] = await sequelize.query<SavedSearchRow>(
    `INSERT INTO saved_searches (id, user_id, name, query, conversation_id, match_keys,
       excluded_towns, bedrooms, price, feature_mask, q, created_at, updated_at)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6::text[], $7::text[], $8::int4range, $9::numrange, $10,
       CASE WHEN numnode(websearch_to_tsquery('english'::regconfig, $11::text)) > 0
            THEN websearch_to_tsquery('english'::regconfig, $11::text) END,
       clock_timestamp(), clock_timestamp())
     RETURNING ${COLUMNS}`,
    {
      bind: [
        newId(),
        userId,
        search.name,
        JSON.stringify(search.query),
        search.conversationId,
        columns.matchKeys,
        columns.excludedTowns,
        columns.bedrooms,
        columns.price,
        columns.featureMask,
        columns.q,
      ],
      type: QueryTypes.SELECT,
      transaction,
    },
  );
  return toSavedSearch(row!);
}

/**
 * The person's saved search that matches exactly the listings `query` would: the same
 * match columns, however the query was written ("Kyrenia" or "Girne", features in any
 * order). Two such searches would alert twice for every listing.
 */
async function sameSearch(
  sequelize: Sequelize,
  userId: string,
  query: SearchFacts,
  transaction: Transaction,
): Promise<SavedSearchRow | undefined> {
  const c = matchColumns(query);
  const [row] = await sequelize.query<SavedSearchRow>(
    `SELECT ${COLUMNS} FROM saved_searches
      WHERE user_id = $1 AND match_keys = $2::text[]
        AND excluded_towns IS NOT DISTINCT FROM $3::text[]
        AND bedrooms = $4::int4range AND price = $5::numrange AND feature_mask = $6
        AND q IS NOT DISTINCT FROM (
          CASE WHEN numnode(websearch_to_tsquery('english'::regconfig, $7::text)) > 0
               THEN websearch_to_tsquery('english'::regconfig, $7::text) END)
      ORDER BY created_at LIMIT 1`,
    {
      bind: [userId, c.matchKeys, c.excludedTowns, c.bedrooms, c.price, c.featureMask, c.q],
      type: QueryTypes.SELECT,
      transaction,
    },
  );
  return row;
}

/**
 * One person's saves take turns (a transaction-scoped advisory lock on the person), so two
 * at once can neither both miss the same search nor both pass the count.
 */
async function lockSaves(sequelize: Sequelize, userId: string, transaction: Transaction) {
  await sequelize.query("SELECT pg_advisory_xact_lock(hashtext('parley:saves:' || $1))", {
    bind: [userId],
    transaction,
  });
}

/** How many saved searches the person keeps (under `lockSaves`). */
async function savedCount(
  sequelize: Sequelize,
  userId: string,
  transaction: Transaction,
): Promise<number> {
  const [row] = await sequelize.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM saved_searches WHERE user_id = $1',
    { bind: [userId], type: QueryTypes.SELECT, transaction },
  );
  return row?.n ?? 0;
}

export async function createSavedSearch(
  deps: SearchesDeps,
  userId: string,
  input: SavedSearchCreateInput,
): Promise<SavedSearch> {
  const { name, query, conversationId } = savedSearchCreateInput.parse(input);
  return withTransaction(deps.sequelize, async (transaction) => {
    if (conversationId) {
      const owned = await deps.sequelize.query(
        'SELECT 1 FROM conversations WHERE id = $1 AND user_id = $2 FOR KEY SHARE',
        { bind: [conversationId, userId], type: QueryTypes.SELECT, transaction },
      );
      if (owned.length === 0) throw notFound('Conversation');
    }
    // Saving the same search again keeps the one there is (a second would alert twice): one
    // person's saves take turns, so two at once cannot both miss the first, nor both pass
    // the count below.
    await lockSaves(deps.sequelize, userId, transaction);
    const existing = await sameSearch(deps.sequelize, userId, query, transaction);
    if (existing) return toSavedSearch(existing);
    // Every search is matched against every new listing: one person's may not multiply a
    // listing into thousands of alerts and deliveries.
    if ((await savedCount(deps.sequelize, userId, transaction)) >= deps.maxPerUser) {
      throw new TRPCError({
        code: 'CONFLICT',
        message: `At most ${deps.maxPerUser} saved searches per user: delete one first`,
      });
    }
    return insertSavedSearch(
      deps.sequelize,
      userId,
      { name: name ?? nameFor(query), query, conversationId: conversationId ?? null },
      transaction,
    );
  });
}

/** A person's saved searches, newest first, in keyset pages. */
export async function listSavedSearches(
  deps: SearchesDeps,
  userId: string,
  input: PageInput | undefined,
): Promise<Page<SavedSearch>> {
  const { cursor, limit } = savedSearchListInput.parse(input);
  const after = cursor ? decodeCursor(cursor) : null;
  const bind: unknown[] = [userId, limit + 1];
  let keyset = '';
  if (after) {
    bind.push(after.at, after.id);
    keyset = 'AND (created_at, id) < ($3::timestamptz, $4::uuid)';
  }
  const rows = await deps.sequelize.query<SavedSearchRow>(
    `SELECT ${COLUMNS} FROM saved_searches WHERE user_id = $1 ${keyset}
     ORDER BY created_at DESC, id DESC LIMIT $2`,
    { bind, type: QueryTypes.SELECT },
  );
  return toPage(rows, limit, toSavedSearch, (row) => [row.created_at, row.id]);
}

/** Renames or pauses (and resumes) one of the person's searches; anybody else's is NOT_FOUND. */
export async function updateSavedSearch(
  deps: SearchesDeps,
  userId: string,
  input: SavedSearchUpdateInput,
): Promise<SavedSearch> {
  const { id, name, paused } = savedSearchUpdateInput.parse(input);
  const [row] = await withTransaction(deps.sequelize, (transaction) =>
    deps.sequelize.query<SavedSearchRow>(
      `UPDATE saved_searches
          SET name = coalesce($3, name), paused = coalesce($4, paused), updated_at = clock_timestamp()
        WHERE id = $1 AND user_id = $2
        RETURNING ${COLUMNS}`,
      { bind: [id, userId, name ?? null, paused ?? null], type: QueryTypes.SELECT, transaction },
    ),
  );
  if (!row) throw notFound('Saved search');
  return toSavedSearch(row);
}

/** Deletes one of the person's searches with its alerts. */
export async function deleteSavedSearch(
  deps: SearchesDeps,
  userId: string,
  input: { id: string },
): Promise<{ ok: true }> {
  const [row] = await withTransaction(deps.sequelize, (transaction) =>
    deps.sequelize.query<{ id: string }>(
      'DELETE FROM saved_searches WHERE id = $1 AND user_id = $2 RETURNING id',
      { bind: [input.id, userId], type: QueryTypes.SELECT, transaction },
    ),
  );
  if (!row) throw notFound('Saved search');
  return { ok: true };
}

/**
 * Whether the conversation's owner may save `facts` as a search, so that the reply promises
 * alerts only when saveSearchFromConversation will keep them: 'account' for a guest (no
 * account to alert), 'limit' when they keep `maxPerUser` searches already and this one is
 * not among them (one saved before still alerts). Read without the save's lock: a save
 * racing this turn may take the last place, and then the cap still holds.
 */
export async function ownerMaySaveSearches(
  sequelize: Sequelize,
  conversationId: string,
  maxPerUser: number,
  facts: SearchFacts,
): Promise<true | SaveRefusal> {
  const parsed = searchWorthFacts.safeParse(facts);
  const [owner] = await sequelize.query<{ role: string; n: number; saved: boolean }>(
    `SELECT u.role,
            (SELECT count(*)::int FROM saved_searches s WHERE s.user_id = c.user_id) AS n,
            EXISTS (SELECT 1 FROM saved_searches s
                     WHERE s.conversation_id = c.id AND s.query = $2::jsonb) AS saved
       FROM conversations c JOIN users u ON u.id = c.user_id
      WHERE c.id = $1`,
    {
      bind: [conversationId, parsed.success ? JSON.stringify(parsed.data) : null],
      type: QueryTypes.SELECT,
    },
  );
  if (owner === undefined || owner.role === 'guest') return 'account';
  return owner.n >= maxPerUser && !owner.saved ? 'limit' : true;
}

/**
 * Saves what the assistant has understood so far as a search of the conversation's owner,
 * when the person asked to be told ("let me know when...", "haber ver", "сообщите"); in
 * the transaction that stores the reply saying so. Nothing is saved for a guest (who has
 * no account to alert), for memory that names no usable filter, when the conversation
 * already has a search for exactly this query, or when the owner already keeps as many
 * saved searches as one person may (`maxPerUser`). Memory without a place is saved as
 * understood (the reply has said so); `searches.create` asks for one.
 */
export async function saveSearchFromConversation(
  sequelize: Sequelize,
  conversationId: string,
  facts: SearchFacts,
  language: Language,
  transaction: Transaction,
  maxPerUser: number,
): Promise<SavedSearch | null> {
  const parsed = searchWorthFacts.safeParse(facts);
  if (!parsed.success) return null;
  const [owner] = await sequelize.query<{ user_id: string; role: string; saved: boolean }>(
    `SELECT c.user_id, u.role,
            EXISTS (SELECT 1 FROM saved_searches s
                     WHERE s.conversation_id = c.id AND s.query = $2::jsonb) AS saved
       FROM conversations c JOIN users u ON u.id = c.user_id
      WHERE c.id = $1`,
    { bind: [conversationId, JSON.stringify(parsed.data)], type: QueryTypes.SELECT, transaction },
  );
  if (!owner || owner.role === 'guest' || owner.saved) return null;
  await lockSaves(sequelize, owner.user_id, transaction);
  if ((await savedCount(sequelize, owner.user_id, transaction)) >= maxPerUser) return null;
  return insertSavedSearch(
    sequelize,
    owner.user_id,
    { name: nameFor(parsed.data, language), query: parsed.data, conversationId },
    transaction,
  );
}
