import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDatabase, type TestDatabase } from '@parley/testing';
import pg from 'pg';
import { Sequelize } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobEngine } from '../src';

declare module '../src' {
  interface JobPayloads {
    'test.after-loss': { n: number };
  }
}

/**
 * PostgreSQL drops the runner's LISTEN connection again and again (a terminated backend,
 * a restart): each time graphile-worker listens again on some client of the pool, and
 * the process must neither die (an `error` event nobody listens to is an uncaught
 * exception, which vitest reports and fails the run on) nor stop running jobs.
 */
let db: TestDatabase;
let sequelize: Sequelize;
let jobs: JobEngine;
let locker: pg.Client;
const ran: number[] = [];

beforeAll(async () => {
  db = await createTestDatabase('jobs-loss');
  sequelize = new Sequelize(db.url, { logging: false });
  locker = new pg.Client({ connectionString: db.url });
  await locker.connect();
});
afterAll(async () => {
  await jobs?.stop();
  await locker?.end().catch(() => {});
  await sequelize?.close();
  await db?.drop();
});

async function until(check: () => Promise<boolean>, what: string) {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** The runner's connection that listens for new jobs. */
async function listening(): Promise<number[]> {
  const { rows } = await locker.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity
     WHERE datname = $1 AND application_name = 'parley-jobs' AND query LIKE 'LISTEN%'`,
    [db.name],
  );
  return rows.map((r) => r.pid);
}

describe('job engine when PostgreSQL drops its connections', () => {
  it('survives its LISTEN connection dropped again and again, and goes on running jobs', async () => {
    jobs = new JobEngine({ sequelize, url: db.url, logger: silent, pollIntervalMs: 1_000 });
    jobs.define('test.after-loss', async ({ n }) => {
      ran.push(n);
    });
    await jobs.start();

    // The runner's LISTEN connection, dropped between queries again and again: each time
    // graphile-worker listens again on a client from the pool, any of its clients.
    for (let round = 0; round < 12; round++) {
      await until(async () => (await listening()).length > 0, 'a listening client');
      const listener = await listening();
      await locker.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [
        listener,
      ]);
      await until(
        async () => !(await listening()).some((pid) => listener.includes(pid)),
        'the dropped listener gone',
      );
    }

    await jobs.add('test.after-loss', { n: 1 });
    await until(async () => ran.includes(1), 'a job after the lost connections');
    expect(ran).toEqual([1]);
  });

  it('survives PostgreSQL dropping a connection while it is starting to LISTEN', async () => {
    // The one moment graphile-worker leaves a client without a listener of its own: its
    // LISTEN fails (here: the backend is terminated while the statement is on its way, so
    // the error comes back as the statement's) and, while it releases that client, the
    // socket's end is reported as a second error. Any client of the pool may be the one
    // (it listens again on whichever is free), so the engine's listener must be on all.
    const proxy = await listenHolder(db.url);
    const second = new JobEngine({
      sequelize,
      url: proxy.url,
      logger: silent,
      pollIntervalMs: 60_000,
    });
    second.define('test.after-loss', async ({ n }) => {
      ran.push(n);
    });
    await second.start();
    try {
      // graphile-worker waits longer before each new attempt: 136 ms, 370 ms, 1 s, 2.7 s.
      for (let round = 0; round < 4; round++) {
        const port = await proxy.nextHeldListen();
        await locker.query(
          'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE client_port = $1',
          [port],
        );
      }
      proxy.holding = false;
      await second.add('test.after-loss', { n: 2 });
      await until(async () => ran.includes(2), 'a job after the failed LISTENs');
    } finally {
      await second.stop();
      await proxy.close();
    }
  });
});

/**
 * A TCP proxy in front of PostgreSQL that, while `holding`, keeps back each LISTEN a client
 * sends (PostgreSQL never sees it) and says which upstream port that connection uses.
 */
async function listenHolder(databaseUrl: string) {
  const target = new URL(databaseUrl);
  const sockets = new Set<net.Socket>();
  const held: number[] = [];
  const waiters: ((port: number) => void)[] = [];
  const state = { holding: true };
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    for (const socket of [client, upstream]) {
      socket.on('error', () => {});
      socket.on('close', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    upstream.pipe(client);
    client.on('data', (chunk: Buffer) => {
      if (state.holding && chunk.includes('LISTEN "jobs:insert"')) {
        const port = upstream.localPort!;
        const waiter = waiters.shift();
        if (waiter) waiter(port);
        else held.push(port);
        return;
      }
      upstream.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const url = new URL(databaseUrl);
  url.host = `127.0.0.1:${port}`;
  return {
    url: url.toString(),
    set holding(value: boolean) {
      state.holding = value;
    },
    nextHeldListen(): Promise<number> {
      const port = held.shift();
      if (port !== undefined) return Promise.resolve(port);
      return new Promise((resolve) => waiters.push(resolve));
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const silent = { error() {}, warn() {}, info() {}, debug() {} };
