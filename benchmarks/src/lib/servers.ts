import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { benchRoot, startWorker, type Worker } from './ipc';

export interface ServerInfo {
  url: string;
  port: number;
  pid: number;
}

export interface ParleyStats {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  busListeners: number;
}

export type ParleyServer = Worker<ServerInfo> & { close(): Promise<void> };

/**
 * Production settings, with the limits meant for abuse raised so they do not cap a load
 * test from one loopback address: searches per IP, registrations per IP.
 */
export function benchEnv(databaseUrl: string, redis: string | undefined): Record<string, string> {
  return {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    ...(redis
      ? { REDIS_URL: redis, REDIS_KEY_PREFIX: `bench:${randomBytes(4).toString('hex')}:` }
      : {}),
    JWT_SECRET: randomBytes(32).toString('hex'),
    ACCESS_TOKEN_TTL_SECONDS: '86400',
    SEED_DEMO_LISTINGS: '0',
    RATE_LIMIT_SEARCH_PER_IP_PER_MINUTE: '1000000',
    RATE_LIMIT_REGISTER_PER_IP_PER_HOUR: '1000000',
    RATE_LIMIT_GUESTS_PER_IP_PER_HOUR: '1000000',
    RATE_LIMIT_VISITOR_SENDS_PER_MINUTE: '1000000',
    RATE_LIMIT_LOGIN_PER_IP_PER_MINUTE: '1000000',
    // The load comes from one loopback address: 10,000 sockets for ws.memory, 5,000 for fan-out.
    WS_MAX_CONNECTIONS_PER_IP: '1000000',
    WEB_DIST: path.join(benchRoot, '.no-web'),
  };
}

/** Starts Parley (src/targets/parley.ts) in a child process of its own. */
export async function startParleyServer(
  env: Record<string, string>,
  name = 'parley',
): Promise<ParleyServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'parley-bench-data-'));
  const worker = await startWorker<ServerInfo>(path.join(benchRoot, 'src/targets/parley.ts'), {
    name,
    env: { DATA_DIR: dataDir, ...env },
    // BENCH_CPU_PROF=<dir>: a V8 CPU profile of the server under test, written when it stops.
    nodeArgs: [
      '--expose-gc',
      ...(process.env.BENCH_CPU_PROF
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
        : []),
    ],
  });
  return Object.assign(worker, {
    async close() {
      await worker.call('stop', null, 30_000).catch(() => {});
      await worker.stop('SIGTERM', 5_000);
      await rm(dataDir, { recursive: true, force: true });
    },
  });
}

/** Starts one of the baseline servers in src/targets. */
export async function startTarget(
  file: string,
  env: Record<string, string> = {},
): Promise<Worker<ServerInfo> & { close(): Promise<void> }> {
  const worker = await startWorker<ServerInfo>(path.join(benchRoot, 'src/targets', file), {
    name: file.replace(/\.ts$/, ''),
    env,
    nodeArgs: [
      '--expose-gc',
      ...(process.env.BENCH_CPU_PROF
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
        : []),
    ],
  });
  return Object.assign(worker, {
    async close() {
      await worker.stop('SIGTERM', 5_000);
    },
  });
}

/** Starts a load generator (src/load/<file>) in a child process of its own. */
export async function startLoad(file: string): Promise<Worker & { close(): Promise<void> }> {
  const worker = await startWorker(path.join(benchRoot, 'src/load', file), {
    name: `load:${file.replace(/\.ts$/, '')}`,
  });
  return Object.assign(worker, {
    async close() {
      await worker.stop('SIGTERM', 5_000);
    },
  });
}
