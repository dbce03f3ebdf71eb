import { randomBytes } from 'node:crypto';
import { createAssistant } from '@parley/assistant';
import { type Database, openDatabase } from '@parley/db';
import { createInfra, createLogger, type Infra } from '@parley/infra';
import { JobEngine } from '@parley/jobs';
import {
  createTestDatabase,
  type TestDatabase,
  testKeyPrefix,
  testRedisUrl,
} from '@parley/testing';
import type { ListingCreateInput, Role, Scope } from '@parley/validators';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Credential } from '../src/auth/credentials';
import type { ApiConfig } from '../src/config';
import { type ApiServices, createContextFactory } from '../src/context';
import { createServices } from '../src/instance';
import { appRouter } from '../src/router';
import { createCallerFactory } from '../src/trpc';

/**
 * Who may do what with listings, through the real router (createCaller, no HTTP): search
 * and get are public, search is IP-limited unless the caller is signed in or holds
 * `listings:read`; create needs agent/admin or `listings:write`; update and delete need
 * the creator, an admin, or `listings:write` (anyone else: FORBIDDEN, see the router).
 */

let testDb: TestDatabase;
let db: Database;
let infra: Infra;
let services: ApiServices;
const SEARCHES_PER_MINUTE = 3;

const config: ApiConfig = {
  production: false,
  jwt: {
    secret: randomBytes(32),
    issuer: 'parley-test',
    audience: 'parley-test',
    accessTtlSeconds: 900,
  },
  refreshTtlSeconds: 3600,
  clientSecretTtlSeconds: 600,
  sessionIdleSeconds: 1800,
  maxSubscriptionsPerSocket: 10,
  rateLimits: {
    loginPerIpPerMinute: 1000,
    loginFailuresPerAccountPerMinute: 1000,
    loginFailuresPerAccountPerHour: 100,
    registerPerIpPerHour: 1000,
    guestsPerIpPerHour: 1000,
    visitorSendsPerMinute: 1000,
    searchPerIpPerMinute: SEARCHES_PER_MINUTE,
    uploadsPerUserPerMinute: 60,
  },
  savedSearchesPerUser: 100,
  webhooks: {
    allowPrivate: true,
    timeoutMs: 10_000,
    retryBaseMs: 10_000,
    retryMaxMs: 3_600_000,
    retryWindowMs: 86_400_000,
    failingAfter: 5,
    sendsPerOwner: 4,
    secretsKey: randomBytes(32),
  },
};

const log = { info() {}, debug() {} };
const createCaller = createCallerFactory(appRouter);
let ipCounter = 0;

function caller(credential: Credential | null, ip = `10.0.0.${++ipCounter}`) {
  return createCaller(createContextFactory(services)({ transport: 'internal', credential, ip }));
}

async function userWith(role: Role): Promise<{ id: string; token: Credential }> {
  const email = `${role}-${randomBytes(4).toString('hex')}@example.com`;
  const password = 'correct-horse-battery-staple-42';
  const { user } = await caller(null).auth.register({ email, password, name: role });
  if (role !== 'user')
    await testDb.query('UPDATE users SET role = $1 WHERE id = $2', [role, user.id]);
  const { accessToken } = await caller(null).auth.login({ email, password });
  return { id: user.id, token: { kind: 'accessToken', token: accessToken } };
}

async function keyFor(token: Credential, scopes: Scope[]): Promise<Credential> {
  const { key } = await caller(token).auth.apiKeys.create({ name: scopes.join(' '), scopes });
  return { kind: 'apiKey', key };
}

const listing: ListingCreateInput = {
  title: 'Sea view flat in Alsancak',
  description: 'Two bedrooms, pool, five minutes from Escape Beach.',
  location: 'Karavas',
  rentType: 'long_term',
  propertyType: 'apartment',
  bedrooms: 2,
  bathrooms: 1,
  areaSqm: 85,
  price: 700,
  features: ['pool', 'sea_view'],
};

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error instanceof TRPCError ? error.code : `not a TRPCError: ${String(error)}`;
  }
}

beforeAll(async () => {
  testDb = await createTestDatabase('listings_access');
  db = await openDatabase({ url: testDb.url, dataDir: '/nonexistent', log });
  infra = createInfra({ redisUrl: testRedisUrl(), keyPrefix: testKeyPrefix('listings-access') });
  services = createServices({
    db,
    infra,
    // Never started: these procedures enqueue no job.
    jobs: new JobEngine({
      sequelize: db.sequelize,
      url: db.url,
      logger: createLogger({ name: 'jobs', level: 'silent' }),
    }),
    assistant: createAssistant({ provider: 'rules' }),
    config,
    logger: createLogger({ name: 'listings-access', level: 'silent' }),
    clock: () => new Date(),
  });
});

afterAll(async () => {
  await db?.close();
  await infra?.close();
  await testDb?.drop();
});

describe('listings access', () => {
  it('lets agents, admins and listings:write keys create, recording the creator', async () => {
    const agent = await userWith('agent');
    const created = await caller(agent.token).listings.create(listing);
    expect(created).toMatchObject({
      location: 'Alsancak',
      district: 'Girne',
      pricePeriod: 'month',
      price: 700,
    });
    const [row] = await testDb.query('SELECT created_by FROM listings WHERE id = $1', [created.id]);
    expect(row?.created_by).toBe(agent.id);

    const admin = await userWith('admin');
    expect((await caller(admin.token).listings.create(listing)).id).toBeTruthy();

    const writeKey = await keyFor(agent.token, ['listings:write']);
    const byKey = await caller(writeKey).listings.create(listing);
    const [keyRow] = await testDb.query('SELECT created_by FROM listings WHERE id = $1', [
      byKey.id,
    ]);
    expect(keyRow?.created_by).toBe(agent.id);
  });

  it('refuses create to everyone else', async () => {
    const plain = await userWith('user');
    expect(await codeOf(caller(null).listings.create(listing))).toBe('UNAUTHORIZED');
    expect(await codeOf(caller(plain.token).listings.create(listing))).toBe('FORBIDDEN');
    const readKey = await keyFor(plain.token, ['listings:read']);
    expect(await codeOf(caller(readKey).listings.create(listing))).toBe('FORBIDDEN');
    expect(
      await codeOf(caller({ kind: 'apiKey', key: 'pk_live_nope' }).listings.create(listing)),
    ).toBe('UNAUTHORIZED');
    const [count] = await testDb.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM listings WHERE created_by = $1',
      [plain.id],
    );
    expect(count?.n).toBe(0);
  });

  it("lets the creator, an admin or an admin's listings:write key update and delete; others get FORBIDDEN", async () => {
    const owner = await userWith('agent');
    const otherAgent = await userWith('agent');
    const admin = await userWith('admin');
    const plain = await userWith('user');
    const { id } = await caller(owner.token).listings.create(listing);

    expect(await codeOf(caller(otherAgent.token).listings.update({ id, price: 1 }))).toBe(
      'FORBIDDEN',
    );
    expect(await codeOf(caller(otherAgent.token).listings.delete({ id }))).toBe('FORBIDDEN');
    expect(await codeOf(caller(plain.token).listings.update({ id, price: 1 }))).toBe('FORBIDDEN');
    const readKey = await keyFor(owner.token, ['listings:read']);
    expect(await codeOf(caller(readKey).listings.update({ id, price: 1 }))).toBe('FORBIDDEN');
    const otherAgentKey = await keyFor(otherAgent.token, ['listings:write']);
    expect(await codeOf(caller(otherAgentKey).listings.delete({ id }))).toBe('FORBIDDEN');
    expect(await codeOf(keyFor(plain.token, ['listings:write']))).toBe('FORBIDDEN');
    expect(await codeOf(caller(null).listings.delete({ id }))).toBe('UNAUTHORIZED');
    const [unchanged] = await testDb.query(
      'SELECT price::text AS price FROM listings WHERE id = $1',
      [id],
    );
    expect(unchanged?.price).toBe('700.00');

    expect((await caller(owner.token).listings.update({ id, price: 710 })).price).toBe(710);
    expect(
      (await caller(admin.token).listings.update({ id, title: 'Renamed by admin' })).title,
    ).toBe('Renamed by admin');
    const writeKey = await keyFor(admin.token, ['listings:write']);
    const updated = await caller(writeKey).listings.update({ id, location: 'gazimagusa' });
    expect(updated).toMatchObject({ location: 'Gazimağusa', district: 'Gazimağusa', price: 710 });

    expect(await caller(writeKey).listings.delete({ id })).toEqual({ ok: true });
    expect(await codeOf(caller(null).listings.get({ id }))).toBe('NOT_FOUND');
    expect(await codeOf(caller(admin.token).listings.delete({ id }))).toBe('NOT_FOUND');
    expect(await codeOf(caller(admin.token).listings.update({ id, price: 5 }))).toBe('NOT_FOUND');
  });

  it('serves get publicly and validates ids', async () => {
    const agent = await userWith('agent');
    const created = await caller(agent.token).listings.create(listing);
    const got = await caller(null).listings.get({ id: created.id });
    expect(got).toEqual(created);
    expect(got.createdAt).toBeInstanceOf(Date);
    for (const id of ['undefined', '', 'null', 'nope']) {
      expect(await codeOf(caller(null).listings.get({ id })), id).toBe('BAD_REQUEST');
    }
    expect(
      await codeOf(caller(null).listings.get({ id: '019a0000-0000-7000-8000-00000000dead' })),
    ).toBe('NOT_FOUND');
  });

  it('limits anonymous searches per IP, but not signed-in users or listings:read keys', async () => {
    const ip = '192.0.2.77';
    for (let i = 0; i < SEARCHES_PER_MINUTE; i++) await caller(null, ip).listings.search({});
    expect(await codeOf(caller(null, ip).listings.search({}))).toBe('TOO_MANY_REQUESTS');
    // The limit is checked while the cache is read; a refused search never reaches SQL,
    // even for a query nobody has asked before.
    let statements = 0;
    db.sequelize.addHook('beforeQuery', 'count', () => {
      statements += 1;
    });
    try {
      const fresh = { q: 'never asked before', maxPrice: 4321 };
      expect(await codeOf(caller(null, ip).listings.search(fresh))).toBe('TOO_MANY_REQUESTS');
      expect(await codeOf(caller(null, ip).listings.search({ location: 'Atlantis' }))).toBe(
        'TOO_MANY_REQUESTS',
      );
      expect(statements).toBe(0);
    } finally {
      db.sequelize.removeHook('beforeQuery', 'count');
    }

    const plain = await userWith('user');
    const readKey = await keyFor(plain.token, ['listings:read']);
    const otherKey = await keyFor(plain.token, ['conversations:read']);
    for (let i = 0; i < SEARCHES_PER_MINUTE + 3; i++) {
      await caller(plain.token, ip).listings.search({ rentType: 'long_term' });
      await caller(readKey, ip).listings.search({ location: 'Kyrenia' });
    }
    // A key without listings:read is treated like anyone else on that IP.
    expect(await codeOf(caller(otherKey, ip).listings.search({}))).toBe('TOO_MANY_REQUESTS');
    // A bad credential is refused, not quietly treated as anonymous.
    expect(
      await codeOf(
        caller({ kind: 'accessToken', token: 'x.y.z' }, '192.0.2.78').listings.search({}),
      ),
    ).toBe('UNAUTHORIZED');
  });

  it('answers a bad cursor with BAD_REQUEST through the router too', async () => {
    expect(await codeOf(caller(null).listings.search({ cursor: 'not-a-cursor' }))).toBe(
      'BAD_REQUEST',
    );
  });
});
