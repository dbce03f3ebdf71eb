import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { AppRouter } from '@parley/api';
import { createLogger } from '@parley/infra';
import {
  createTestDatabase,
  type TestDatabase,
  testKeyPrefix,
  testRedisUrl,
} from '@parley/testing';
import {
  createTRPCClient,
  createWSClient,
  httpBatchLink,
  httpSubscriptionLink,
  splitLink,
  type TRPCClient,
  wsLink,
} from '@trpc/client';
import { EventSource } from 'eventsource';
import superjson from 'superjson';
import WebSocket from 'ws';
import { type Parley, startParley } from '../src/app';
import { parseEnv } from '../src/env';

export type Client = TRPCClient<AppRouter>;

export interface TestServer {
  parley: Parley;
  url: string;
  db: TestDatabase;
  /** Every log line the server wrote, parsed. */
  logs: Record<string, unknown>[];
  dataDir: string;
  /** Extra environment passed to startParley, for a second instance on the same data. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * A real Parley on a free port with a database of its own and the shared Redis under a
 * key prefix of its own. `env` overrides any variable.
 */
export async function startTestServer(
  options: { env?: Record<string, string | undefined>; db?: TestDatabase; label?: string } = {},
): Promise<TestServer> {
  const db = options.db ?? (await createTestDatabase(options.label ?? 'server'));
  const dataDir = await mkdtemp(path.join(tmpdir(), 'parley-data-'));
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'debug',
    DATA_DIR: dataDir,
    DATABASE_URL: db.url,
    // Without a Redis (a laptop with only Node), the server runs its in-process fallbacks.
    ...(testRedisUrl() ? { REDIS_URL: testRedisUrl()! } : {}),
    REDIS_KEY_PREFIX: testKeyPrefix('srv'),
    JWT_SECRET: randomBytes(32).toString('hex'),
    SEED_DEMO_LISTINGS: '0',
    ...(Object.fromEntries(
      Object.entries(options.env ?? {}).filter(([, v]) => v !== undefined),
    ) as Record<string, string>),
  };
  for (const [key, value] of Object.entries(options.env ?? {}))
    if (value === undefined) delete env[key];
  const logs: Record<string, unknown>[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) logs.push(JSON.parse(line));
  });
  const logger = createLogger({ name: 'parley', level: 'debug', destination: stream });
  const parley = await startParley(parseEnv(env), { logger });
  let closed = false;
  return {
    parley,
    url: parley.url,
    db,
    logs,
    dataDir,
    env,
    async close() {
      if (closed) return;
      closed = true;
      await parley.close();
      if (!options.db) await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

type Token = string | (() => string | undefined) | undefined;
const bearer = (token: Token) => (typeof token === 'function' ? token() : token);

/** tRPC over HTTP, batched, as the SDK does it. */
export function httpClient(url: string, token?: Token): Client {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url: `${url}/trpc`,
          transformer: superjson,
          EventSource: EventSource as never,
          eventSourceOptions: () => {
            const value = bearer(token);
            return {
              fetch: (input: string | URL, init?: RequestInit) =>
                fetch(input, {
                  ...init,
                  headers: {
                    ...(init?.headers as Record<string, string>),
                    ...(value ? { authorization: `Bearer ${value}` } : {}),
                  },
                }),
            } as never;
          },
        }),
        false: httpBatchLink({
          url: `${url}/trpc`,
          transformer: superjson,
          headers: () => {
            const value = bearer(token);
            return value ? { authorization: `Bearer ${value}` } : {};
          },
        }),
      }),
    ],
  });
}

export interface WsHandle {
  client: Client;
  ws: ReturnType<typeof createWSClient>;
  close(): Promise<void>;
}

/** tRPC over one WebSocket, credentials in connectionParams like the SDK sends them. */
export function wsClient(url: string, token?: Token, options: { origin?: string } = {}): WsHandle {
  const headers = options.origin ? { origin: options.origin } : undefined;
  const ws = createWSClient({
    url: `${url.replace(/^http/, 'ws')}/trpc`,
    WebSocket: class extends WebSocket {
      constructor(address: string | URL, protocols?: string | string[]) {
        super(address, protocols, headers ? { headers } : undefined);
      }
    } as never,
    connectionParams: () => {
      const value = bearer(token);
      return value ? { token: value } : {};
    },
    retryDelayMs: () => 100,
  });
  const client = createTRPCClient<AppRouter>({
    links: [wsLink({ client: ws, transformer: superjson })],
  });
  return { client, ws, close: () => ws.close() };
}

/** Signs a new user up and returns the tokens. */
export async function signUp(client: Client, label = 'user') {
  const email = `${label}-${randomBytes(4).toString('hex')}@example.com`;
  const password = `correct horse ${randomBytes(4).toString('hex')}`;
  const result = await client.auth.register.mutate({ email, password, name: label });
  return { ...result, email, password };
}

/** Runs `fn` and returns the tRPC error it throws (fails the test if it does not). */
export async function errorOf(fn: () => Promise<unknown>): Promise<{
  message: string;
  data: {
    code: string;
    httpStatus: number;
    requestId: string;
    fieldErrors?: Record<string, string[]>;
    retryAfter?: number;
  };
}> {
  try {
    await fn();
  } catch (error) {
    return error as never;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** Every SQL statement `server` runs while `work` runs (its Sequelize's statement log). */
export async function statementsOf(
  server: TestServer,
  work: () => Promise<unknown>,
): Promise<string[]> {
  // Sequelize reads `options.logging` on every query; its type does not declare `options`.
  const { options } = server.parley.services.db.sequelize as unknown as {
    options: { logging: false | ((sql: string) => void) };
  };
  const logging = options.logging;
  const statements: string[] = [];
  options.logging = (sql: string) => {
    statements.push(sql.replace(/^Executing \([^)]*\): /, ''));
  };
  try {
    await work();
  } finally {
    options.logging = logging;
  }
  return statements;
}
