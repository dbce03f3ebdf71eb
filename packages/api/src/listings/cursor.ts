import { fieldError } from '../errors';

/** The order a search walks in; `relevance` without `q` is `newest`. */
export type EffectiveSort = 'relevance' | 'price_asc' | 'price_desc' | 'newest';

/**
 * Where the previous page ended: the last row's sort key and id. The key is kept as
 * PostgreSQL printed it (exact decimal, microsecond timestamp, float4 rank), so the next
 * page starts exactly after that row: no duplicate, no skip.
 */
export interface CursorPosition {
  sort: EffectiveSort;
  key: string;
  id: string;
  /** Which query it belongs to (hash of the filters). */
  query: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KEY_FORMAT: Record<EffectiveSort, RegExp> = {
  newest: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/,
  price_asc: /^\d{1,10}\.\d{2}$/,
  price_desc: /^\d{1,10}\.\d{2}$/,
  relevance: /^\d+(\.\d+)?(e[-+]?\d+)?$/i,
};
const SORT_CODES: Record<EffectiveSort, string> = {
  newest: 'n',
  price_asc: 'pa',
  price_desc: 'pd',
  relevance: 'r',
};
const SORT_BY_CODE = new Map(
  Object.entries(SORT_CODES).map(([sort, code]) => [code, sort as EffectiveSort]),
);

export function encodeCursor(position: CursorPosition): string {
  const payload = [SORT_CODES[position.sort], position.key, position.id, position.query];
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

const bad = (why: string) => fieldError('cursor', why);
const FLOAT4_MIN = 1.1754944e-38;
const FLOAT4_MAX = 3.4028234e38;

/**
 * The key's value is one PostgreSQL accepts for its column: a real calendar time (not
 * month 13), a rank a float4 holds. Out of range, the query would fail in the database.
 */
function inRange(sort: EffectiveSort, key: string): boolean {
  if (sort === 'newest') {
    const at = new Date(key);
    return (
      !Number.isNaN(at.getTime()) &&
      at.toISOString().slice(0, 19) === key.slice(0, 19) &&
      !key.startsWith('0000') // JavaScript has a year 0, PostgreSQL none
    );
  }
  if (sort === 'relevance') {
    // Zero, or what a float4 holds without underflow (PostgreSQL refuses 1e-50 as a real).
    const rank = Number(key);
    return rank === 0 || (rank >= FLOAT4_MIN && rank <= FLOAT4_MAX);
  }
  return true;
}

/**
 * Reads a cursor made by `encodeCursor` for this same query and sort. Anything else is
 * BAD_REQUEST naming `cursor`, never a database error.
 */
export function decodeCursor(
  cursor: string,
  expected: { sort: EffectiveSort; query: string },
): CursorPosition {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad('is not a cursor this API returned');
  }
  if (
    !Array.isArray(payload) ||
    payload.length !== 4 ||
    !payload.every((p) => typeof p === 'string')
  ) {
    throw bad('is not a cursor this API returned');
  }
  const [code, key, id, query] = payload as [string, string, string, string];
  const sort = SORT_BY_CODE.get(code);
  if (!sort || !KEY_FORMAT[sort].test(key) || !UUID.test(id) || !inRange(sort, key))
    throw bad('is not a cursor this API returned');
  if (sort !== expected.sort || query !== expected.query) {
    throw bad('belongs to a different search; start again without a cursor');
  }
  return { sort, key, id, query };
}
