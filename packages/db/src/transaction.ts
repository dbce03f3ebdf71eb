import { setTimeout as sleep } from 'node:timers/promises';
import type { Sequelize, Transaction } from 'sequelize';

/** How often a transaction PostgreSQL aborted for a conflict is tried again. */
export const TRANSACTION_ATTEMPTS = 4;

// 40P01 deadlock_detected, 40001 serialization_failure: PostgreSQL rolled the whole
// transaction back and says running it again may succeed.
const RETRYABLE_CODES = new Set(['40P01', '40001']);

/** True when PostgreSQL aborted a transaction only because it conflicted with another. */
export function isTransactionConflict(error: unknown): boolean {
  const e = error as { parent?: { code?: unknown }; original?: { code?: unknown }; code?: unknown };
  const code = e?.parent?.code ?? e?.original?.code ?? e?.code;
  return typeof code === 'string' && RETRYABLE_CODES.has(code);
}

/**
 * Runs `work` in one managed transaction: it commits when `work` resolves and rolls
 * back as a whole when it throws. Every mutation goes through here so nothing is
 * half-written. A deadlock or serialization failure rolled everything back, so the
 * whole of `work` runs again (after a short random pause that lets the other side
 * finish) instead of answering 500; `work` must therefore only touch the database
 * through `transaction`.
 */
export async function withTransaction<T>(
  sequelize: Sequelize,
  work: (transaction: Transaction) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await sequelize.transaction((transaction) => work(transaction));
    } catch (error) {
      if (attempt >= TRANSACTION_ATTEMPTS || !isTransactionConflict(error)) throw error;
      await sleep(Math.round(5 * attempt + Math.random() * 20 * attempt));
    }
  }
}
