import { randomUUID } from 'node:crypto';
import { pendingMigrations } from '@parley/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, httpClient, signUp, startTestServer, type TestServer } from './harness';

/**
 * Every mutation commits or rolls back as a whole, and the schema comes
 * from migrations with explicit defaults. Rows are read back over the test's own
 * connection, never through the server.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    label: 'transactions',
    env: { NODE_ENV: 'production', RATE_LIMIT_REGISTER_PER_IP_PER_HOUR: '1000' },
  });
  await server.db.query(`
    CREATE FUNCTION parley_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'injected failure on %', TG_TABLE_NAME;
    END $$`);
});
afterAll(() => server?.close());

/** Makes every INSERT into `table` fail inside PostgreSQL while `work` runs. */
async function withFailingInsert<T>(table: string, work: () => Promise<T>): Promise<T> {
  const trigger = `parley_test_fail_${table}`;
  await server.db.query(
    `CREATE TRIGGER ${trigger} BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION parley_test_fail()`,
  );
  try {
    return await work();
  } finally {
    await server.db.query(`DROP TRIGGER ${trigger} ON ${table}`);
  }
}

/** The error a client sees: INTERNAL, with a request id, and nothing from the database. */
function expectOpaqueInternal(error: Awaited<ReturnType<typeof errorOf>>, table: string) {
  expect(error.data.code).toBe('INTERNAL_SERVER_ERROR');
  expect(error.data.httpStatus).toBe(500);
  expect(error.data.requestId).toMatch(/^[\w.-]{8,64}$/);
  expect(error.message).toBe('Internal server error');
  // The procedure path (e.g. `sessions.create`) may be named; nothing else from the database.
  const wire = JSON.stringify(error).replaceAll(
    `"path":"${(error.data as { path?: string }).path}"`,
    '',
  );
  expect(wire).not.toMatch(/injected|INSERT|trigger|sequelize|stack|\.ts:/i);
  expect(wire).not.toContain(table);
  // The server logged the cause under the same request id.
  const logged = server.logs.find((l) => l.requestId === error.data.requestId && l.level === 50);
  expect(JSON.stringify(logged)).toContain(`injected failure on ${table}`);
}

async function userClient(label: string) {
  const user = await signUp(httpClient(server.url), label);
  return { user, http: httpClient(server.url, user.accessToken) };
}

async function countFor(userId: string) {
  const [row] = await server.db.query<{ conversations: string; sessions: string; secrets: string }>(
    `SELECT
       (SELECT count(*) FROM conversations WHERE user_id = $1) AS conversations,
       (SELECT count(*) FROM sessions WHERE user_id = $1) AS sessions,
       (SELECT count(*) FROM session_secrets s JOIN sessions ON sessions.id = s.session_id
         WHERE sessions.user_id = $1) AS secrets`,
    [userId],
  );
  return {
    conversations: Number(row?.conversations),
    sessions: Number(row?.sessions),
    secrets: Number(row?.secrets),
  };
}

describe('a mutation that fails midway leaves nothing behind', () => {
  for (const table of ['sessions', 'session_secrets']) {
    it(`sessions.create failing at its ${table} insert keeps neither conversation nor session`, async () => {
      const { user, http } = await userClient(`tx-${table}`);
      const error = await withFailingInsert(table, () =>
        errorOf(() => http.sessions.create.mutate({ endUserId: 'crm-1' })),
      );
      expectOpaqueInternal(error, table);
      expect(await countFor(user.user.id)).toEqual({ conversations: 0, sessions: 0, secrets: 0 });
      // Without the fault the same call writes all three rows.
      const created = await http.sessions.create.mutate({ endUserId: 'crm-1' });
      expect(await countFor(user.user.id)).toEqual({ conversations: 1, sessions: 1, secrets: 1 });
      const [row] = await server.db.query(
        'SELECT conversation_id, status FROM sessions WHERE id = $1',
        [created.session.id],
      );
      expect(row).toEqual({
        conversation_id: created.conversation.id,
        status: 'active',
      });
    });
  }

  it('sessions.create for an existing conversation leaves that conversation as it was', async () => {
    const { user, http } = await userClient('tx-existing');
    const conversation = await http.conversations.create.mutate({ title: 'keep me' });
    const before = await server.db.query('SELECT * FROM conversations WHERE id = $1', [
      conversation.id,
    ]);
    const error = await withFailingInsert('session_secrets', () =>
      errorOf(() => http.sessions.create.mutate({ conversationId: conversation.id })),
    );
    expectOpaqueInternal(error, 'session_secrets');
    expect(await countFor(user.user.id)).toEqual({ conversations: 1, sessions: 0, secrets: 0 });
    expect(
      await server.db.query('SELECT * FROM conversations WHERE id = $1', [conversation.id]),
    ).toEqual(before);
  });

  it('sessions.send failing at its event insert stores no message and moves no counter', async () => {
    const { http } = await userClient('tx-send');
    const { session, conversation } = await http.sessions.create.mutate({});
    const snapshot = () =>
      server.db.query(
        `SELECT c.message_count, c.title, c.last_message_at, c.event_seq, c.memory,
           s.last_activity_at,
           (SELECT count(*) FROM messages m WHERE m.conversation_id = c.id) AS messages,
           (SELECT count(*) FROM conversation_events e WHERE e.conversation_id = c.id) AS events
         FROM conversations c JOIN sessions s ON s.conversation_id = c.id WHERE s.id = $1`,
        [session.id],
      );
    const before = await snapshot();
    expect(before[0]).toMatchObject({ message_count: 0, title: null, messages: '0' });
    const clientMessageId = randomUUID();
    const error = await withFailingInsert('conversation_events', () =>
      errorOf(() =>
        http.sessions.send.mutate({
          sessionId: session.id,
          content: 'flat in Kyrenia',
          clientMessageId,
        }),
      ),
    );
    expectOpaqueInternal(error, 'conversation_events');
    expect(await snapshot()).toEqual(before);
    // The same send, retried once the fault is gone, goes through exactly once.
    const sent = await http.sessions.send.mutate({
      sessionId: session.id,
      content: 'flat in Kyrenia',
      clientMessageId,
    });
    expect(sent.userMessage.conversationId).toBe(conversation.id);
    const [after] = await snapshot();
    expect(after).toMatchObject({ message_count: 2, messages: '2', title: 'flat in Kyrenia' });
  });

  it('auth.register failing at its refresh token insert keeps no user', async () => {
    const anon = httpClient(server.url);
    const email = `tx-register-${randomUUID()}@example.com`;
    const error = await withFailingInsert('refresh_tokens', () =>
      errorOf(() =>
        anon.auth.register.mutate({ email, password: 'a sturdy passphrase', name: 'Tx' }),
      ),
    );
    expectOpaqueInternal(error, 'refresh_tokens');
    expect(await server.db.query('SELECT id FROM users WHERE email = $1', [email])).toEqual([]);
    // Nothing half-made blocks the email: the same registration now succeeds.
    const ok = await anon.auth.register.mutate({
      email,
      password: 'a sturdy passphrase',
      name: 'Tx',
    });
    expect(ok.user.email).toBe(email);
  });
});

describe('the schema comes from migrations with explicit defaults', () => {
  it('every migration is applied and recorded', async () => {
    const recorded = (
      await server.db.query<{ name: string }>('SELECT name FROM schema_migrations')
    ).map((r) => r.name);
    expect(recorded).toEqual(expect.arrayContaining(['0001_accounts', '0002_chat']));
    expect(await pendingMigrations(server.parley.services.db.sequelize)).toEqual([]);
  });

  it('sessions, conversations and messages have the defaults the code relies on', async () => {
    const columns = await server.db.query<{
      table_name: string;
      column_name: string;
      is_nullable: 'YES' | 'NO';
      column_default: string | null;
    }>(
      `SELECT table_name, column_name, is_nullable, column_default FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name = ANY($1)`,
      [['conversations', 'sessions', 'session_secrets', 'messages']],
    );
    const defaults = Object.fromEntries(
      columns.map((c) => [`${c.table_name}.${c.column_name}`, c.column_default]),
    );
    expect(defaults).toMatchObject({
      'conversations.metadata': "'{}'::jsonb",
      'conversations.archived': 'false',
      'conversations.message_count': '0',
      'conversations.activity_at': 'now()',
      'conversations.created_at': 'now()',
      'conversations.updated_at': 'now()',
      'sessions.status': "'active'::text",
      'sessions.last_activity_at': 'now()',
      'conversations.memory': "'{}'::jsonb",
      'conversations.memory_summary': "''::text",
      'conversations.event_seq': '0',
      'sessions.created_at': 'now()',
      'sessions.updated_at': 'now()',
      'session_secrets.created_at': 'now()',
      'messages.metadata': "'{}'::jsonb",
      'messages.created_at': 'now()',
      'messages.updated_at': 'now()',
    });
    // A NOT NULL column without a default must be one every insert sets (the seed-001 bug
    // was a new NOT NULL column nobody set). Adding one means adding a default, or listing
    // it here after checking every insert path.
    const alwaysSet = new Set([
      'conversations.id',
      'conversations.user_id',
      'sessions.id',
      'sessions.user_id',
      'sessions.conversation_id',
      'sessions.expires_at',
      'session_secrets.id',
      'session_secrets.session_id',
      'session_secrets.secret_hash',
      'session_secrets.expires_at',
      'messages.id',
      'messages.conversation_id',
      'messages.role',
      'messages.content',
    ]);
    const unguarded = columns
      .filter((c) => c.is_nullable === 'NO' && c.column_default === null)
      .map((c) => `${c.table_name}.${c.column_name}`)
      .filter((name) => !alwaysSet.has(name));
    expect(unguarded).toEqual([]);
  });

  it('a row given only its required columns gets every default from PostgreSQL', async () => {
    const { user } = await userClient('tx-defaults');
    const conversationId = randomUUID();
    const sessionId = randomUUID();
    const [conversation] = await server.db.query(
      'INSERT INTO conversations (id, user_id) VALUES ($1, $2) RETURNING *',
      [conversationId, user.user.id],
    );
    expect(conversation).toMatchObject({
      metadata: {},
      archived: false,
      message_count: 0,
      title: null,
      created_at: expect.any(Date),
      activity_at: expect.any(Date),
      memory: {},
      memory_summary: '',
      event_seq: '0',
    });
    const [session] = await server.db.query(
      `INSERT INTO sessions (id, user_id, conversation_id, expires_at)
       VALUES ($1, $2, $3, now() + interval '1 hour') RETURNING *`,
      [sessionId, user.user.id, conversationId],
    );
    expect(session).toMatchObject({
      status: 'active',
      ended_at: null,
      last_activity_at: expect.any(Date),
    });
    const [message] = await server.db.query(
      `INSERT INTO messages (id, conversation_id, role, content)
       VALUES ($1, $2, 'user', 'hello') RETURNING *`,
      [randomUUID(), conversationId],
    );
    expect(message).toMatchObject({ metadata: {}, session_id: null, created_at: expect.any(Date) });
    // And the API reads such a row back without trouble.
    const http = httpClient(server.url, user.accessToken);
    expect(await http.conversations.get.query({ id: conversationId })).toMatchObject({
      id: conversationId,
      archived: false,
      messageCount: 0,
    });
  });
});
