import { parseCached } from '@parley/infra';
import {
  idInput,
  type Listing,
  type ListingPage,
  type ListingQuery,
  listingQuery,
  type ParsedListingQuery,
  townsMatching,
} from '@parley/validators';
import { QueryTypes, type Sequelize } from 'sequelize';
import type { SuperJSONResult } from 'superjson';
import { isWireForm, wireFormOf, withWireForm } from '../wire';
import {
  GET_TTL_SECONDS,
  hashOf,
  LISTINGS_NAMESPACE,
  type ListingsCache,
  type ListingsEntry,
  listingsKey,
  SEARCH_TTL_SECONDS,
} from './cache';
import { type CursorPosition, decodeCursor, type EffectiveSort, encodeCursor } from './cursor';
import {
  type CachedListing,
  type CachedPage,
  type ListingRowShape,
  reviveListing,
  revivePage,
  toListing,
} from './serialize';

/** The narrow context search needs: no tRPC, no request; the assistant calls it in process. */
export interface ListingsDeps {
  sequelize: Sequelize;
  cache: ListingsCache;
}

/** The filters of a query in one canonical form: the cache key and the cursor's query tag. */
export interface NormalisedFilters {
  q?: string;
  /** Canonical towns the location matched (a district expands to its towns). */
  towns?: string[];
  /** Canonical towns left out (a district expands to its towns); unknown names leave out nothing. */
  excludedTowns?: string[];
  rentType?: string;
  propertyType?: string;
  minBedrooms?: number;
  maxBedrooms?: number;
  minPrice?: number;
  maxPrice?: number;
  /** Sorted, without repeats. */
  features?: string[];
  /** [west, south, east, north] */
  box?: [number, number, number, number];
  /** The agent who listed them (created_by). */
  agentId?: string;
}

export interface SearchPlan {
  filters: NormalisedFilters;
  /** Hash of `filters`: the count's cache key and what a cursor is bound to. */
  filterHash: string;
  sort: EffectiveSort;
  limit: number;
  /** A location nobody knows matches no listing: answered without a query. */
  matchesNothing: boolean;
}

const RENT_BY_PERIOD = { month: 'long_term', night: 'short_term' } as const;

export function planSearch(query: ParsedListingQuery): SearchPlan {
  const filters: NormalisedFilters = {};
  const q = query.q?.replace(/\s+/g, ' ').trim();
  if (q) filters.q = q;
  let matchesNothing = false;
  if (query.location !== undefined) {
    const towns = townsMatching(query.location).sort();
    filters.towns = towns;
    matchesNothing = towns.length === 0;
  }
  // A price period is a rent type (monthly: long-term, nightly: short-term); asked with a
  // different rent type, nothing can match.
  const periodRent = query.pricePeriod && RENT_BY_PERIOD[query.pricePeriod];
  if (periodRent && query.rentType && query.rentType !== periodRent) matchesNothing = true;
  if (query.rentType ?? periodRent) filters.rentType = query.rentType ?? periodRent;
  if (query.bounds) {
    const { west, south, east, north } = query.bounds;
    filters.box = [west, south, east, north];
  }
  if (query.excludeLocations?.length) {
    const excluded = [...new Set(query.excludeLocations.flatMap(townsMatching))].sort();
    if (excluded.length) filters.excludedTowns = excluded;
  }
  if (query.propertyType) filters.propertyType = query.propertyType;
  if (query.agentId) filters.agentId = query.agentId;
  if (query.minBedrooms !== undefined) filters.minBedrooms = query.minBedrooms;
  if (query.maxBedrooms !== undefined) filters.maxBedrooms = query.maxBedrooms;
  if (query.minPrice !== undefined) filters.minPrice = query.minPrice;
  if (query.maxPrice !== undefined) filters.maxPrice = query.maxPrice;
  if (query.features?.length) filters.features = [...new Set(query.features)].sort();
  const sort: EffectiveSort = query.sort === 'relevance' && !filters.q ? 'newest' : query.sort;
  return { filters, filterHash: hashOf(filters), sort, limit: query.limit, matchesNothing };
}

export interface SqlStatement {
  text: string;
  values: unknown[];
}

class Params {
  readonly values: unknown[] = [];
  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
}

// Qualified with the table alias: in ORDER BY a bare `price` would mean the text output
// column `price` below, sorting "1000.00" before "350.00" and ignoring the index.
export const LISTING_COLUMNS = `l.id, l.title, l.description, l.location, l.district, l.rent_type AS "rentType",
  l.property_type AS "propertyType", l.bedrooms, l.bathrooms, l.area_sqm AS "areaSqm",
  l.price::text AS price, l.currency, l.features, l.images, l.lat, l.lng,
  a.id AS "agentId", a.name AS "agentName", l.created_at AS "createdAt", l.updated_at AS "updatedAt"`;
/** Who listed it, for the rows being answered only. */
export const LISTING_JOINS = 'LEFT JOIN users a ON a.id = l.created_by';

// Bit of each feature in the generated `feature_mask` column: frozen by migration 0004,
// so this list must never be reordered (new features get new bits at the end, and a
// migration adds the new bit's statistic as 0020 did for these).
const FEATURE_BITS = [
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
] as const;

/** The `feature_mask` bit of each feature, in the order given, without repeats. */
function featureBits(features: readonly string[]): number[] {
  const bits = features.map((f) => {
    const bit = FEATURE_BITS.indexOf(f as (typeof FEATURE_BITS)[number]);
    if (bit < 0) throw new RangeError(`feature ${f} has no bit in feature_mask`);
    return 1 << bit;
  });
  return [...new Set(bits)];
}

export function featureMask(features: readonly string[]): number {
  return featureBits(features).reduce((mask, bit) => mask | bit, 0);
}

/** Appends the WHERE conditions of `filters`; returns them and the tsquery (when `q`). */
function conditions(
  filters: NormalisedFilters,
  params: Params,
): { where: string[]; tsquery?: string } {
  const where: string[] = [];
  let tsquery: string | undefined;
  if (filters.q) {
    tsquery = `websearch_to_tsquery('english'::regconfig, ${params.add(filters.q, 'text')})`;
    // Only stop words ("the"): PostgreSQL can match nothing with it, so it filters nothing.
    // The planner folds numnode() of a constant, so the GIN index is still used.
    where.push(`(numnode(${tsquery}) = 0 OR search_vector @@ ${tsquery})`);
  }
  if (filters.towns) {
    where.push(
      filters.towns.length === 1
        ? `location = ${params.add(filters.towns[0], 'text')}`
        : `location = ANY(${params.add(filters.towns, 'text[]')})`,
    );
  }
  if (filters.excludedTowns)
    where.push(`location <> ALL(${params.add(filters.excludedTowns, 'text[]')})`);
  if (filters.rentType) where.push(`rent_type = ${params.add(filters.rentType, 'text')}`);
  if (filters.propertyType)
    where.push(`property_type = ${params.add(filters.propertyType, 'text')}`);
  // listings_agent_newest_idx (migration 0015) walks one agent's listings.
  if (filters.agentId) where.push(`created_by = ${params.add(filters.agentId, 'uuid')}`);
  if (filters.minBedrooms !== undefined)
    where.push(`bedrooms >= ${params.add(filters.minBedrooms, 'int')}`);
  if (filters.maxBedrooms !== undefined)
    where.push(`bedrooms <= ${params.add(filters.maxBedrooms, 'int')}`);
  // Compared as NUMERIC: a price filter never goes through a float.
  if (filters.minPrice !== undefined)
    where.push(`price >= ${params.add(String(filters.minPrice), 'numeric')}`);
  if (filters.maxPrice !== undefined)
    where.push(`price <= ${params.add(String(filters.maxPrice), 'numeric')}`);
  if (filters.features) {
    // One condition per feature, each bit a literal: PostgreSQL matches each to its own
    // statistic (migration 0020) and estimates what the filter keeps, where a parameter or
    // a mask of several bits left it guessing 0.5% and choosing a heap scan and a sort.
    // The bits come from FEATURE_BITS, never from the input.
    for (const bit of featureBits(filters.features)) where.push(`(feature_mask & ${bit}) = ${bit}`);
  }
  if (filters.box) {
    // Plain ranges (migration 0014): PostgreSQL estimates them from real statistics and
    // filters inside the covering indexes; rows without coordinates never match.
    const [west, south, east, north] = filters.box.map((n) => params.add(n, 'float8'));
    where.push(`lat BETWEEN ${south} AND ${north} AND lng BETWEEN ${west} AND ${east}`);
  }
  return tsquery === undefined ? { where } : { where, tsquery };
}

const whereClause = (where: string[]) => (where.length ? `WHERE ${where.join(' AND ')}` : '');

/**
 * The two statements of a search: one page (limit + 1 rows, to know whether there is a
 * next one) walking an index in sort order from the cursor, and the count of all matches.
 * Exported so benchmarks can run the very same SQL through plain pg.
 */
export function buildSearchSql(
  plan: SearchPlan,
  cursor: CursorPosition | null,
): { page: SqlStatement; count: SqlStatement | null } {
  const params = new Params();
  const { where, tsquery } = conditions(plan.filters, params);
  const at = (key: string, id: string) => {
    params.values.push(key, id);
    return [`$${params.values.length - 1}`, `$${params.values.length}`] as const;
  };
  const limit = plan.limit + 1;

  if (plan.sort === 'relevance' && tsquery) {
    // Ranking needs every match anyway, so one pass ranks them into a small (id, rank)
    // set; the page and the total both come from it, and only the page's rows are read back.
    const keyset = cursor
      ? `WHERE (rank, id) < (${at(cursor.key, cursor.id)
          .map((p, i) => (i ? `${p}::uuid` : `${p}::real`))
          .join(', ')})`
      : '';
    const text = `WITH matches AS MATERIALIZED (
        SELECT id, ts_rank(search_vector, ${tsquery}) AS rank FROM listings ${whereClause(where)}
      )
      SELECT ${LISTING_COLUMNS}, m.rank::text AS "sortKey", (SELECT count(*) FROM matches)::int AS total
      FROM (SELECT id, rank FROM matches ${keyset} ORDER BY rank DESC, id DESC LIMIT ${limit}) m
      JOIN listings l ON l.id = m.id ${LISTING_JOINS}
      ORDER BY m.rank DESC, m.id DESC`;
    return { page: { text, values: params.values }, count: null };
  }

  let sortKey: string;
  let order: string;
  let keyset: (key: string, id: string) => string;
  switch (plan.sort) {
    case 'price_asc':
      sortKey = 'l.price::text';
      order = 'price ASC, id ASC';
      keyset = (key, id) => `(price, id) > (${key}::numeric, ${id}::uuid)`;
      break;
    case 'price_desc':
      sortKey = 'l.price::text';
      order = 'price DESC, id DESC';
      keyset = (key, id) => `(price, id) < (${key}::numeric, ${id}::uuid)`;
      break;
    default:
      // Microseconds, in UTC: the exact stored value, so ties within a millisecond page correctly.
      sortKey = `to_char(l.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
      order = 'created_at DESC, id DESC';
      keyset = (key, id) => `(created_at, id) < (${key}::timestamptz, ${id}::uuid)`;
  }
  const pageWhere = cursor ? [...where, keyset(...at(cursor.key, cursor.id))] : where;
  // Deferred join: the inner query touches only columns the sort indexes carry (INCLUDE),
  // so it is an index-only walk in sort order that filters as it goes; the heap is read
  // for the page's rows alone.
  const page: SqlStatement = {
    text: `SELECT ${LISTING_COLUMNS}, ${sortKey} AS "sortKey"
      FROM (SELECT id FROM listings ${whereClause(pageWhere)} ORDER BY ${order} LIMIT ${limit}) k
      JOIN listings l ON l.id = k.id ${LISTING_JOINS}
      ORDER BY ${order.replace(/(\w+) (ASC|DESC)/g, 'l.$1 $2')}`,
    values: params.values,
  };
  return { page, count: countStatement(plan.filters) };
}

function countStatement(filters: NormalisedFilters): SqlStatement {
  const params = new Params();
  const { where } = conditions(filters, params);
  return {
    text: `SELECT count(*)::int AS total FROM listings ${whereClause(where)}`,
    values: params.values,
  };
}

/** Stores entries after the answer has been handed on, together (one write to Redis). */
function remember(cache: ListingsCache, entries: [key: string, value: unknown, ttl: number][]) {
  // Stringifying and writing ~40 KB is not the caller's wait. The cache degrades by
  // itself; a miss is safe.
  setImmediate(() => {
    for (const [key, value, ttl] of entries) cache.set(key, value, ttl).catch(() => {});
  });
}

type PageRow = ListingRowShape & { sortKey: string; total?: number };

function select<T extends object>(deps: ListingsDeps, sql: SqlStatement): Promise<T[]> {
  return deps.sequelize.query<T>(sql.text, {
    bind: sql.values,
    type: QueryTypes.SELECT,
    raw: true,
  });
}

/** Where a search's answer is, or would be, cached: what a lookup needs before any SQL. */
export interface SearchKeys {
  plan: SearchPlan;
  cursor: CursorPosition | null;
  /** The page as sent (superjson's form, including the total). */
  pageEntry: ListingsEntry;
  /** The total alone, shared by every page and sort of the same filters. */
  countEntry: ListingsEntry;
}

/** Parses and plans `input`: throws as the search would (BAD_REQUEST naming the field). */
export function searchKeysOf(input: unknown): SearchKeys {
  const query = listingQuery.parse(input);
  const plan = planSearch(query);
  const cursor = query.cursor
    ? decodeCursor(query.cursor, { sort: plan.sort, query: plan.filterHash })
    : null;
  const pageEntry: ListingsEntry = `page:${hashOf({
    f: plan.filterHash,
    s: plan.sort,
    l: plan.limit,
    c: cursor && [cursor.key, cursor.id],
  })}`;
  return { plan, cursor, pageEntry, countEntry: `count:${plan.filterHash}` };
}

/** The cached page and total of `keys` as stored (JSON text), under the current version. */
export function readSearchCache(cache: ListingsCache, keys: SearchKeys) {
  return cache.getVersionedJson(LISTINGS_NAMESPACE, [keys.pageEntry, keys.countEntry]);
}

/** A cache read already made for this very search, before tRPC (see `answerCachedSearch`). */
export interface SearchPrefetch {
  pageEntry: ListingsEntry;
  read: ReturnType<typeof readSearchCache>;
}

export interface SearchOptions {
  /**
   * Settles before any SQL runs and before any answer is given; its rejection is the
   * search's (e.g. a rate limit's TOO_MANY_REQUESTS). Started by the caller, so it runs
   * while the cache is read.
   */
  gate?: Promise<unknown>;
  /** Used instead of reading the cache again when it was read for the same page. */
  prefetched?: SearchPrefetch | null;
}

/**
 * Listing search: every ListingQuery filter, four sorts, keyset cursors and the total,
 * served from the cache when the same query (normalised) was answered since the last
 * committed write. A bad cursor is BAD_REQUEST naming `cursor`.
 */
export async function searchListings(
  deps: ListingsDeps,
  input: ListingQuery,
  options: SearchOptions = {},
): Promise<ListingPage> {
  const keys = searchKeysOf(input);
  const { plan, cursor, pageEntry, countEntry } = keys;
  const gate = options.gate ?? Promise.resolve();
  if (plan.matchesNothing) {
    await gate;
    return { items: [], nextCursor: null, total: 0 };
  }
  const prefetched = options.prefetched?.pageEntry === pageEntry ? options.prefetched : null;
  // The gate (a rate limit) and the cache lookup side by side: one round trip of waiting,
  // not two. Nothing reaches PostgreSQL, and nothing is answered, before the gate opens.
  const [
    {
      version,
      values: [pageJson, totalJson],
    },
  ] = await Promise.all([prefetched?.read ?? readSearchCache(deps.cache, keys), gate]);
  const cachedPage = parseCached(pageJson);
  const cachedTotal = parseCached(totalJson);
  // Cached as sent (superjson's form): a hit goes back to the client without being
  // serialised again; callers in process get the page revived from the same JSON.
  if (isWireForm(cachedPage)) {
    return withWireForm(revivePage(cachedPage.json as CachedPage), cachedPage);
  }

  const sql = buildSearchSql(plan, cursor);
  // Page and count run side by side on two pooled connections (relevance: one statement).
  const [rows, counted] = await Promise.all([
    select<PageRow>(deps, sql.page),
    (typeof cachedTotal === 'number' ? cachedTotal : undefined) ??
      (sql.count && select<{ total: number }>(deps, sql.count).then((r) => r[0]?.total ?? 0)),
  ]);
  const total = counted ?? rows[0]?.total ?? (await countAll(deps, plan));
  const more = rows.length > plan.limit;
  const pageRows = more ? rows.slice(0, plan.limit) : rows;
  const last = pageRows[pageRows.length - 1];
  const page: ListingPage = {
    items: pageRows.map(toListing),
    nextCursor:
      more && last
        ? encodeCursor({ sort: plan.sort, key: last.sortKey, id: last.id, query: plan.filterHash })
        : null,
    total,
  };
  // Not awaited: the answer does not wait on Redis. A store that lands after a write is
  // harmless, it sits under the old version, which nobody reads any more.
  remember(deps.cache, [
    [listingsKey(version, pageEntry), wireFormOf(page), SEARCH_TTL_SECONDS],
    ...(typeof cachedTotal !== 'number'
      ? [[listingsKey(version, countEntry), total, SEARCH_TTL_SECONDS] as [string, number, number]]
      : []),
  ]);
  return page;
}

/** The total when a relevance page came back empty (a cursor past the end) and nothing was cached. */
async function countAll(deps: ListingsDeps, plan: SearchPlan): Promise<number> {
  const [row] = await select<{ total: number }>(deps, countStatement(plan.filters));
  return row?.total ?? 0;
}

export async function findListingRow(
  sequelize: Sequelize,
  id: string,
): Promise<ListingRowShape | undefined> {
  const rows = await sequelize.query<ListingRowShape>(
    `SELECT ${LISTING_COLUMNS} FROM listings l ${LISTING_JOINS} WHERE l.id = $1::uuid`,
    {
      bind: [id],
      type: QueryTypes.SELECT,
      raw: true,
    },
  );
  return rows[0];
}

/** One listing by id, or null; cached like searches (a miss is cached too). */
export async function getListing(deps: ListingsDeps, listingId: string): Promise<Listing | null> {
  const { id } = idInput.parse({ id: listingId });
  const entry: ListingsEntry = `listing:${id}`;
  const {
    version,
    values: [cached],
  } = await deps.cache.getVersioned<SuperJSONResult>(LISTINGS_NAMESPACE, [entry]);
  if (isWireForm(cached)) {
    return cached.json === null
      ? null
      : withWireForm(reviveListing(cached.json as CachedListing), cached);
  }
  const row = await findListingRow(deps.sequelize, id);
  const listing = row ? toListing(row) : null;
  const wire = listing ? wireFormOf(listing) : { json: null };
  remember(deps.cache, [[listingsKey(version, entry), wire, GET_TTL_SECONDS]]);
  return listing;
}
