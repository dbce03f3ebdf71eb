import { createTestDatabase, type TestDatabase } from '@parley/testing';
import type { Sequelize, Transaction } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSequelize, isTransactionConflict, withTransaction } from '../src';

/**
 * Two transactions that lock the same two rows in opposite orders deadlock for real in
 * PostgreSQL; it aborts one of them (40P01). withTransaction runs the aborted one again,
 * so both callers succeed instead of one answering 500.
 */

let db: TestDatabase;
let sequelize: Sequelize;

beforeAll(async () => {
  db = await createTestDatabase('transaction-retry');
  sequelize = createSequelize({ url: db.url, poolMax: 4 });
  await sequelize.query('CREATE TABLE pair (id int PRIMARY KEY, n int NOT NULL DEFAULT 0)');
  await sequelize.query('INSERT INTO pair (id) VALUES (1), (2)');
});

afterAll(async () => {
  await sequelize?.close();
  await db?.drop();
});

/** Resolves once both sides hold their first lock, so each then waits on the other. */
function barrier(parties: number) {
  let arrived = 0;
  let release!: () => void;
  const all = new Promise<void>((resolve) => {
    release = resolve;
  });
  return async () => {
    arrived += 1;
    if (arrived >= parties) release();
    await all;
  };
}

async function bump(transaction: Transaction, id: number) {
  await sequelize.query('UPDATE pair SET n = n + 1 WHERE id = $1', { bind: [id], transaction });
}

describe('withTransaction', () => {
  it('runs a transaction aborted by a deadlock again, so both sides commit', async () => {
    const bothLocked = barrier(2);
    let attempts = 0;
    const opposite = (first: number, second: number) =>
      withTransaction(sequelize, async (transaction) => {
        attempts += 1;
        await bump(transaction, first);
        // Only the first attempts meet; a retry runs alone.
        if (attempts <= 2) await bothLocked();
        await bump(transaction, second);
        return 'ok';
      });
    const results = await Promise.allSettled([opposite(1, 2), opposite(2, 1)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(attempts).toBeGreaterThanOrEqual(3);
    const [rows] = await sequelize.query('SELECT id, n FROM pair ORDER BY id');
    expect(rows).toEqual([
      { id: 1, n: 2 },
      { id: 2, n: 2 },
    ]);
  });

  it('does not run again what failed for another reason', async () => {
    let attempts = 0;
    await expect(
      withTransaction(sequelize, async (transaction) => {
        attempts += 1;
        await sequelize.query('SELECT 1/0', { transaction });
      }),
    ).rejects.toThrow(/division by zero/);
    expect(attempts).toBe(1);
  });

  it('knows a deadlock and a serialization failure from other errors', () => {
    expect(isTransactionConflict({ parent: { code: '40P01' } })).toBe(true);
    expect(isTransactionConflict({ original: { code: '40001' } })).toBe(true);
    expect(isTransactionConflict({ parent: { code: '23505' } })).toBe(false);
    expect(isTransactionConflict(new Error('x'))).toBe(false);
    expect(isTransactionConflict(null)).toBe(false);
  });
});
