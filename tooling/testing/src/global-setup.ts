import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importEmbeddedPostgres } from './embedded-postgres';
import { freePort } from './ports';
import { isCI } from './services';

/**
 * vitest globalSetup: when DATABASE_URL is unset (a laptop without PostgreSQL) start a
 * throwaway embedded cluster for this run and point DATABASE_URL at it. Under CI the
 * machine's PostgreSQL must be given instead.
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.DATABASE_URL) return undefined;
  if (isCI) throw new Error('DATABASE_URL must be set when CI=true');
  // The embedded binaries run as the postgres user when we are root: use a folder it can reach.
  const dir = await mkdtemp(path.join(tmpdir(), 'parley-test-pg-'));
  await chmod(dir, 0o755);
  const port = await freePort();
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const cluster = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'test',
    persistent: false,
    // Only the C locales exist on minimal machines; initdb would ask for en_US.UTF-8.
    initdbFlags: ['--lc-messages=C', '--encoding=UTF8'],
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: () => {},
  });
  await cluster.initialise();
  await cluster.start();
  process.env.DATABASE_URL = `postgres://postgres:test@127.0.0.1:${port}/postgres`;
  return async () => {
    await cluster.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
