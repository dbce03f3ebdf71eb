import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient, signUp, startTestServer, type TestServer } from './harness';

/**
 * Cursor pages over rows PostgreSQL stamped itself (`clock_timestamp()`, as alerts posted
 * into a conversation are): every row once, and the walk ends. A cursor holds the last
 * row's time to the millisecond; rows stamped to the microsecond came back page after page.
 */
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ label: 'paging', env: { SEED_DEMO_LISTINGS: '0' } });
});
afterAll(async () => {
  await server?.close();
});

describe('cursor pages', () => {
  it('give each message of a conversation once, also when many share one millisecond', async () => {
    const user = await signUp(httpClient(server.url), 'paging');
    const client = httpClient(server.url, user.accessToken);
    const { conversation } = await client.sessions.create.mutate({});
    await server.db.query(
      `INSERT INTO messages (id, conversation_id, role, content, metadata, created_at, updated_at)
       SELECT gen_random_uuid(), $1, 'system', 'line ' || n, '{}'::jsonb,
              clock_timestamp(), clock_timestamp()
         FROM generate_series(1, 60) AS n`,
      [conversation.id],
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 30; page++) {
      const result = await client.conversations.messages.query({
        conversationId: conversation.id,
        limit: 7,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...result.items.map((m) => m.id));
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    expect(cursor).toBeNull();
    expect(seen).toHaveLength(60);
    expect(new Set(seen).size).toBe(60);
  });

  it('keep every time a list is paged by to the millisecond', async () => {
    const columns = await server.db.query<{ name: string; precision: number }>(
      `SELECT table_name || '.' || column_name AS name, datetime_precision AS precision
         FROM information_schema.columns
        WHERE table_schema = 'public'
          AND (table_name, column_name) IN (('users', 'created_at'), ('sessions', 'created_at'),
               ('conversations', 'activity_at'), ('conversations', 'handoff_requested_at'),
               ('messages', 'created_at'), ('runs', 'created_at'),
               ('saved_searches', 'created_at'), ('favorites', 'created_at'),
               ('webhook_deliveries', 'created_at'))
        ORDER BY 1`,
    );
    expect(columns).toHaveLength(9);
    for (const column of columns) expect(column).toEqual({ name: column.name, precision: 3 });
  });
});
