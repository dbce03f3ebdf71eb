import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { type TestDatabase, testKeyPrefix, testRedisUrl } from '@parley/testing';

/**
 * Real Parley processes (`src/main.ts`, as `pnpm start` runs it) for the tests about
 * what only a process can show: a SIGKILL in the middle of work, two instances on one
 * database. The in-process harness (`harness.ts`) cannot be killed that way.
 */
const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * What every instance of one deployment shares: the database, the Redis (when there is
 * one) under a prefix of the test's own, one JWT key and one key sealing webhook secrets;
 * no demo listings. `LOG_LEVEL` debug: the job runner's lines name its worker, which tells
 * whose job is locked.
 */
export function deploymentEnv(db: TestDatabase, label: string): Record<string, string> {
  return {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'debug',
    DATABASE_URL: db.url,
    ...(testRedisUrl() ? { REDIS_URL: testRedisUrl()! } : {}),
    REDIS_KEY_PREFIX: testKeyPrefix(label),
    JWT_SECRET: randomBytes(32).toString('hex'),
    WEBHOOK_SECRETS_KEY: randomBytes(32).toString('base64url'),
    SEED_DEMO_LISTINGS: '0',
  };
}

export interface Instance {
  url: string;
  proc: ChildProcess;
  /** Everything it printed so far (its JSON log lines). */
  output: () => string;
}

export interface InstanceOptions {
  /** Its data folder (a second start on the same one); default: a fresh one. */
  dataDir?: string;
  /** Variables over the group's own; `undefined` removes one. */
  env?: Record<string, string | undefined>;
  /** In a process group of its own (its pid is the group's), as `pnpm start` in a terminal. */
  detached?: boolean;
}

export interface Instances {
  start(options?: InstanceOptions): Promise<Instance>;
  /** A fresh data folder, removed by `stopAll`. */
  newDataDir(): Promise<string>;
  /** SIGTERM to every process still running (SIGKILL after 15 s), then their folders go. */
  stopAll(): Promise<void>;
}

/** A group of instances started with `env()` (read at each start, so it may be set late). */
export function instances(label: string, env: () => Record<string, string>): Instances {
  const children: ChildProcess[] = [];
  const dirs: string[] = [];
  const newDataDir = async () => {
    const dir = await mkdtemp(path.join(tmpdir(), `parley-${label}-`));
    // An embedded cluster runs as the `postgres` user when the tests run as root.
    await chmod(dir, 0o755);
    dirs.push(dir);
    return dir;
  };
  return {
    newDataDir,
    async start(options = {}) {
      const dataDir = options.dataDir ?? (await newDataDir());
      const childEnv = Object.fromEntries(
        Object.entries({
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          ...env(),
          DATA_DIR: dataDir,
          ...options.env,
        }).filter(([, v]) => v !== undefined),
      ) as Record<string, string>;
      const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        cwd: serverDir,
        env: childEnv,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: options.detached ?? false,
      });
      children.push(proc);
      let output = '';
      proc.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      proc.stderr!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      const deadline = Date.now() + 60_000;
      for (;;) {
        const match = /"url":"(http:[^"]+)"[^\n]*Parley is running/.exec(output);
        if (match) return { url: match[1]!, proc, output: () => output };
        if (proc.exitCode !== null || Date.now() > deadline)
          throw new Error(`instance did not start:\n${output}`);
        await sleep(50);
      }
    },
    async stopAll() {
      // SIGTERM first: an instance with an embedded cluster stops it on the way out.
      const running = children.filter((c) => c.exitCode === null && c.signalCode === null);
      for (const child of running) child.kill('SIGTERM');
      await Promise.all(
        running.map(
          (child) =>
            new Promise((resolve) => {
              child.once('exit', resolve);
              setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
            }),
        ),
      );
      // An embedded cluster whose server was killed and not restarted is ours to stop.
      for (const dir of dirs) {
        const pidFile = path.join(dir, 'postgres', 'postmaster.pid');
        const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0]);
        if (pid > 0) {
          try {
            process.kill(pid, 'SIGINT');
          } catch {}
        }
      }
      await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
    },
  };
}

/** Polls `read` until it gives a value. */
export async function until<T>(
  read: () => Promise<T | undefined>,
  what: string,
  ms = 60_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** Kills `instance` with SIGKILL and waits until it is gone. */
export async function killHard(instance: Instance): Promise<void> {
  instance.proc.kill('SIGKILL');
  await until(
    async () => (instance.proc.exitCode !== null || instance.proc.signalCode ? true : undefined),
    'the kill',
  );
}
