import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDatabase, startTcpProxy, type TestDatabase } from '@parley/testing';
import pg from 'pg';
import type { Sequelize } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSequelize, isDatabaseUnavailable } from '../src';

/**
 * PostgreSQL shutting down (a restart) just as a new connection becomes ready: its "ready"
 * and the "terminating connection" that follows can reach Node in one read. `pg` then
 * reports the termination as an `error` event while Sequelize has not yet put its own
 * listener on the new client (it does so once its connect promise settles), and an event
 * nobody listens to is an uncaught exception: the process dies (vitest reports it and
 * fails the run). A proxy holds PostgreSQL's side of a new connection back until the
 * backend has been terminated, then hands over both at once.
 */
let db: TestDatabase;
let admin: pg.Client;
let proxy: Awaited<ReturnType<typeof holdingProxy>>;
let sequelize: Sequelize;

beforeAll(async () => {
  db = await createTestDatabase('connection-loss');
  admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  proxy = await holdingProxy(db.url);
  sequelize = createSequelize({ url: proxy.url, poolMax: 2 });
});
afterAll(async () => {
  await sequelize?.close();
  await proxy?.close();
  await admin?.end();
  await db?.drop();
});

describe('a connection PostgreSQL ends as it becomes ready', () => {
  it('fails the call that opened it, and the process and the pool go on', async () => {
    proxy.holding = true;
    const first = sequelize.query('SELECT 1 AS one').then(
      () => 'answered',
      (error: unknown) => error,
    );
    const port = await proxy.nextConnection();
    // The backend has finished its start and waits for a query; Node has seen nothing.
    let pid: number | undefined;
    const deadline = Date.now() + 5_000;
    while (pid === undefined) {
      const { rows } = await admin.query<{ pid: number }>(
        "SELECT pid FROM pg_stat_activity WHERE client_port = $1 AND state = 'idle'",
        [port],
      );
      pid = rows[0]?.pid;
      if (pid === undefined && Date.now() > deadline) throw new Error('no backend');
      if (pid === undefined) await sleep(10);
    }
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    await proxy.upstreamClosed(port);
    proxy.holding = false;
    proxy.flush(port);

    // An outage to the caller (SERVICE_UNAVAILABLE at the API), not an answer or a crash.
    const outcome = await first;
    expect(outcome).not.toBe('answered');
    expect(isDatabaseUnavailable(outcome)).toBe(true);
    const [rows] = await sequelize.query('SELECT 2 AS two');
    expect(rows).toEqual([{ two: 2 }]);
  });
});

/**
 * A proxy to PostgreSQL. While `holding`, what PostgreSQL sends on a new connection is
 * kept back until `flush(port)` hands it to the client in one write.
 */
async function holdingProxy(databaseUrl: string) {
  const held = new Map<number, { chunks: Buffer[]; client: Socket; closed: Promise<void> }>();
  const opened: number[] = [];
  const waiters: ((port: number) => void)[] = [];
  const state = { holding: false };
  const proxy = await startTcpProxy(databaseUrl, {
    connected({ client, upstream, port }) {
      if (!state.holding) return;
      const closed = new Promise<void>((resolve) => upstream.on('close', () => resolve()));
      held.set(port, { chunks: [], client, closed });
      const waiter = waiters.shift();
      if (waiter) waiter(port);
      else opened.push(port);
    },
    fromServer(chunk, { port }) {
      const holder = held.get(port);
      holder?.chunks.push(chunk);
      return !holder;
    },
    serverClosed: ({ port }) => held.has(port),
  });
  return {
    url: proxy.url,
    close: proxy.close,
    set holding(value: boolean) {
      state.holding = value;
    },
    /** The upstream port of the next connection opened while holding. */
    nextConnection(): Promise<number> {
      const port = opened.shift();
      if (port !== undefined) return Promise.resolve(port);
      return new Promise((resolve) => waiters.push(resolve));
    },
    upstreamClosed: (port: number) => held.get(port)!.closed,
    /** Everything PostgreSQL sent on that connection, in one write; then the close. */
    flush(port: number) {
      const { chunks, client } = held.get(port)!;
      held.delete(port);
      client.end(Buffer.concat(chunks));
    },
  };
}
