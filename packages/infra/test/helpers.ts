import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { testKeyPrefix, testRedisUrl } from '@parley/testing';
import { Redis } from 'ioredis';
import { createLogger } from '../src/logger';

/**
 * The machine's shared Redis (REDIS_URL, required under CI): tests keep to their own
 * prefix. Only suites that run when `hasRedis` use it.
 */
export const sharedRedisUrl = testRedisUrl() ?? 'redis://127.0.0.1:6379';

export const testLogger = createLogger({ name: 'infra-test', level: 'silent' });

export function uniquePrefix(): string {
  return testKeyPrefix('infra');
}

/** Fails (never skips) when the shared Redis is missing: these tests exist to exercise it. */
export async function connectShared(): Promise<Redis> {
  const admin = new Redis(sharedRedisUrl, {
    lazyConnect: true,
    connectTimeout: 2_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await admin.connect();
    await admin.ping();
  } catch (err) {
    admin.disconnect();
    throw new Error(`Redis is required at ${sharedRedisUrl} (set REDIS_URL): ${String(err)}`);
  }
  return admin;
}

/** Removes a test's keys from the shared Redis. */
export async function dropPrefix(admin: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await admin.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    if (keys.length > 0) await admin.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** A private redis-server child for fault tests: the shared one is never stopped. */
export class RedisServer {
  #child: ChildProcess | undefined;

  constructor(readonly port: number) {}

  static async start(port?: number): Promise<RedisServer> {
    const server = new RedisServer(port ?? (await freePort()));
    await server.start();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const args = [
      '--port',
      String(this.port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
    ];
    args.push('--dir', tmpdir());
    const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.#child = child;
    // Never leave a server behind, even if the test process dies mid-test.
    const reap = () => child.kill('SIGKILL');
    process.once('exit', reap);
    child.once('exit', () => process.off('exit', reap));
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`redis-server did not start: ${output}`)),
        5_000,
      );
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited with ${code}: ${output}`));
      });
    });
  }

  /** SIGKILL: the connections die the way they do when Redis crashes. */
  async kill(): Promise<void> {
    const child = this.#child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }

  /** SIGSTOP / SIGCONT: a Redis that keeps its sockets open but stops answering. */
  pause(): void {
    this.#child?.kill('SIGSTOP');
  }

  resume(): void {
    this.#child?.kill('SIGCONT');
  }
}

export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<number> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return Date.now() - started;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs `fn` and records how long it took, so a test can bound every call. */
export function stopwatch() {
  const durations: number[] = [];
  return {
    durations,
    async time<T>(fn: () => Promise<T>): Promise<T> {
      const started = performance.now();
      try {
        return await fn();
      } finally {
        durations.push(performance.now() - started);
      }
    },
    get slowest(): number {
      return Math.max(0, ...durations);
    },
  };
}
