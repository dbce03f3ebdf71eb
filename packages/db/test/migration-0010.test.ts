import { createTestDatabase, type TestDatabase } from '@parley/testing';
import type { Sequelize } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSequelize, migrate } from '../src';
import { handoff } from '../src/migrations/0010_handoff';

let db: TestDatabase;
let sequelize: Sequelize;

beforeAll(async () => {
  db = await createTestDatabase('m0010');
  sequelize = createSequelize({ url: db.url, poolMax: 2 });
  await migrate(sequelize);
});
afterAll(async () => {
  await sequelize?.close();
  await db?.drop();
});

const columns = async (table: string) =>
  (
    await db.query<{ column_name: string }>(
      'SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY 1',
      [table],
    )
  ).map((r) => r.column_name);
const tables = async () =>
  (
    await db.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'inbox%' ORDER BY 1",
    )
  ).map((r) => r.table_name);

async function conversation() {
  const [user] = await db.query<{ id: string }>(
    `INSERT INTO users (id, email, name, password_hash)
     VALUES (gen_random_uuid(), gen_random_uuid() || '@example.com', 'm', 'x') RETURNING id`,
  );
  const [row] = await db.query<{ id: string; mode: string }>(
    `INSERT INTO conversations (id, user_id) VALUES (gen_random_uuid(), $1) RETURNING id, mode`,
    [user!.id],
  );
  return { userId: user!.id, ...row! };
}

describe('0010_handoff', () => {
  it('adds modes, agent sessions, authors and the inbox log, and takes them away again', async () => {
    const before = await conversation();
    expect(before.mode).toBe('assistant');
    expect(await tables()).toEqual(['inbox_events', 'inbox_state']);
    expect(await columns('conversations')).toEqual(
      expect.arrayContaining(['mode', 'assigned_agent_id', 'handoff_requested_at']),
    );
    const [state] = await db.query<{ event_seq: string }>('SELECT event_seq FROM inbox_state');
    expect(state?.event_seq).toBe('0');

    await handoff.down(sequelize);
    expect(await tables()).toEqual([]);
    expect(await columns('conversations')).not.toContain('mode');
    expect(await columns('sessions')).not.toContain('kind');
    expect(await columns('messages')).not.toContain('author');

    await handoff.up(sequelize);
    const [again] = await db.query<{ mode: string }>(
      'SELECT mode FROM conversations WHERE id = $1',
      [before.id],
    );
    expect(again?.mode).toBe('assistant');
  });

  it('refuses a mode or a session kind that does not exist, and a second inbox_state row', async () => {
    const { id } = await conversation();
    await expect(
      db.query("UPDATE conversations SET mode = 'bot' WHERE id = $1", [id]),
    ).rejects.toThrow(/check constraint/);
    await expect(db.query('INSERT INTO inbox_state (id) VALUES (false)')).rejects.toThrow(
      /check constraint/,
    );
    await expect(db.query('INSERT INTO inbox_state DEFAULT VALUES')).rejects.toThrow(/duplicate/);
  });
});
