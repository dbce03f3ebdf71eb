import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { matchListings } from '@parley/api';
import type { Alert, AlertEvent, ConversationEvent } from '@parley/validators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAlertEvents, recordConversationEvents } from './events';
import { errorOf, httpClient, signUp, startTestServer, type TestServer, wsClient } from './harness';

/**
 * Saved searches and what they find, through the real server: the procedures over HTTP
 * and WebSocket, alerts made by the matcher the job engine runs (called here as a job
 * would call it), rows read back over the test's own connection.
 */
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ label: 'searches' });
});
afterAll(() => server?.close());

async function person(label = 'person') {
  const signed = await signUp(httpClient(server.url), label);
  return { ...signed, client: httpClient(server.url, signed.accessToken) };
}

const flat = {
  title: 'Harbour flat with a view',
  description: 'Two bedrooms over the old harbour.',
  location: 'Girne',
  rent_type: 'long_term',
  property_type: 'apartment',
  bedrooms: 2,
  bathrooms: 1,
  area_sqm: 80,
  price: 900,
  features: ['balcony'],
};

/** A listing written straight into the table, as psql or another tool would. */
async function insertListing(fields: Partial<typeof flat> = {}): Promise<string> {
  const row = { ...flat, ...fields };
  const district = row.location === 'Lefkoşa' ? 'Lefkoşa' : 'Girne';
  const [inserted] = await server.db.query<{ id: string }>(
    `INSERT INTO listings (id, title, description, location, district, rent_type, property_type,
       bedrooms, bathrooms, area_sqm, price, features)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      row.title,
      row.description,
      row.location,
      district,
      row.rent_type,
      row.property_type,
      row.bedrooms,
      row.bathrooms,
      row.area_sqm,
      row.price,
      row.features,
    ],
  );
  return inserted!.id;
}

const services = () => server.parley.services;

describe('searches', () => {
  it('creates, lists, renames, pauses and deletes, newest first, in pages', async () => {
    const a = await person('a');
    const first = await a.client.searches.create.mutate({
      query: { location: 'Kyrenia', minBedrooms: 2, maxPrice: 1000, rentType: 'long_term' },
    });
    expect(first).toMatchObject({
      query: { location: 'Kyrenia', minBedrooms: 2, maxPrice: 1000, rentType: 'long_term' },
      conversationId: null,
      paused: false,
      lastAlertAt: null,
    });
    expect(first.name.length).toBeGreaterThan(3);
    const second = await a.client.searches.create.mutate({
      name: 'Villas',
      query: { location: 'Girne', propertyType: 'villa' },
    });
    const page1 = await a.client.searches.list.query({ limit: 1 });
    expect(page1.items.map((s) => s.id)).toEqual([second.id]);
    const page2 = await a.client.searches.list.query({ limit: 1, cursor: page1.nextCursor });
    expect(page2.items.map((s) => s.id)).toEqual([first.id]);
    expect(page2.nextCursor).toBeNull();

    const renamed = await a.client.searches.update.mutate({ id: first.id, name: 'Girne flats' });
    expect(renamed).toMatchObject({ name: 'Girne flats', paused: false });
    const paused = await a.client.searches.update.mutate({ id: first.id, paused: true });
    expect(paused).toMatchObject({ name: 'Girne flats', paused: true });

    // Saving the same search again, even several times at once, keeps the one there is.
    const again = await Promise.all(
      Array.from({ length: 5 }, () =>
        a.client.searches.create.mutate({ query: { location: 'Girne', propertyType: 'villa' } }),
      ),
    );
    expect(again.map((s) => s.id)).toEqual(Array(5).fill(second.id));
    expect((await a.client.searches.list.query({})).items).toHaveLength(2);
    // So is the same search written another way: a town's other name, features reordered.
    const byOneName = await a.client.searches.create.mutate({
      query: { location: 'Kyrenia', rentType: 'long_term', features: ['pool', 'sea_view'] },
    });
    const byTheOther = await a.client.searches.create.mutate({
      query: { location: 'Girne', rentType: 'long_term', features: ['sea_view', 'pool'] },
    });
    expect(byTheOther.id).toBe(byOneName.id);
    // A different search is not.
    const elsewhere = await a.client.searches.create.mutate({
      query: { location: 'Lapta', rentType: 'long_term', features: ['sea_view', 'pool'] },
    });
    expect(elsewhere.id).not.toBe(byOneName.id);
    for (const id of [byOneName.id, elsewhere.id]) await a.client.searches.delete.mutate({ id });

    // Another person sees none of it.
    const b = await person('b');
    expect((await b.client.searches.list.query({})).items).toEqual([]);
    expect((await errorOf(() => b.client.searches.delete.mutate({ id: first.id }))).data.code).toBe(
      'NOT_FOUND',
    );
    expect(await a.client.searches.delete.mutate({ id: first.id })).toEqual({ ok: true });
    expect((await a.client.searches.list.query({})).items.map((s) => s.id)).toEqual([second.id]);
  });

  it('names the field of a bad query, and refuses a conversation that is not yours', async () => {
    const a = await person();
    const unknown = await errorOf(() =>
      a.client.searches.create.mutate({ query: { location: 'Atlantis' } }),
    );
    expect(unknown.data.code).toBe('BAD_REQUEST');
    expect(unknown.data.fieldErrors).toHaveProperty(['query.location']);
    const empty = await errorOf(() => a.client.searches.create.mutate({ query: {} }));
    expect(empty.data.fieldErrors).toHaveProperty(['query']);
    const upside = await errorOf(() =>
      a.client.searches.create.mutate({ query: { minPrice: 900, maxPrice: 100 } }),
    );
    expect(upside.data.fieldErrors).toHaveProperty(['query.minPrice']);
    const badId = await errorOf(() => a.client.searches.update.mutate({ id: 'undefined' }));
    expect(badId.data.fieldErrors).toHaveProperty(['id']);

    const b = await person();
    const theirs = await b.client.conversations.create.mutate({ title: 'b' });
    const refused = await errorOf(() =>
      a.client.searches.create.mutate({ query: { location: 'Girne' }, conversationId: theirs.id }),
    );
    expect(refused.data.code).toBe('NOT_FOUND');
  });
});

/** Waits until `check` holds, reading again every 100 ms (for work another process does). */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, ms = 15_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('alerts through the job engine', () => {
  it('alerts once for a listing written by psql, and once for its price drop through the API', async () => {
    const a = await person();
    const search = await a.client.searches.create.mutate({
      query: { location: 'Girne', maxPrice: 1000, rentType: 'long_term' },
    });
    const id = await insertListing({ title: 'Written by psql' });
    const one = await eventually(
      () => a.client.alerts.list.query({}),
      (page) => page.items.length >= 1,
    );
    expect(one.items.map((x) => [x.savedSearchId, x.reason, x.listing.id])).toEqual([
      [search.id, 'new', id],
    ]);

    // An agent lowers the price through the API; raising it again alerts nobody.
    const agent = await signUp(httpClient(server.url), 'agent');
    await server.db.query(`UPDATE users SET role = 'agent' WHERE id = $1`, [agent.user.id]);
    await server.db.query('UPDATE listings SET created_by = $1 WHERE id = $2', [agent.user.id, id]);
    const again = await httpClient(server.url).auth.login.mutate({
      email: agent.email,
      password: agent.password,
    });
    const writer = httpClient(server.url, again.accessToken);
    await writer.listings.update.mutate({ id, price: 850 });
    await writer.listings.update.mutate({ id, price: 870 });
    const two = await eventually(
      () => a.client.alerts.list.query({}),
      (page) => page.items.length >= 2,
    );
    expect(two.items.map((x) => [x.reason, x.previousPrice])).toEqual([
      ['price_drop', '900.00'],
      ['new', null],
    ]);
    // Every job has finished, and nothing more came of them.
    await eventually(
      () =>
        server.db.query(
          `SELECT 1 FROM graphile_worker.jobs WHERE task_identifier = 'alerts.match' AND run_at <= now()`,
        ),
      (rows) => rows.length === 0,
    );
    expect((await a.client.alerts.list.query({})).items).toHaveLength(2);
  });
});

describe('alerts', () => {
  it('alerts once per search, listing and reason: new, then a price drop, never twice', async () => {
    // Listed before the searches exist: the engine's own job for them alerts nobody here.
    const id = await insertListing();
    const miss = await insertListing({ bedrooms: 1 });
    const a = await person();
    const search = await a.client.searches.create.mutate({
      query: { location: 'Kyrenia', minBedrooms: 2, maxPrice: 1000, propertyType: 'apartment' },
    });
    const paused = await a.client.searches.create.mutate({ query: { location: 'Girne' } });
    await a.client.searches.update.mutate({ id: paused.id, paused: true });
    const elsewhere = await a.client.searches.create.mutate({ query: { location: 'Lefkoşa' } });

    const job = { reason: 'new', at: new Date(), listings: [{ id }, { id: miss }] };
    expect(await matchListings(services(), job)).toBeGreaterThanOrEqual(1);
    // The same job again (a retry, a second instance): nothing new.
    expect(await matchListings(services(), job)).toBe(0);

    let page = await a.client.alerts.list.query({});
    expect(page.unread).toBe(1);
    expect(page.lastEventId).toBe('1');
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      savedSearchId: search.id,
      reason: 'new',
      previousPrice: null,
      read: false,
      listing: { id, price: 900, location: 'Girne' },
    });

    // The engine's job for this drop and this call race: one of them stores the alert.
    await server.db.query('UPDATE listings SET price = 850 WHERE id = $1', [id]);
    const drop = { reason: 'price_drop', at: new Date(), listings: [{ id, previousPrice: '900' }] };
    await matchListings(services(), drop);
    expect(await matchListings(services(), drop)).toBe(0);
    page = await a.client.alerts.list.query({});
    expect(page.items.map((x) => [x.reason, x.previousPrice, x.listing.price])).toEqual([
      ['price_drop', '900.00', 850],
      // An alert shows the listing as it is now.
      ['new', null, 850],
    ]);
    expect(page.unread).toBe(2);
    const rows = await server.db.query(
      'SELECT saved_search_id FROM alerts WHERE saved_search_id = ANY($1)',
      [[paused.id, elsewhere.id]],
    );
    expect(rows).toEqual([]);
    const [stamped] = (await a.client.searches.list.query({})).items.filter(
      (s) => s.id === search.id,
    );
    expect(stamped?.lastAlertAt).toBeInstanceOf(Date);

    // Read marks: some, then all; another person's ids change nothing.
    const b = await person();
    expect(await b.client.alerts.markRead.mutate({ ids: [page.items[0]!.id] })).toEqual({
      unread: 0,
    });
    expect(await a.client.alerts.markRead.mutate({ ids: [page.items[0]!.id] })).toEqual({
      unread: 1,
    });
    expect(
      (await a.client.alerts.list.query({ unreadOnly: true })).items.map((x) => x.reason),
    ).toEqual(['new']);
    expect(await a.client.alerts.markRead.mutate({ all: true })).toEqual({ unread: 0 });
    const paged = await a.client.alerts.list.query({ limit: 1 });
    const rest = await a.client.alerts.list.query({ limit: 1, cursor: paged.nextCursor });
    expect([...paged.items, ...rest.items].map((x) => x.reason)).toEqual(['price_drop', 'new']);
    expect(rest.nextCursor).toBeNull();
  });

  it('matches exactly what listings.search finds for the same query', async () => {
    const id = await insertListing({ title: 'Harbour flat', price: 900 });
    const a = await person();
    const queries = [
      { location: 'Girne', features: ['balcony' as const] },
      { location: 'Girne', features: ['pool' as const] },
      { location: 'Girne', q: 'harbour', rentType: 'long_term' as const },
      { location: 'Girne', q: 'castle' },
      { location: 'Girne', excludeLocations: ['Kyrenia'], propertyType: 'apartment' as const },
      { location: 'Girne', excludeLocations: ['Lapta'], propertyType: 'apartment' as const },
      { location: 'Kyrenia', minPrice: 900, maxPrice: 900 },
      { location: 'Girne', maxBedrooms: 1 },
    ];
    const searches = [];
    for (const query of queries) searches.push(await a.client.searches.create.mutate({ query }));
    await matchListings(services(), { reason: 'new', at: new Date(), listings: [{ id }] });
    const alerted = new Set(
      (await a.client.alerts.list.query({})).items.map((x) => x.savedSearchId),
    );
    for (const [i, query] of queries.entries()) {
      const found = await a.client.listings.search.query({ ...query, limit: 100 });
      const listed = found.items.some((l) => l.id === id);
      expect([query, alerted.has(searches[i]!.id)]).toEqual([query, listed]);
    }
    expect(alerted.size).toBe(4);
  });

  it('streams alerts live and resumes from lastEventId without losing or repeating one', async () => {
    const a = await person();
    await a.client.searches.create.mutate({ query: { location: 'Girne' } });
    const ws = wsClient(server.url, a.accessToken);
    const live = recordAlertEvents(ws.client);
    await live.started();
    const first = await insertListing();
    await matchListings(services(), { reason: 'new', at: new Date(), listings: [{ id: first }] });
    await live.until(() => live.received.length === 1);
    const event = live.received[0]!.event as unknown as AlertEvent;
    expect(event.type).toBe('alert.created');
    expect(event.alert.listing.id).toBe(first);
    expect(event.alert.createdAt).toBeInstanceOf(Date);
    const lastId = live.received[0]!.id;
    live.stop();

    // Two alerts while away; resuming over SSE from the last id gets exactly those.
    const more = [await insertListing(), await insertListing()];
    await matchListings(services(), {
      reason: 'new',
      at: new Date(),
      listings: more.map((id) => ({ id })),
    });
    const resumed = recordAlertEvents(a.client, lastId);
    await resumed.until(() => resumed.received.length === 2);
    // One match makes both alerts at once, in no promised order: both, each once.
    const ids = resumed.received.map((r) => (r.event as unknown as AlertEvent).alert.listing.id);
    expect([...ids].sort()).toEqual([...more].sort());
    const seqs = resumed.received.map((r) => Number(r.id));
    expect(seqs[0]).toBeGreaterThan(Number(lastId));
    expect(seqs[1]).toBeGreaterThan(seqs[0]!);
    resumed.stop();
    // An id past the feed's latest was never sent: refused, not a silent skip of what follows.
    const ahead = recordAlertEvents(a.client, String(seqs[1]! + 1));
    await ahead.until(() => ahead.errors.length > 0);
    expect(ahead.errors[0]).toMatchObject({ data: { code: 'BAD_REQUEST' } });
    ahead.stop();
    await ws.close();
  });

  it('posts the alert in the conversation the search was saved from, live', async () => {
    const a = await person();
    const conversation = await a.client.conversations.create.mutate({ title: 'flat hunt' });
    await a.client.searches.create.mutate({
      query: { location: 'Girne', rentType: 'long_term' },
      conversationId: conversation.id,
    });
    const events = recordConversationEvents(a.client, conversation.id);
    await events.started();
    const id = await insertListing();
    await matchListings(services(), { reason: 'new', at: new Date(), listings: [{ id }] });
    await events.until(() => events.received.some((r) => r.event.type === 'message.created'));
    const created = events.received.find((r) => r.event.type === 'message.created')!
      .event as Extract<ConversationEvent, { type: 'message.created' }>;
    expect(created.message.role).toBe('system');
    // Priced as its card is: a monthly rent says so.
    expect(created.message.content).toContain('Harbour flat with a view, £900/month.');
    const metadata = created.message.metadata as {
      alert: Pick<Alert, 'id' | 'reason'>;
      recommendations: { id: string; createdAt: Date }[];
    };
    expect(metadata.alert.reason).toBe('new');
    expect(metadata.recommendations[0]?.id).toBe(id);
    expect(metadata.recommendations[0]?.createdAt).toBeInstanceOf(Date);
    const messages = await a.client.conversations.messages.query({
      conversationId: conversation.id,
    });
    expect(messages.items.map((m) => m.role)).toEqual(['system']);
    events.stop();
  });
});

describe('an import', () => {
  it('stores a big batch at once: feeds numbered without gaps, streams read it from the database', async () => {
    // Written before the searches exist: the engine's own job for them alerts no one here.
    const rows = await server.db.query<{ id: string }>(
      `INSERT INTO listings (id, title, description, location, district, rent_type,
         property_type, bedrooms, bathrooms, area_sqm, price)
       SELECT gen_random_uuid(), 'Imported flat ' || n, 'A flat', 'Girne', 'Girne',
              'long_term', 'apartment', 2, 1, 70, 800 + n
         FROM generate_series(1, 150) AS n
       RETURNING id`,
    );
    const a = await person('importer-a');
    await a.client.searches.create.mutate({ query: { location: 'Girne', maxPrice: 2000 } });
    await a.client.searches.create.mutate({
      query: { location: 'Girne', rentType: 'long_term', minBedrooms: 2 },
    });
    const b = await person('importer-b');
    const conversation = await b.client.conversations.create.mutate({ title: 'imports' });
    await b.client.searches.create.mutate({
      query: { location: 'Kyrenia' },
      conversationId: conversation.id,
    });
    const ws = wsClient(server.url, a.accessToken);
    const live = recordAlertEvents(ws.client);
    await live.started();

    // 450 alerts in one batch: A's 300 are announced as a feed position only.
    const job = { reason: 'new', at: new Date(), listings: rows.map(({ id }) => ({ id })) };
    expect(await matchListings(services(), job)).toBe(450);
    await live.until(() => live.received.length >= 300);
    expect(live.received.map((r) => Number(r.id))).toEqual(
      Array.from({ length: 300 }, (_, i) => i + 1),
    );
    const alertIds = live.received.map((r) => (r.event as unknown as AlertEvent).alert.id);
    expect(new Set(alertIds).size).toBe(300);
    const page = await a.client.alerts.list.query({ limit: 5 });
    expect(page).toMatchObject({ unread: 300, lastEventId: '300' });

    // B's search was saved from a chat: every alert is posted there, whole.
    const messages = await b.client.conversations.messages.query({
      conversationId: conversation.id,
      limit: 100,
    });
    expect(messages.items).toHaveLength(100);
    expect(messages.nextCursor).not.toBeNull();
    expect((await b.client.alerts.list.query({})).unread).toBe(150);

    // The same batch again (a retry, a second instance): nothing new, nothing announced.
    expect(await matchListings(services(), job)).toBe(0);
    await sleep(300);
    expect(live.received).toHaveLength(300);
    live.stop();
    await ws.close();
  });
});

describe('saving a search from a chat', () => {
  const say = async (client: ReturnType<typeof httpClient>, sessionId: string, content: string) =>
    client.sessions.send.mutate({ sessionId, content, clientMessageId: randomUUID() });

  it('saves what the assistant understood when asked, and the alert arrives in that chat', async () => {
    const a = await person();
    const { session, conversation } = await a.client.sessions.create.mutate({});
    await say(a.client, session.id, '2 bedroom apartment in Girne for long-term rent under 1000');
    const told = await say(a.client, session.id, 'let me know when something new comes up');
    expect(told.reply?.responseText).toMatch(/save this search/i);
    const saved = (await a.client.searches.list.query({})).items;
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      conversationId: conversation.id,
      query: {
        location: 'Girne',
        rentType: 'long_term',
        maxPrice: 1000,
        propertyType: 'apartment',
      },
    });
    // Asking again does not save it twice.
    await say(a.client, session.id, 'notify me');
    expect((await a.client.searches.list.query({})).items).toHaveLength(1);

    const ws = wsClient(server.url, a.accessToken);
    const bell = recordAlertEvents(ws.client);
    const chat = recordConversationEvents(ws.client, conversation.id);
    await Promise.all([bell.started(), chat.started()]);
    const id = await insertListing({ title: 'New harbour flat' });
    await bell.until(() => bell.received.length === 1);
    const isAlert = (event: ConversationEvent) =>
      event.type === 'message.created' && event.message.role === 'system';
    await chat.until(() => chat.received.some((r) => isAlert(r.event)));
    expect((bell.received[0]!.event as unknown as AlertEvent).alert.listing.id).toBe(id);
    const posted = chat.received.find((r) => isAlert(r.event))!.event as Extract<
      ConversationEvent,
      { type: 'message.created' }
    >;
    expect(posted.message.content).toContain('New harbour flat');
    // The alert is in the history the assistant reads: it can say which listing it was.
    const more = await say(a.client, session.id, 'tell me more about the new one');
    expect(more.reply?.responseText).toMatch(/The new listing from your alert: .*New harbour flat/);
    expect(more.reply?.responseText).not.toMatch(/didn't catch/);
    bell.stop();
    chat.stop();
    await ws.close();
  });

  it('tells a guest to sign in rather than promise alerts that could never come', async () => {
    const guest = await httpClient(server.url).auth.guest.mutate();
    const client = httpClient(server.url, guest.accessToken);
    const { session } = await client.sessions.create.mutate({});
    await say(client, session.id, '2 bedroom apartment in Girne for long-term rent under 1000');
    const told = await say(client, session.id, 'let me know when something new comes up');
    expect(told.reply?.responseText).toMatch(/Sign in or create an account/);
    expect(told.reply?.responseText).not.toMatch(/I'll save this search \(/);
    const [saved] = await server.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM saved_searches WHERE user_id = $1',
      [guest.user.id],
    );
    expect(saved!.n).toBe(0);
  });

  it('at the cap of saved searches, says so instead of promising alerts, and saves nothing', async () => {
    const a = await person();
    const cap = services().config.savedSearchesPerUser;
    await a.client.searches.create.mutate({ query: { location: 'Lefkoşa', rentType: 'sale' } });
    // The rest of the cap as copies of that row, written straight into the table.
    await server.db.query(
      `INSERT INTO saved_searches
       SELECT (json_populate_record(s, json_build_object('id', gen_random_uuid()))).*
         FROM saved_searches s, generate_series(2, $2) WHERE s.user_id = $1`,
      [a.user.id, cap],
    );
    const count = async () =>
      (
        await server.db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM saved_searches WHERE user_id = $1',
          [a.user.id],
        )
      )[0]!.n;
    expect(await count()).toBe(cap);
    const { session } = await a.client.sessions.create.mutate({});
    await say(a.client, session.id, '2 bedroom apartment in Girne for long-term rent under 1000');
    for (const [content, words] of [
      [
        'let me know when something new comes up',
        /maximum number of saved searches.*Saved searches page/,
      ],
      ['Yeni ilan çıkınca haber verin', /en fazla sayıda.*Kayıtlı aramalar/],
    ] as const) {
      const told = await say(a.client, session.id, content);
      expect(told.reply?.responseText).toMatch(words);
      expect(told.reply?.responseText).not.toMatch(/save this search \(|kaydediyorum/);
    }
    expect(await count()).toBe(cap);
  });

  it('understands the request in Turkish and Russian, and names the search in that language', async () => {
    const a = await person();
    for (const [content, name] of [
      ["Girne'de kiralık 2+1 daire, 1000 altı. Yeni ilan çıkınca haber verin", /Girne/],
      ['Сообщите, когда появится квартира в Кирении до 1000 фунтов', /Кирени|Girne/],
    ] as const) {
      const { session } = await a.client.sessions.create.mutate({});
      await say(a.client, session.id, content);
      const [latest] = (await a.client.searches.list.query({ limit: 1 })).items;
      expect(latest?.query).toMatchObject({ location: 'Girne', maxPrice: 1000 });
      expect(latest?.name).toMatch(name);
      expect(latest?.conversationId).toBe(session.conversationId);
    }
  });
});
