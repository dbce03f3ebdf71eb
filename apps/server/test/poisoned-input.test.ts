import { randomUUID } from 'node:crypto';
import type { ListingCreateInput } from '@parley/validators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, httpClient, signUp, startTestServer, type TestServer } from './harness';

/**
 * Keys and characters that cannot be stored and read back (prototype keys, NUL, lone
 * surrogates), edited cursors and script URLs: each is BAD_REQUEST naming the field, from
 * outside, and nothing is stored; what was stored before stays readable.
 */

let server: TestServer;
let token: string;
let userId: string;
beforeAll(async () => {
  server = await startTestServer({
    label: 'poisoned',
    env: { NODE_ENV: 'production', SEED_DEMO_LISTINGS: '20' },
  });
  const person = await signUp(httpClient(server.url), 'poison');
  token = person.accessToken;
  userId = person.user.id;
});
afterAll(() => server?.close());

/** A tRPC mutation with a hand-written body: the JSON text arrives exactly as written. */
async function rawMutation(path: string, inputJson: string) {
  const res = await fetch(`${server.url}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: `{"json":${inputJson}}`,
  });
  const text = await res.text();
  return { status: res.status, text, error: JSON.parse(text).error?.json };
}

async function counts() {
  const [row] = await server.db.query<{ conversations: number; messages: number }>(
    `SELECT (SELECT count(*)::int FROM conversations WHERE user_id = $1) AS conversations,
            (SELECT count(*)::int FROM messages m JOIN conversations c ON c.id = m.conversation_id
              WHERE c.user_id = $1) AS messages`,
    [userId],
  );
  return row!;
}

describe('stored JSON and text', () => {
  const poisons: [string, string, string][] = [
    ['__proto__ key', '{"metadata":{"__proto__":{"isAdmin":true}}}', 'metadata.__proto__'],
    ['constructor key', '{"metadata":{"constructor":{"prototype":1}}}', 'metadata.constructor'],
    [
      'nested prototype key',
      '{"metadata":{"a":{"b":[{"prototype":1}]}}}',
      'metadata.a.b.0.prototype',
    ],
    ['NUL in a value', '{"metadata":{"note":"a\\u0000b"}}', 'metadata.note'],
    ['lone surrogate in a value', '{"metadata":{"note":"\\ud800x"}}', 'metadata.note'],
    ['lone surrogate in a key', '{"metadata":{"\\udc00":1}}', 'metadata'],
    ['NUL in the title', '{"title":"hello\\u0000"}', 'title'],
  ];

  it('refuses them in conversations.create, naming the field, storing nothing', async () => {
    const before = await counts();
    for (const [what, input, field] of poisons) {
      const { status, error, text } = await rawMutation('conversations.create', input);
      expect(status, what).toBe(400);
      expect(error.data.code, what).toBe('BAD_REQUEST');
      expect(Object.keys(error.data.fieldErrors ?? {}), what).toContain(field);
      expect(text, what).not.toMatch(/TypeError|RangeError|Internal|invalid byte sequence/);
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses them in conversations.update and keeps the conversation readable', async () => {
    const client = httpClient(server.url, token);
    const conversation = await client.conversations.create.mutate({
      title: 'kept',
      metadata: { plan: 'gold' },
    });
    for (const [what, input, field] of poisons) {
      const withId = input.replace('{', `{"id":"${conversation.id}",`);
      const { status, error } = await rawMutation('conversations.update', withId);
      expect(status, what).toBe(400);
      expect(Object.keys(error.data.fieldErrors ?? {}), what).toContain(field);
    }
    const read = await client.conversations.get.query({ id: conversation.id });
    expect(read).toMatchObject({ title: 'kept', metadata: { plan: 'gold' } });
    expect((await client.conversations.list.query({})).items.length).toBeGreaterThan(0);
  });

  it('refuses prototype keys on the REST surface too', async () => {
    const before = await counts();
    for (const body of [
      '{"metadata":{"__proto__":{"isAdmin":true}}}',
      '{"metadata":{"a":{"constructor":1}}}',
      '{"metadata":{"note":"a\\u0000b"}}',
    ]) {
      const res = await fetch(`${server.url}/api/v1/conversations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      });
      expect(res.status, body).toBe(400);
      expect(await res.text(), body).toMatch(/metadata/);
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses NUL and lone surrogates in message content', async () => {
    const client = httpClient(server.url, token);
    const { session } = await client.sessions.create.mutate({});
    const before = await counts();
    for (const content of ['hi\\u0000there', 'broken \\ud83d', '\\ude00 tail']) {
      const input = `{"sessionId":"${session.id}","clientMessageId":"${randomUUID()}","content":"${content}"}`;
      const { status, error } = await rawMutation('sessions.send', input);
      expect(status, content).toBe(400);
      expect(Object.keys(error.data.fieldErrors ?? {}), content).toEqual(['content']);
    }
    expect(await counts()).toEqual(before);
    // A real emoji (a surrogate pair) is fine.
    const sent = await client.sessions.send.mutate({
      sessionId: session.id,
      clientMessageId: randomUUID(),
      content: 'flat in Girne 😀',
    });
    expect(sent).toBeTruthy();
  });
});

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('edited cursors', () => {
  const id = randomUUID();
  const cursors = [
    b64(['+275760-09-13T00:00:00.000Z', id]),
    b64(['-271821-04-20T00:00:00.000Z', id]),
    b64(['2024-13-45T00:00:00.000Z', id]),
    b64(['2024-02-30T00:00:00.000Z', id]),
    b64(['0000-01-01T00:00:00.000Z', id]), // JavaScript's year 0: PostgreSQL has none
    b64([1e308, id]),
    b64([8.64e15, 9.99e307]),
    b64(['2024-01-01T00:00:00.000Z', 'not-a-uuid']),
    b64(['2024-01-01T00:00:00.000Z', "x' OR 1=1 --"]),
    b64({ at: 1 }),
    b64([]),
    'not base64 at all!',
  ];

  it('answers every chat list with BAD_REQUEST naming cursor', async () => {
    const client = httpClient(server.url, token);
    const conversation = await client.conversations.create.mutate({ title: 'c' });
    for (const cursor of cursors) {
      for (const call of [
        () => client.conversations.list.query({ cursor }),
        () => client.sessions.list.query({ cursor }),
        () => client.conversations.messages.query({ conversationId: conversation.id, cursor }),
      ]) {
        const error = await errorOf(call);
        expect(error.data.code, cursor).toBe('BAD_REQUEST');
        expect(Object.keys(error.data.fieldErrors ?? {}), cursor).toEqual(['cursor']);
      }
    }
  });

  it('answers listings.search with BAD_REQUEST naming cursor', async () => {
    const client = httpClient(server.url, token);
    const edited = [
      ...cursors,
      b64(['n', '2024-13-45T99:99:99.000000Z', id, 'q']),
      b64(['r', '1e999', id, 'q']),
      b64(['r', '9'.repeat(400), id, 'q']),
      b64(['pa', '99999999999999999999.00', id, 'q']),
    ];
    // A real cursor of the search, its key edited to what PostgreSQL's column cannot hold.
    const real = async (sort: 'newest' | 'relevance') => {
      const page = await client.listings.search.query({ sort, q: 'Girne', limit: 1 });
      const [code, , last, query] = JSON.parse(
        Buffer.from(page.nextCursor!, 'base64url').toString(),
      ) as string[];
      return { code, last, query };
    };
    const newest = await real('newest');
    const relevance = await real('relevance');
    for (const [cursor, sort] of [
      [b64([newest.code, '0000-01-01T00:00:00.000000Z', newest.last, newest.query]), 'newest'],
      [b64([relevance.code, '1e-50', relevance.last, relevance.query]), 'relevance'],
      [b64([relevance.code, '1e-39', relevance.last, relevance.query]), 'relevance'],
    ] as const) {
      const error = await errorOf(() =>
        client.listings.search.query({ cursor, sort, q: 'Girne', limit: 1 }),
      );
      expect(error.data.code, cursor).toBe('BAD_REQUEST');
      expect(Object.keys(error.data.fieldErrors ?? {}), cursor).toEqual(['cursor']);
    }
    for (const cursor of edited) {
      for (const sort of ['newest', 'relevance', 'price_asc'] as const) {
        const error = await errorOf(() => client.listings.search.query({ cursor, sort, q: 'x' }));
        expect(error.data.code, cursor).toBe('BAD_REQUEST');
        expect(Object.keys(error.data.fieldErrors ?? {}), cursor).toEqual(['cursor']);
      }
    }
  });
});

describe('listing images', () => {
  it('accepts https and own paths only', async () => {
    await server.db.query(`UPDATE users SET role = 'agent' WHERE id = $1`, [userId]);
    await new Promise((r) => setTimeout(r, 1_100)); // roles are believed for a second
    const client = httpClient(server.url, token);
    const listing = {
      title: 'Flat with a view',
      description: 'Two bedrooms.',
      location: 'Girne',
      rentType: 'long_term',
      propertyType: 'apartment',
      bedrooms: 2,
      bathrooms: 1,
      areaSqm: 80,
      price: 800,
    } satisfies ListingCreateInput;
    for (const image of [
      'javascript:alert(document.cookie)',
      'JavaScript:alert(1)',
      'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=',
      'http://example.com/a.jpg',
      '//evil.example/a.jpg',
      'vbscript:msgbox(1)',
    ]) {
      const error = await errorOf(() =>
        client.listings.create.mutate({ ...listing, images: ['https://ok.example/a.jpg', image] }),
      );
      expect(error.data.code, image).toBe('BAD_REQUEST');
      expect(Object.keys(error.data.fieldErrors ?? {}), image).toEqual(['images.1']);
    }
    const [row] = await server.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM listings WHERE created_by = $1',
      [userId],
    );
    expect(row?.n).toBe(0);
    const created = await client.listings.create.mutate({
      ...listing,
      images: ['https://cdn.example/a.jpg', '/media/b.jpg'],
    });
    expect(created.images).toEqual(['https://cdn.example/a.jpg', '/media/b.jpg']);
    const error = await errorOf(() =>
      client.listings.update.mutate({ id: created.id, images: ['javascript:alert(1)'] }),
    );
    expect(Object.keys(error.data.fieldErrors ?? {})).toEqual(['images.0']);
  });
});
