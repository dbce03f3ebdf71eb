import type { Sequelize } from 'sequelize';
import type { Migration } from './types';

// feature_mask's bits (0004_listings_covering_indexes), frozen: a feature added later takes
// the next bit and a migration of its own adds that bit's statistics.
const FEATURE_BITS = 10;
const statistics = Array.from({ length: FEATURE_BITS }, (_, bit) => ({
  name: `listings_feature_bit_${bit}`,
  expression: `(feature_mask & ${2 ** bit})`,
}));

/** Expression statistics exist from PostgreSQL 14; before it the planner guesses as it did. */
async function supportsExpressionStatistics(sequelize: Sequelize): Promise<boolean> {
  const [rows] = await sequelize.query("SELECT current_setting('server_version_num')::int AS v");
  return Number((rows as { v: number }[])[0]?.v) >= 140_000;
}

/**
 * What a feature filter keeps. Without statistics PostgreSQL guesses that
 * `(feature_mask & 4) = 4` keeps 0.5% of the rows, where "with a pool" keeps about half:
 * for "villa with a pool in Bellapais" it then expected 5 rows, sorted the 2,256 villas of
 * the town read from the heap (98 ms, 2,261 pages) instead of walking the newest-first
 * covering index until six matched (0.5 ms, 12 pages). A statistic per bit gives it the
 * real share of each feature; searches test one bit per condition (listings/search.ts), so
 * a filter of several features is estimated bit by bit.
 */
export const listingsFeatureStatistics: Migration = {
  name: '0020_listings_feature_statistics',
  async up(sequelize) {
    if (!(await supportsExpressionStatistics(sequelize))) return;
    await sequelize.transaction(async (transaction) => {
      for (const { name, expression } of statistics) {
        await sequelize.query(
          `CREATE STATISTICS IF NOT EXISTS ${name} ON ${expression} FROM listings`,
          {
            transaction,
          },
        );
      }
      // Filled now rather than at autovacuum's next analyze (a fraction of a second for
      // 100,000 listings: ANALYZE reads a sample).
      await sequelize.query('ANALYZE listings', { transaction });
    });
  },
  async down(sequelize) {
    await sequelize.transaction(async (transaction) => {
      for (const { name } of statistics) {
        await sequelize.query(`DROP STATISTICS IF EXISTS ${name}`, { transaction });
      }
    });
  },
};
