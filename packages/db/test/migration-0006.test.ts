import { createTestDatabase, type TestDatabase } from '@parley/testing';
import { QueryTypes, type Sequelize } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSequelize } from '../src';
import { migrations } from '../src/migrations';

/**
 * 0006 moves each session's events and memory to its conversation. Two sessions of one
 * conversation with interleaved events must merge into one ordered stream where every
 * event's new id is at least its old one (a client resuming with an old id loses nothing),
 * memory comes from the most recently active session, and down gives each session its
 * own events back.
 */

let db: TestDatabase;
let sequelize: Sequelize;
const target = migrations.findIndex((m) => m.name === '0006_conversation_live');

const ids = {
  user: '00000000-0000-4000-8000-000000000001',
  conversation: '00000000-0000-4000-8000-000000000010',
  quiet: '00000000-0000-4000-8000-000000000011',
  a: '00000000-0000-4000-8000-000000000020',
  b: '00000000-0000-4000-8000-000000000021',
  c: '00000000-0000-4000-8000-000000000022',
};

const q = <T extends object>(sql: string, bind: unknown[] = []) =>
  sequelize.query<T>(sql, { bind, type: QueryTypes.SELECT });

function payload(type: string, n: number) {
  return JSON.stringify({ json: { type, n } });
}

beforeAll(async () => {
  db = await createTestDatabase('migration-0006');
  sequelize = createSequelize({ url: db.url, poolMax: 2 });
  for (const m of migrations.slice(0, target)) await m.up(sequelize);
  await sequelize.query(
    `INSERT INTO users (id, email, password_hash, name) VALUES ($1, 'm@example.com', 'x', 'M')`,
    { bind: [ids.user] },
  );
  for (const c of [ids.conversation, ids.quiet]) {
    await sequelize.query('INSERT INTO conversations (id, user_id) VALUES ($1, $2)', {
      bind: [c, ids.user],
    });
  }
  const session = (id: string, conversation: string, activity: string, memory: object) =>
    sequelize.query(
      `INSERT INTO sessions (id, user_id, conversation_id, expires_at, last_activity_at, memory,
                             memory_summary, event_seq)
       VALUES ($1, $2, $3, now() + interval '1 hour', $4, $5, $6, 0)`,
      {
        bind: [
          id,
          ids.user,
          conversation,
          activity,
          JSON.stringify(memory),
          JSON.stringify(memory),
        ],
      },
    );
  await session(ids.a, ids.conversation, '2026-01-01T10:00:00Z', { area: 'Esentepe' });
  await session(ids.b, ids.conversation, '2026-01-01T11:00:00Z', { area: 'Esentepe', pool: true });
  await session(ids.c, ids.quiet, '2026-01-01T09:00:00Z', {});
  // a: 1@10:00 2@10:02 3@10:04(ended); b: 1@10:01 2@10:03 — interleaved in time.
  const event = (session: string, seq: number, type: string, at: string) =>
    sequelize.query(
      `INSERT INTO session_events (session_id, seq, type, payload, created_at)
       VALUES ($1, $2, $3, $4, $5)`,
      { bind: [session, seq, type, payload(type, seq), at] },
    );
  await event(ids.a, 1, 'message.created', '2026-01-01T10:00:00Z');
  await event(ids.b, 1, 'message.created', '2026-01-01T10:01:00Z');
  await event(ids.a, 2, 'assistant.completed', '2026-01-01T10:02:00Z');
  await event(ids.b, 2, 'assistant.completed', '2026-01-01T10:03:00Z');
  await event(ids.a, 3, 'session.ended', '2026-01-01T10:04:00Z');
  await sequelize.query('UPDATE sessions SET event_seq = 3 WHERE id = $1', { bind: [ids.a] });
  await sequelize.query('UPDATE sessions SET event_seq = 2 WHERE id = $1', { bind: [ids.b] });
});

afterAll(async () => {
  await sequelize?.close();
  await db?.drop();
});

interface EventRow {
  seq: string;
  type: string;
  session_id: string;
  payload: { json: { n: number; sessionId?: string } };
}

describe('migration 0006: the conversation is the live unit', () => {
  it('up merges the sessions’ events in order, keeps memory, loses nothing', async () => {
    await migrations[target]!.up(sequelize);
    const events = await q<EventRow>(
      'SELECT seq, type, session_id, payload FROM conversation_events WHERE conversation_id = $1 ORDER BY seq',
      [ids.conversation],
    );
    expect(events.map((e) => [Number(e.seq), e.session_id, e.payload.json.n])).toEqual([
      [1, ids.a, 1],
      [2, ids.b, 1],
      [3, ids.a, 2],
      [4, ids.b, 2],
      [5, ids.a, 3],
    ]);
    // New ids are never smaller than old ones: resuming with an old id misses nothing.
    for (const e of events) expect(Number(e.seq)).toBeGreaterThanOrEqual(e.payload.json.n);
    expect(events[4]!.payload.json.sessionId).toBe(ids.a);
    const [conversation] = await q<{ event_seq: string; memory: object }>(
      'SELECT event_seq, memory FROM conversations WHERE id = $1',
      [ids.conversation],
    );
    expect(Number(conversation!.event_seq)).toBe(5);
    expect(conversation!.memory).toEqual({ area: 'Esentepe', pool: true });
    const [quiet] = await q<{ event_seq: string; memory: object }>(
      'SELECT event_seq, memory FROM conversations WHERE id = $1',
      [ids.quiet],
    );
    expect(quiet).toEqual({ event_seq: '0', memory: {} });
    const runs = await q<{ n: string }>('SELECT count(*) AS n FROM runs');
    expect(runs[0]!.n).toBe('0');
  });

  it('down gives each session its events and the memory back; up again is the same', async () => {
    await migrations[target]!.down(sequelize);
    const events = await q<{ session_id: string; seq: string; payload: EventRow['payload'] }>(
      'SELECT session_id, seq, payload FROM session_events ORDER BY session_id, seq',
    );
    expect(events.map((e) => [e.session_id, Number(e.seq), e.payload.json.n])).toEqual([
      [ids.a, 1, 1],
      [ids.a, 2, 2],
      [ids.a, 3, 3],
      [ids.b, 1, 1],
      [ids.b, 2, 2],
    ]);
    expect(events[2]!.payload.json.sessionId).toBeUndefined();
    const sessions = await q<{ id: string; event_seq: string; memory: object }>(
      'SELECT id, event_seq, memory FROM sessions ORDER BY id',
    );
    expect(sessions.map((s) => [s.id, Number(s.event_seq)])).toEqual([
      [ids.a, 3],
      [ids.b, 2],
      [ids.c, 0],
    ]);
    expect(sessions[0]!.memory).toEqual({ area: 'Esentepe', pool: true });
    await migrations[target]!.up(sequelize);
    const again = await q<{ n: string }>('SELECT count(*) AS n FROM conversation_events');
    expect(again[0]!.n).toBe('5');
  });
});
