import type { Sequelize } from 'sequelize';
import { QueryTypes } from 'sequelize';
import { withTransaction } from '../transaction';
import { generateListings } from './generate';
import { insertListingRows, type ListingRow } from './rows';

export interface SeedOptions {
  count: number;
  /** Same seed, same rows (ids included). Default 1. */
  seed?: number | string;
  /** Rows per INSERT; each batch is one transaction. Default 1,000. */
  batchSize?: number;
  /** Called after every committed batch with rows generated so far and the total. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Called after every committed batch: where a caller bumps the listings cache version
   * (`cache.bumpVersion('listings')`), so no cached search outlives the write.
   */
  afterCommit?: () => Promise<unknown>;
}

export interface SeedResult {
  /** Rows written now. */
  inserted: number;
  /** Rows that were already there (same seed seeded before). */
  skipped: number;
  ms: number;
}

/**
 * Inserts `count` generated listings in batches, each batch one transaction. Ids are
 * deterministic, so running it again with the same seed inserts nothing new, and two
 * instances seeding at once cannot duplicate a row.
 */
export async function seedListings(
  sequelize: Sequelize,
  options: SeedOptions,
): Promise<SeedResult> {
  const { count, seed = 1, batchSize = 1_000, onProgress, afterCommit } = options;
  if (!Number.isSafeInteger(count) || count < 0)
    throw new RangeError(`count must be a whole number >= 0, got ${count}`);
  const started = performance.now();
  const rows = generateListings(seed);
  let done = 0;
  let inserted = 0;
  while (done < count) {
    const batch: ListingRow[] = [];
    while (batch.length < batchSize && done + batch.length < count)
      batch.push(rows.next().value as ListingRow);
    const written = await withTransaction(sequelize, (transaction) =>
      insertListingRows(sequelize, batch, transaction),
    );
    inserted += written;
    done += batch.length;
    await afterCommit?.();
    onProgress?.(done, count);
  }
  // Fresh statistics (and a visibility map for index-only counts) before anyone searches.
  if (inserted > 0) await sequelize.query('VACUUM (ANALYZE) listings');
  return { inserted, skipped: count - inserted, ms: performance.now() - started };
}

/** First start: fills an empty listings table with `count` demo listings; 0 when not empty. */
export async function seedDemoListingsIfEmpty(
  sequelize: Sequelize,
  count: number,
  options: Omit<SeedOptions, 'count'> = {},
): Promise<number> {
  if (count <= 0) return 0;
  const [row] = await sequelize.query<{ any: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM listings) AS any',
    {
      type: QueryTypes.SELECT,
    },
  );
  if (row?.any) return 0;
  return (await seedListings(sequelize, { ...options, count })).inserted;
}
