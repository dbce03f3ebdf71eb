import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDatabase, type TestDatabase } from '@parley/testing';
import type { AlertEvent } from '@parley/validators';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAlertEvents, recordConversationEvents } from './events';
import { httpClient, signUp, wsClient } from './harness';
import { deploymentEnv, type Instance, instances, killHard, until } from './instances';

/**
 * Alerts with two real Parley processes (`src/main.ts`) on one database: every listing
 * write gives each matching search exactly one alert however the jobs fall between the
 * instances (and when the same job runs on both), and the matching of an instance that is
 * SIGKILLed in the middle of it is done by the other.
 */
let db: TestDatabase;
let env: Record<string, string>;
const group = instances('alerts', () => env);
const startInstance = () => group.start();

const LISTING = `INSERT INTO listings (id, title, description, location, district, rent_type,
  property_type, bedrooms, bathrooms, area_sqm, price)
  SELECT gen_random_uuid(), 'Flat ' || n, 'A flat', 'Girne', 'Girne', 'long_term', 'apartment',
         2, 1, 70, 800 + n
    FROM generate_series(1, $1::int) AS n
  RETURNING id`;

let first: Instance;
let second: Instance;

beforeAll(async () => {
  db = await createTestDatabase('alerts2');
  env = {
    ...deploymentEnv(db, 'alerts2'),
    ALERTS_RECOVERY_SECONDS: '2',
  };
  [first, second] = await Promise.all([startInstance(), startInstance()]);
}, 120_000);

afterAll(async () => {
  await group.stopAll();
  await db?.drop();
});

describe('alerts on two instances', () => {
  it('gives exactly one alert per search and listing, wherever the jobs run, even run twice', async () => {
    const people = [];
    for (const url of [first.url, second.url]) {
      const signed = await signUp(httpClient(url), 'two');
      const client = httpClient(url, signed.accessToken);
      const conversation = await client.conversations.create.mutate({ title: 'hunt' });
      await client.searches.create.mutate({
        query: { location: 'Kyrenia', maxPrice: 1000 },
        conversationId: conversation.id,
      });
      await client.searches.create.mutate({
        query: { location: 'Girne', rentType: 'long_term' },
      });
      people.push({ ...signed, client, conversationId: conversation.id });
    }
    // Each person listens on the other instance: the alerts cross over the bus.
    const streams = people.map((p, i) => {
      const ws = wsClient(i === 0 ? second.url : first.url, p.accessToken);
      return {
        ws,
        bell: recordAlertEvents(ws.client),
        chat: recordConversationEvents(ws.client, p.conversationId),
      };
    });
    await Promise.all(streams.flatMap((s) => [s.bell.started(), s.chat.started()]));

    // 12 statements of 3 listings: 12 jobs spread over both runners; then every job is
    // added once more, so both instances also match the same listings at the same time.
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const rows = await db.query<{ id: string }>(LISTING, [3]);
      ids.push(...rows.map((r) => r.id));
    }
    await db.query(
      `SELECT graphile_worker.add_job('alerts.match',
         json_build_object('reason', 'new', 'at', now(), 'listings', json_build_array(json_build_object('id', id))))
         FROM unnest($1::uuid[]) AS id`,
      [ids],
    );
    // 36 listings, 2 searches per person, 2 people.
    await until(async () => {
      const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM alerts');
      const [jobs] = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM graphile_worker.jobs
          WHERE task_identifier = 'alerts.match' AND key IS NULL`,
      );
      return row!.n === 144 && jobs!.n === 0 ? true : undefined;
    }, 'every job to finish');
    const duplicates = await db.query(
      `SELECT saved_search_id, listing_id FROM alerts GROUP BY 1, 2 HAVING count(*) > 1`,
    );
    expect(duplicates).toEqual([]);

    for (const [i, p] of people.entries()) {
      const { bell, chat } = streams[i]!;
      await bell.until(() => bell.received.length >= 72);
      await chat.until(() => chat.received.length >= 36);
      await sleep(300);
      const alerts = bell.received.map((r) => (r.event as unknown as AlertEvent).alert.id);
      expect(new Set(alerts).size).toBe(72);
      expect(alerts).toHaveLength(72);
      const posted = chat.received.filter(
        (r) => r.event.type === 'message.created' && r.event.message.role === 'system',
      );
      expect(posted).toHaveLength(36);
      const listed = await p.client.alerts.list.query({ limit: 100 });
      expect(listed.unread).toBe(72);
      const messages = await p.client.conversations.messages.query({
        conversationId: p.conversationId,
        limit: 100,
      });
      expect(messages.items).toHaveLength(36);
      const cards = messages.items.map(
        (m) => (m.metadata as { recommendations: { id: string }[] }).recommendations[0]!.id,
      );
      expect(new Set(cards)).toEqual(new Set(ids));
      bell.stop();
      chat.stop();
      await streams[i]!.ws.close();
    }
  }, 120_000);

  it('redoes the matching of an instance killed in the middle of it, once', async () => {
    const signed = await signUp(httpClient(first.url), 'killed');
    const client = httpClient(first.url, signed.accessToken);
    const search = await client.searches.create.mutate({ query: { location: 'Girne' } });

    // Hold the feed counters: whichever instance takes the job stops inside its
    // transaction, with its recovery copy already queued.
    const blocker = new pg.Client({ connectionString: db.url });
    // A failed run drops the database under it: that is not a crash of the test.
    blocker.on('error', () => {});
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE alert_feeds IN SHARE ROW EXCLUSIVE MODE');
    const [listing] = await db.query<{ id: string }>(LISTING, [1]);
    // (The first test's jobs are all done: this listing's job is the only original one.)
    const lockedBy = await until(async () => {
      const [job] = await db.query<{ locked_by: string | null; copies: number }>(
        `SELECT j.locked_by,
                (SELECT count(*)::int FROM graphile_worker.jobs c
                  WHERE c.key LIKE 'alerts.match:recover:' || j.id) AS copies
           FROM graphile_worker.jobs j
          WHERE j.task_identifier = 'alerts.match' AND j.key IS NULL AND j.locked_by IS NOT NULL`,
      );
      return job?.locked_by && job.copies === 1 ? job.locked_by : undefined;
    }, 'an instance to take the job');
    const victim = [first, second].find((i) => i.output().includes(lockedBy))!;
    const survivor = victim === first ? second : first;
    expect(victim).toBeDefined();
    await killHard(victim);

    const ws = wsClient(survivor.url, signed.accessToken);
    const bell = recordAlertEvents(ws.client);
    await bell.started();
    await blocker.query('ROLLBACK');
    await blocker.end();

    await bell.until(() => bell.received.length === 1, 30_000);
    const event = bell.received[0]!.event as unknown as AlertEvent;
    expect(event.alert).toMatchObject({ savedSearchId: search.id, reason: 'new' });
    expect(event.alert.listing.id).toBe(listing!.id);
    await sleep(1_000);
    expect(bell.received).toHaveLength(1);
    const rows = await db.query('SELECT id FROM alerts WHERE saved_search_id = $1', [search.id]);
    expect(rows).toHaveLength(1);
    // The killed instance's own job is still locked (the engine frees it hours later, and
    // it would find nothing left to do): the copy did the work.
    const [original] = await db.query<{ locked_by: string }>(
      `SELECT locked_by FROM graphile_worker.jobs WHERE locked_by = $1`,
      [lockedBy],
    );
    expect(original?.locked_by).toBe(lockedBy);
    bell.stop();
    await ws.close();
  }, 120_000);
});
