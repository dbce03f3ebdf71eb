import type { Sequelize, Transaction } from 'sequelize';

/**
 * Runs `work` in one managed transaction: it commits when `work` resolves and rolls
 * back as a whole when it throws. Every mutation goes through here so nothing is
 * half-written (LESSONS row 4: a flush without a commit).
 */
export function withTransaction<T>(
  sequelize: Sequelize,
  work: (transaction: Transaction) => Promise<T>,
): Promise<T> {
  return sequelize.transaction((transaction) => work(transaction));
}
