import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, seedListings } from '@parley/db';
import Redis from 'ioredis';
import pg from 'pg';

/**
 * Where the benchmarks find PostgreSQL and Redis: BENCH_DATABASE_URL or DATABASE_URL (any
 * database on the server: only its host and credentials are used), and REDIS_URL. The
 * benchmarks create databases of their own and use a Redis key prefix of their own.
 */
export function adminDatabaseUrl(): string {
  const given =
    process.env.BENCH_DATABASE_URL ??
    process.env.DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  const url = new URL(given);
  url.pathname = '/postgres';
  return url.toString();
}

export function databaseUrl(name: string): string {
  const url = new URL(adminDatabaseUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export function redisUrl(): string {
  return process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
}

export async function redisAvailable(): Promise<boolean> {
  const probe = new Redis(redisUrl(), {
    lazyConnect: true,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
  });
  probe.on('error', () => {});
  try {
    await probe.connect();
    await probe.ping();
    return true;
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminDatabaseUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const quiet = { info: () => {}, debug: () => {} };

/**
 * The seeded listings database, made once and reused across runs: `parley_bench_listings_<n>`,
 * migrated to the current schema and holding `count` deterministic listings (seed 1).
 */
export async function ensureListingsTemplate(
  count: number,
  log: (line: string) => void,
): Promise<string> {
  const name = `parley_bench_listings_${count}`;
  await admin(async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      log(`creating ${name}`);
      await client.query(`CREATE DATABASE "${name}"`);
    }
  });
  const dataDir = await mkdtemp(path.join(tmpdir(), 'parley-bench-seed-'));
  const db = await openDatabase({ url: databaseUrl(name), dataDir, migrate: true, log: quiet });
  try {
    const [row] = (await db.sequelize.query('SELECT count(*)::int AS n FROM listings', {
      type: 'SELECT',
    })) as { n: number }[];
    if ((row?.n ?? 0) < count) {
      log(`seeding ${count} listings into ${name} (once; reused by later runs)`);
      let last = 0;
      const result = await seedListings(db.sequelize, {
        count,
        seed: 1,
        onProgress: (done, total) => {
          if (done - last >= total / 10 || done === total) {
            last = done;
            log(`  ${done}/${total}`);
          }
        },
      });
      log(`seeded ${result.inserted} in ${(result.ms / 1000).toFixed(1)} s`);
      // What autovacuum does to a live table in its own time: without it, the first runs on
      // a fresh machine read unvacuumed pages (no visibility map, no hint bits) and plain
      // pg's own p95 was 3x the figure of a settled database.
      await db.sequelize.query('VACUUM ANALYZE listings');
    }
  } finally {
    await db.close();
  }
  return name;
}

export interface RunDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * A database of this run's own, copied from the seeded template (a file copy: about a
 * second for 100,000 listings), so chat writes never accumulate in the template.
 *
 * The copy is on disk before this returns. PostgreSQL 15's default strategy (WAL_LOG)
 * writes the whole template to the WAL and leaves the new files dirty in the page cache;
 * the kernel wrote them back ~30 s later (`vm.dirty_expire_centisecs`), 200-270 MB at once,
 * in the middle of the chat capacity steps, where every commit then waited on the disk.
 * FILE_COPY copies the files, fsyncs them and checkpoints before it returns.
 */
export async function cloneDatabase(template: string, label: string): Promise<RunDatabase> {
  const name = `parley_bench_${label}_${Date.now().toString(36)}_${randomBytes(2).toString('hex')}`;
  await admin(async (client) => {
    const { rows } = await client.query<{ v: string }>(
      "SELECT current_setting('server_version_num') AS v",
    );
    // Before 15 a file copy was the only strategy, and the option did not exist.
    const strategy = Number(rows[0]?.v) >= 150_000 ? ' STRATEGY = FILE_COPY' : '';
    await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"${strategy}`);
  });
  return {
    name,
    url: databaseUrl(name),
    drop: () =>
      admin(async (client) => {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }),
  };
}

/** Drops run databases more than six hours old: left behind by runs that were killed. */
export async function dropStaleRunDatabases(): Promise<void> {
  await admin(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname ~ '^parley_bench_run_'",
    );
    for (const { datname } of rows) {
      const made = Number.parseInt(datname.split('_')[3] ?? '', 36);
      if (!(Date.now() - made > 6 * 3_600_000)) continue;
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => {});
    }
  });
}
