import { withTransaction } from '@parley/db';
import {
  type FavoriteInput,
  favoriteInput,
  type Listing,
  type Page,
  type PageInput,
  pageInput,
} from '@parley/validators';
import { QueryTypes, type Sequelize } from 'sequelize';
import { decodeCursor, toPage } from '../chat/cursor';
import { notFound } from '../errors';
import { LISTING_COLUMNS, LISTING_JOINS } from '../listings/search';
import { type ListingRowShape, toListing } from '../listings/serialize';

/** What favourites need: the database and the time a save is stamped with. */
export interface FavoritesDeps {
  sequelize: Sequelize;
  clock: () => Date;
}

/**
 * Saves a listing for a person; saving it again keeps the first save's time (and place in
 * the list). A listing that does not exist is NOT_FOUND, never a foreign-key error.
 */
export async function addFavorite(
  deps: FavoritesDeps,
  userId: string,
  input: FavoriteInput,
): Promise<{ ok: true }> {
  const { listingId } = favoriteInput.parse(input);
  const inserted = await withTransaction(deps.sequelize, (transaction) =>
    deps.sequelize.query<{ listed: boolean }>(
      // One statement: the listing's existence and the insert, so a concurrent delete of the
      // listing cannot slip between a check and the write.
      `WITH listing AS (SELECT id FROM listings WHERE id = $2::uuid FOR KEY SHARE),
       saved AS (
         INSERT INTO favorites (user_id, listing_id, created_at)
         SELECT $1::uuid, id, $3::timestamptz FROM listing
         ON CONFLICT (user_id, listing_id) DO NOTHING
       )
       SELECT EXISTS (SELECT 1 FROM listing) AS listed`,
      { bind: [userId, listingId, deps.clock()], type: QueryTypes.SELECT, transaction },
    ),
  );
  if (!inserted[0]?.listed) throw notFound('Listing');
  return { ok: true };
}

/** Unsaves; unsaving what was not saved is fine (the outcome is the same). */
export async function removeFavorite(
  deps: FavoritesDeps,
  userId: string,
  input: FavoriteInput,
): Promise<{ ok: true }> {
  const { listingId } = favoriteInput.parse(input);
  await withTransaction(deps.sequelize, (transaction) =>
    deps.sequelize.query(
      'DELETE FROM favorites WHERE user_id = $1::uuid AND listing_id = $2::uuid',
      {
        bind: [userId, listingId],
        transaction,
      },
    ),
  );
  return { ok: true };
}

type FavoriteRow = ListingRowShape & { savedAt: Date };

/** A person's saved listings, newest saved first, in keyset pages. */
export async function listFavorites(
  deps: Pick<FavoritesDeps, 'sequelize'>,
  userId: string,
  input: PageInput,
): Promise<Page<Listing>> {
  const { cursor, limit } = pageInput.parse(input);
  const after = cursor ? decodeCursor(cursor) : null;
  const bind: unknown[] = [userId, limit + 1];
  let keyset = '';
  if (after) {
    bind.push(after.at, after.id);
    keyset = 'AND (f.created_at, f.listing_id) < ($3::timestamptz, $4::uuid)';
  }
  const rows = await deps.sequelize.query<FavoriteRow>(
    `SELECT ${LISTING_COLUMNS}, f.created_at AS "savedAt"
       FROM (SELECT listing_id, created_at FROM favorites f
              WHERE f.user_id = $1::uuid ${keyset}
              ORDER BY f.created_at DESC, f.listing_id DESC LIMIT $2) f
       JOIN listings l ON l.id = f.listing_id ${LISTING_JOINS}
      ORDER BY f.created_at DESC, f.listing_id DESC`,
    { bind, type: QueryTypes.SELECT, raw: true },
  );
  return toPage(rows, limit, toListing, (row) => [row.savedAt, row.id]);
}
