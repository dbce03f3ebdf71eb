import { fieldError } from '../errors';

/** An opaque keyset cursor: the sort key and id of the last row of the page. */
export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Exactly what toISOString prints for the years rows can have.
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Reads a cursor made by `encodeCursor`. Anything else (an edited time, a huge number, an
 * id that is not a UUID) is BAD_REQUEST naming `cursor`, before any SQL runs.
 */
export function decodeCursor(cursor: string): { at: Date; id: string } {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(payload) || payload.length !== 2) throw badCursor();
  const [at, id] = payload as unknown[];
  if (typeof at !== 'string' || typeof id !== 'string' || !ISO_TIME.test(at) || !UUID.test(id))
    throw badCursor();
  const date = new Date(at);
  // A calendar-valid time prints back as itself (2024-02-30 does not); PostgreSQL has no
  // year 0, JavaScript does.
  if (Number.isNaN(date.getTime()) || date.toISOString() !== at || at.startsWith('0000'))
    throw badCursor();
  return { at: date, id };
}

const badCursor = () => fieldError('cursor', 'is not a cursor this API returned');

/** Takes `limit + 1` rows and turns them into a page with the next cursor. */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  map: (row: R) => T,
  key: (row: R) => [Date, string],
) {
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map(map),
    nextCursor: more && last ? encodeCursor(...key(last)) : null,
  };
}
