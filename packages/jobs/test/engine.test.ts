import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDatabase, type TestDatabase } from '@parley/testing';
import { Sequelize } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobEngine } from '../src';

declare module '../src' {
  interface JobPayloads {
    'test.record': { n: number };
    'test.other': { n: number };
    'test.tick': Record<string, never>;
    'test.failing': Record<string, never>;
    'test.stuck': { n: number };
    'test.urgent': { n: number };
  }
}

const silent = { error() {}, warn() {}, info() {}, debug() {} };
let db: TestDatabase;
let sequelize: Sequelize;
const engines: JobEngine[] = [];
const seen: { n: number; by: number }[] = [];
let other = 0;

function engine(by: number): JobEngine {
  const jobs = new JobEngine({ sequelize, url: db.url, logger: silent, pollIntervalMs: 200 });
  jobs.define('test.record', async ({ n }) => {
    seen.push({ n, by });
  });
  jobs.define('test.other', async () => {
    other += 1;
  });
  engines.push(jobs);
  return jobs;
}

async function until(check: () => boolean | Promise<boolean>, what: string) {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

const pending = async () =>
  Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM graphile_worker.jobs'))[0]!.n);

beforeAll(async () => {
  db = await createTestDatabase('jobs');
  sequelize = new Sequelize(db.url, { logging: false });
});
afterAll(async () => {
  await Promise.all(engines.map((e) => e.stop()));
  await sequelize?.close();
  await db?.drop();
});

describe('job engine', () => {
  it('a job added in a transaction runs once after commit; a rolled-back one never runs', async () => {
    const jobs = engine(1);
    await jobs.start();
    await sequelize.transaction(async (transaction) => {
      await jobs.add('test.record', { n: 1 }, { transaction, queueName: 'serial' });
    });
    await expect(
      sequelize.transaction(async (transaction) => {
        await jobs.add('test.record', { n: 2 }, { transaction, queueName: 'serial' });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    // The queue is serial: once 3 has run, whatever was enqueued before it has too.
    await jobs.add('test.record', { n: 3 }, { queueName: 'serial' });
    await until(() => seen.some((s) => s.n === 3), 'job 3');
    await until(async () => (await pending()) === 0, 'an empty job table');
    expect(seen.map((s) => s.n)).toEqual([1, 3]);
  });

  it('a job key keeps one pending job: adding again replaces it', async () => {
    const jobs = engines[0]!;
    const later = new Date(Date.now() + 60_000);
    const first = await jobs.add('test.other', { n: 1 }, { jobKey: 'k', runAt: later });
    const second = await jobs.add('test.other', { n: 2 }, { jobKey: 'k', runAt: later });
    expect(second.id).toBe(first.id);
    const rows = await db.query<{ payload: { n: number } }>(
      "SELECT payload FROM graphile_worker._private_jobs WHERE key = 'k'",
    );
    expect(rows).toEqual([{ payload: { n: 2 } }]);
    // Brought forward, it runs once.
    await jobs.add('test.other', { n: 3 }, { jobKey: 'k' });
    await until(() => other === 1, 'the keyed job');
    await until(async () => (await pending()) === 0, 'an empty job table');
    expect(other).toBe(1);
  });

  it('with several instances each job runs exactly once', async () => {
    const second = engine(2);
    await second.start();
    seen.length = 0;
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => engines[i % 2]!.add('test.record', { n: i })),
    );
    await until(async () => seen.length >= 40 && (await pending()) === 0, 'all 40 jobs');
    expect(seen.map((s) => s.n).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 40 }, (_, i) => i),
    );
  });

  it('stop waits for the job executing, then the runner is gone', async () => {
    const jobs = engines[1]!;
    await jobs.stop();
    await jobs.stop();
    const before = seen.length;
    await engines[0]!.add('test.record', { n: 100 });
    await until(() => seen.length > before, 'the remaining instance to run it');
    expect(seen.at(-1)).toEqual({ n: 100, by: 1 });
  });

  it('several instances starting at once on a fresh database all start (one installs, the others wait)', async () => {
    const fresh = await createTestDatabase('jobs_fresh');
    const started: JobEngine[] = [];
    try {
      const starting = Array.from({ length: 6 }, () => {
        const jobs = new JobEngine({ sequelize, url: fresh.url, logger: silent });
        started.push(jobs);
        return jobs.start();
      });
      const results = await Promise.allSettled(starting);
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
      const [row] = await fresh.query<{ n: string }>(
        'SELECT count(*) AS n FROM graphile_worker.migrations',
      );
      expect(Number(row!.n)).toBeGreaterThan(0);
    } finally {
      await Promise.all(started.map((e) => e.stop()));
      await fresh.drop();
    }
  });

  it('refuses a task defined twice or after start', () => {
    const jobs = new JobEngine({ sequelize, url: db.url, logger: silent });
    jobs.define('test.record', async () => {});
    expect(() => jobs.define('test.record', async () => {})).toThrow(/defined twice/);
    expect(() => engines[0]!.define('test.other', async () => {})).toThrow(/after the job runner/);
  });
});

describe('recurring jobs (every)', () => {
  const INTERVAL_MS = 300;
  let ticks = 0;
  let failing = 0;

  function recurring(): JobEngine {
    const jobs = new JobEngine({ sequelize, url: db.url, logger: silent, pollIntervalMs: 100 });
    jobs.every('test.tick', INTERVAL_MS, async () => {
      ticks += 1;
    });
    jobs.every('test.failing', INTERVAL_MS, async () => {
      failing += 1;
      throw new Error('this run fails');
    });
    engines.push(jobs);
    return jobs;
  }

  const keyed = async (key: string) =>
    Number(
      (
        await db.query<{ n: string }>(
          'SELECT count(*) AS n FROM graphile_worker._private_jobs WHERE key = $1',
          [key],
        )
      )[0]!.n,
    );

  it('two instances run one chain on the interval, with one pending job between runs', async () => {
    const startedAt = Date.now();
    await Promise.all([recurring().start(), recurring().start()]);
    expect(await keyed('test.tick')).toBe(1);
    await until(() => ticks >= 5, 'five ticks');
    const elapsed = Date.now() - startedAt;
    // Run k is due INTERVAL_MS after run k-1 started: a chain per instance would double this.
    expect(ticks).toBeLessThanOrEqual(Math.floor(elapsed / INTERVAL_MS));
    expect(await keyed('test.tick')).toBe(1);
  });

  it('a run that throws still has its successor queued: the chain goes on', async () => {
    const before = failing;
    await until(() => failing >= before + 3, 'three more runs of a task that always throws');
    expect(await keyed('test.failing')).toBe(1);
  });

  it('refuses an interval task defined after start', () => {
    expect(() => engines[0]!.every('test.tick', 1_000, async () => {})).toThrow(
      /after the job runner/,
    );
  });
});

describe('lanes', () => {
  it("a lane's jobs hold only its own slots: the main lane's jobs run while every one of them is stuck", async () => {
    const LANE_CONCURRENCY = 2;
    let stuckNow = 0;
    let stuckMost = 0;
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const urgent: number[] = [];
    const jobs = new JobEngine({
      sequelize,
      url: db.url,
      logger: silent,
      pollIntervalMs: 100,
      concurrency: 1,
      lanes: { outbound: { concurrency: LANE_CONCURRENCY } },
    });
    engines.push(jobs);
    jobs.define(
      'test.stuck',
      async () => {
        stuckNow += 1;
        stuckMost = Math.max(stuckMost, stuckNow);
        await released;
        stuckNow -= 1;
      },
      { lane: 'outbound' },
    );
    jobs.define('test.urgent', async ({ n }) => {
      urgent.push(n);
    });
    await jobs.start();
    try {
      await Promise.all(Array.from({ length: 8 }, (_, n) => jobs.add('test.stuck', { n })));
      await until(() => stuckNow === LANE_CONCURRENCY, 'the lane to fill');
      // Every slot of the lane is held, and the main lane (one slot) still runs its jobs.
      for (let n = 0; n < 3; n++) await jobs.add('test.urgent', { n });
      await until(() => urgent.length === 3, 'the main lane to run its jobs');
      expect(stuckMost).toBe(LANE_CONCURRENCY);
    } finally {
      release();
    }
    const stuckLeft = async () =>
      Number(
        (
          await db.query<{ n: string }>(
            "SELECT count(*) AS n FROM graphile_worker.jobs WHERE task_identifier = 'test.stuck'",
          )
        )[0]!.n,
      );
    await until(async () => (await stuckLeft()) === 0, 'the stuck jobs to finish');
    expect(stuckMost).toBe(LANE_CONCURRENCY);
  });

  it('refuses a task in a lane the engine was not given', () => {
    const jobs = new JobEngine({ sequelize, url: db.url, logger: silent });
    expect(() => jobs.define('test.stuck', async () => {}, { lane: 'nowhere' })).toThrow(
      /lane nowhere/,
    );
  });
});
