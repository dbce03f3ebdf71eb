import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Redis from 'ioredis';
import { freePort } from './ports';

/**
 * A private redis-server on a free port, for tests that kill and restart Redis. The
 * machine's shared Redis is never touched.
 */
export interface RedisProcess {
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Starts it again on the same port (after stop). */
  start(): Promise<void>;
}

async function waitForRedis(port: number, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const probe = new Redis({
      port,
      host: '127.0.0.1',
      lazyConnect: true,
      retryStrategy: () => null,
    });
    probe.on('error', () => {});
    try {
      await probe.connect();
      await probe.ping();
      probe.disconnect();
      return;
    } catch {
      probe.disconnect();
      await sleep(50);
    }
  }
  throw new Error(`redis-server on port ${port} did not start`);
}

export async function startRedisProcess(): Promise<RedisProcess> {
  const port = await freePort();
  const dir = await mkdtemp(path.join(tmpdir(), 'parley-redis-'));
  let child: ChildProcess | undefined;
  const start = async () => {
    await mkdir(dir, { recursive: true });
    child = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        dir,
      ],
      {
        stdio: 'ignore',
      },
    );
    await waitForRedis(port);
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    async stop() {
      await stop();
      // It may be started again on the same port; redis-server recreates what it needs.
      await rm(dir, { recursive: true, force: true });
    },
  };
}
