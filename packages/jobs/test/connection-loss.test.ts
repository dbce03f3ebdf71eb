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

describe('job engine when PostgreSQL drops a connection in use', () => {
  it('survives the loss of a checked-out connection and goes on running jobs', async () => {
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
});

const silent = { error() {}, warn() {}, info() {}, debug() {} };
