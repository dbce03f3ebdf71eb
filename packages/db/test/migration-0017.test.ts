import { createTestDatabase, type TestDatabase } from '@parley/testing';
import type { Sequelize } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSequelize, migrate } from '../src';
import { inboxPruning } from '../src/migrations/0017_inbox_pruning';

let db: TestDatabase;
let sequelize: Sequelize;

beforeAll(async () => {
  db = await createTestDatabase('m0017');
  sequelize = createSequelize({ url: db.url, poolMax: 2 });
  await migrate(sequelize);
});
afterAll(async () => {
  await sequelize?.close();
  await db?.drop();
});

describe('0017_inbox_pruning', () => {
  it('adds the prune mark at 0 (nothing pruned yet), keeping the event counter; down removes it', async () => {
    await db.query('UPDATE inbox_state SET event_seq = 42');
    await inboxPruning.down(sequelize);
    expect(await db.query('SELECT * FROM inbox_state')).toEqual([{ id: true, event_seq: '42' }]);
    await inboxPruning.up(sequelize);
    expect(await db.query('SELECT * FROM inbox_state')).toEqual([
      { id: true, event_seq: '42', pruned_seq: '0' },
    ]);
  });
});
