import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createSequelize } from '@parley/db';
import { freePort, importEmbeddedPostgres } from '@parley/testing';
import type { Sequelize } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobEngine } from '../src';

declare module '../src' {
  interface JobPayloads {
    'test.hold': { n: number };
  }
}

/**
 * PostgreSQL restarts while a job executes: the worker cannot record the job's end and
 * exits (graphile-worker does not replace it); the engine restarts its runner, runs its
 * start hooks again, and goes on running jobs. A private cluster, never the shared one.
 */
const EmbeddedPostgres = await importEmbeddedPostgres();
let dir: string;
let cluster: InstanceType<typeof EmbeddedPostgres>;
let url: string;
let sequelize: Sequelize;
let jobs: JobEngine;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'parley-jobs-pg-'));
  await chmod(dir, 0o755);
  const port = await freePort();
  cluster = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'jobs',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--lc-messages=C', '--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'],
    onLog: () => {},
    onError: () => {},
  });
  await cluster.initialise();
  await cluster.start();
  url = `postgres://postgres:jobs@127.0.0.1:${port}/postgres`;
  // Parley's own Sequelize, whose clients listen for their loss from birth: a restart can
  // end a connection as it becomes ready, and a plain one would then crash the run.
  sequelize = createSequelize({ url, poolMax: 2 });
});
afterAll(async () => {
  await jobs?.stop();
  await sequelize?.close();
  await cluster?.stop().catch(() => {});
  await rm(dir, { recursive: true, force: true });
});

async function until(check: () => boolean, what: string) {
  const deadline = Date.now() + 30_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

describe('job engine across a PostgreSQL restart', () => {
  it('restarts its runner when a worker dies, runs the start hooks again and keeps running jobs', async () => {
    const done: number[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let holding = false;
    let starts = 0;
    const logs: string[] = [];
    const log = (msg?: string) => void (msg && logs.push(msg));
    jobs = new JobEngine({
      sequelize,
      url,
      logger: {
        error: (_, m) => log(m),
        warn: (_, m) => log(m),
        info: (_, m) => log(m),
        debug() {},
      },
      concurrency: 1,
      pollIntervalMs: 200,
    });
    jobs.define('test.hold', async ({ n }) => {
      if (n === 1) {
        holding = true;
        await held;
      }
      done.push(n);
    });
    jobs.onStart(async () => {
      starts += 1;
    });
    await jobs.start();
    expect(starts).toBe(1);
    await jobs.add('test.hold', { n: 1 });
    await until(() => holding, 'the job to execute');

    await cluster.stop();
    release();
    await until(() => done.includes(1), 'the held job to end');
    await sleep(500);
    await cluster.start();

    await until(() => starts === 2, 'the runner to restart');
    expect(logs).toContain('database unreachable; retrying until it is back');
    await jobs.add('test.hold', { n: 2 });
    await until(() => done.includes(2), 'a job after the restart');
  });

  it('tells an outage in two lines: one when the database goes, one when it is back', async () => {
    await jobs?.stop();
    const lines: { level: string; msg: string; size: number }[] = [];
    const line = (level: string) => (obj: object, msg?: string) =>
      void lines.push({ level, msg: msg ?? '', size: JSON.stringify({ ...obj, msg }).length });
    const ran: number[] = [];
    jobs = new JobEngine({
      sequelize,
      url,
      logger: {
        error: line('error'),
        warn: line('warn'),
        info: line('info'),
        debug: line('debug'),
      },
      concurrency: 2,
      pollIntervalMs: 200,
    });
    jobs.define('test.hold', async ({ n }) => void ran.push(n));
    await jobs.start();
    await jobs.add('test.hold', { n: 1 });
    await until(() => ran.includes(1), 'a job before the outage');
    lines.length = 0;

    // As `pg_ctl stop -m fast` (SIGINT: sessions are cut), down for 10 s.
    await cluster.stop();
    await sleep(10_000);
    await cluster.start();
    await until(() => lines.some((l) => l.msg === 'database is back'), 'the database back');
    await jobs.add('test.hold', { n: 2 });
    await until(() => ran.includes(2), 'a job after the outage');

    const told = lines.filter((l) => l.level !== 'debug');
    expect(told.map((l) => `${l.level} ${l.msg}`)).toEqual([
      'warn database unreachable; retrying until it is back',
      'info database is back',
    ]);
    // No dumps: not of pg's client objects, not even at debug.
    expect(Math.max(...lines.map((l) => l.size))).toBeLessThan(1_000);
  }, 60_000);
});
