import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLogger } from '@parley/infra';
import { afterAll, describe, expect, it } from 'vitest';
import { type Parley, startParley } from '../src/app';
import { parseEnv } from '../src/env';
import { errorOf, httpClient } from './harness';

/**
 * While the server starts (here: its database never answers), a tRPC call gets a tRPC
 * SERVICE_UNAVAILABLE with retryAfter that the real client reads, not an opaque body.
 */

let blackhole: Server;
const held = new Set<Socket>();
let starting: Promise<Parley> | undefined;
let dataDir: string | undefined;

afterAll(async () => {
  for (const socket of held) socket.destroy();
  blackhole?.close();
  const parley = await starting?.catch(() => undefined);
  await parley?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
  );
}

describe('starting', () => {
  it('answers tRPC calls with SERVICE_UNAVAILABLE and retryAfter until ready', async () => {
    // Accepts connections and never says a word, so the start waits on the database.
    blackhole = createServer((socket) => {
      held.add(socket);
      socket.on('error', () => {});
    });
    const dbPort = await listen(blackhole);
    const probe = createServer();
    const port = await listen(probe);
    await new Promise((r) => probe.close(r));
    dataDir = await mkdtemp(path.join(tmpdir(), 'parley-starting-'));
    const env = parseEnv({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: `postgres://postgres@127.0.0.1:${dbPort}/never`,
      JWT_SECRET: randomBytes(32).toString('hex'),
      SEED_DEMO_LISTINGS: '0',
    });
    starting = startParley(env, { logger: createLogger({ name: 'parley', level: 'silent' }) });
    starting.catch(() => {});
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100; i++) {
      const up = await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const error = await errorOf(() => httpClient(url).listings.search.query({}));
    expect(error.data.code).toBe('SERVICE_UNAVAILABLE');
    expect(error.data.httpStatus).toBe(503);
    expect(error.data.retryAfter).toBe(1);
    const mutation = await errorOf(() =>
      httpClient(url).auth.login.mutate({ email: 'a@b.co', password: 'whatever' }),
    );
    expect(mutation.data.code).toBe('SERVICE_UNAVAILABLE');
    const raw = await fetch(`${url}/trpc/auth.me`);
    expect(raw.status).toBe(503);
    expect(raw.headers.get('retry-after')).toBe('1');
  });
});
