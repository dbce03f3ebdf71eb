import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDatabase, startTcpProxy, type TestDatabase } from '@parley/testing';
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
    // One connection ended is no outage: PostgreSQL still answers, so nothing to warn about.
    const told: string[] = [];
    const tell = (level: string) => (_: object, msg?: string) => void told.push(`${level} ${msg}`);
    const logger = { ...silent, warn: tell('warn'), error: tell('error') };
    jobs = new JobEngine({ sequelize, url: db.url, logger, pollIntervalMs: 1_000 });
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
    expect(told).toEqual([]);
  });

  it('survives PostgreSQL dropping a connection while it is starting to LISTEN', async () => {
    // The one moment graphile-worker leaves a client without a listener: its LISTEN fails
    // (the backend is terminated while the statement is on its way, so the error comes back
    // as the statement's), it takes its own listener off while it releases that client,
    // and the socket's end is then reported as a second error. graphile-worker puts a
    // listener of its own on every client made after its runner starts, so only the two
    // the engine's install opened before it lack one: an engine is started afresh until
    // its LISTEN has landed on one of those twice.
    const proxy = await listenHolder(db.url);
    let onInstallClients = 0;
    try {
      for (let engine = 0; engine < 20 && onInstallClients < 2; engine++) {
        const firstConnection = proxy.connections.length;
        const jobs = new JobEngine({
          sequelize,
          url: proxy.url,
          logger: silent,
          pollIntervalMs: 60_000,
          concurrency: 1,
        });
        await jobs.start();
        const installClients = proxy.connections.slice(firstConnection, firstConnection + 2);
        try {
          // Each failed LISTEN is followed by another (after 136 ms, then 370 ms, ...), on
          // whichever client is free: its arrival says the failure before it was handled.
          for (let attempt = 0; attempt < 2; attempt++) {
            const port = await proxy.nextHeldListen();
            if (installClients.includes(port)) onInstallClients++;
            await locker.query(
              'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE client_port = $1',
              [port],
            );
          }
          await proxy.nextHeldListen();
        } finally {
          // The LISTEN held last goes through, so the engine stops as it would any day.
          proxy.passHeld();
          await jobs.stop();
        }
      }
      expect(onInstallClients).toBeGreaterThanOrEqual(2);

      proxy.holding = false;
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
        await second.add('test.after-loss', { n: 2 });
        await until(async () => ran.includes(2), 'a job through the proxy');
      } finally {
        await second.stop();
      }
    } finally {
      await proxy.close();
    }
  });
});

/**
 * A proxy to PostgreSQL that, while `holding`, keeps back each LISTEN a client sends
 * (PostgreSQL never sees it) and says which upstream port that connection uses; when
 * that connection's backend ends, its error and its end reach the client apart.
 */
async function listenHolder(databaseUrl: string) {
  const held: number[] = [];
  const waiters: ((port: number) => void)[] = [];
  const state = { holding: true };
  const connections: number[] = [];
  // Held LISTENs not yet failed or passed on, by connection.
  const pending = new Map<number, { chunk: Buffer; upstream: Socket }>();
  const proxy = await startTcpProxy(databaseUrl, {
    connected: ({ port }) => void connections.push(port),
    fromClient(chunk, { port, upstream }) {
      if (!state.holding || !isListen(chunk)) return true;
      pending.set(port, { chunk, upstream });
      const waiter = waiters.shift();
      if (waiter) waiter(port);
      else held.push(port);
      return false;
    },
    // The terminated backend's error reaches the client at once, the socket's end a
    // moment later: by then graphile-worker has failed the LISTEN and let go of the client.
    serverClosed({ client, port }) {
      if (!pending.delete(port)) return false;
      setTimeout(() => client.end(), 50);
      return true;
    },
  });
  return {
    url: proxy.url,
    close: proxy.close,
    set holding(value: boolean) {
      state.holding = value;
    },
    /** The upstream port of every connection so far, in order. */
    connections,
    /** Sends the LISTENs held and not failed on to PostgreSQL. */
    passHeld() {
      for (const [port, { chunk, upstream }] of pending) {
        if (!upstream.destroyed) upstream.write(chunk);
        pending.delete(port);
      }
    },
    nextHeldListen(): Promise<number> {
      const port = held.shift();
      if (port !== undefined) return Promise.resolve(port);
      return new Promise((resolve) => waiters.push(resolve));
    },
  };
}

/** A simple-query message (`Q`, its length, the text) that starts with the runner's LISTEN. */
function isListen(chunk: Buffer): boolean {
  return chunk[0] === 0x51 && chunk.toString('utf8', 5).startsWith('LISTEN "jobs:insert"');
}

const silent = { error() {}, warn() {}, info() {}, debug() {} };
