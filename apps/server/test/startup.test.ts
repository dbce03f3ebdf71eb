import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { connect, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createTestDatabase,
  type TestDatabase,
  testKeyPrefix,
  testRedisUrl,
} from '@parley/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { httpClient } from './harness';

/**
 * The real entry point (`pnpm start` = `node --import tsx src/main.ts`) as a child
 * process with an environment of the test's choosing: exit codes, stderr, signals.
 */
const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Child {
  proc: ChildProcess;
  /** Parsed JSON log lines from stdout. */
  logs: Record<string, unknown>[];
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  waitForLog(match: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<void>;
  /** Waits for "Parley is running at <url>" and returns the URL. */
  running(timeoutMs?: number): Promise<string>;
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** A plain HTTP request on `agent`'s connections (a body, when given, is POSTed as JSON). */
function post(
  agent: Agent,
  base: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      `${base}${path}`,
      {
        agent,
        method: payload ? 'POST' : 'GET',
        headers: payload ? { 'content-type': 'application/json' } : {},
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const children = new Set<Child>();
const tempDirs: string[] = [];

function spawnParley(env: Record<string, string | undefined>): Child {
  const clean = Object.fromEntries(
    Object.entries({ PATH: process.env.PATH, HOME: process.env.HOME, ...env }).filter(
      ([, v]) => v !== undefined,
    ),
  ) as Record<string, string>;
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: clean,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  let pending = '';
  const waiters = new Set<() => void>();
  proc.stdout!.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.trim()) continue;
      try {
        logs.push(JSON.parse(line));
      } catch {
        logs.push({ msg: line, unparsed: true });
      }
    }
    for (const w of waiters) w();
  });
  proc.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>(
    (resolve) => {
      proc.once('exit', (code, signal) => {
        resolve({ code, signal, at: performance.now() });
        for (const w of waiters) w();
      });
    },
  );
  const waitForLog = (match: (line: Record<string, unknown>) => boolean, timeoutMs = 20_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (logs.some(match)) return done(resolve);
        if (proc.exitCode !== null || proc.signalCode !== null) {
          done(() =>
            reject(new Error(`exited (${proc.exitCode ?? proc.signalCode}); stderr: ${stderr}`)),
          );
        }
      };
      const timer = setTimeout(
        () => done(() => reject(new Error(`no such log line within ${timeoutMs} ms`))),
        timeoutMs,
      );
      const done = (then: () => void) => {
        clearTimeout(timer);
        waiters.delete(check);
        then();
      };
      waiters.add(check);
      check();
    });
  const child: Child = {
    proc,
    logs,
    stderr: () => stderr,
    exited,
    waitForLog,
    async running(timeoutMs = 30_000) {
      const isRunning = (l: Record<string, unknown>) =>
        typeof l.msg === 'string' && l.msg.startsWith('Parley is running at');
      await waitForLog(isRunning, timeoutMs);
      const msg = logs.find(isRunning)!.msg as string;
      return /Parley is running at (\S+)/.exec(msg)![1]!;
    },
    async stop(graceMs = 10_000) {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
  children.add(child);
  return child;
}

/**
 * How long the runtime alone (node + the tsx loader, nothing of Parley) takes to start and
 * exit right now. On an idle machine it is a few hundred ms; when the machine is
 * overloaded (parallel test files) it grows, and so may the bound on a busy-port exit.
 */
async function runtimeFloorMs(): Promise<number> {
  const started = performance.now();
  const proc = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', ''], {
    cwd: serverDir,
    stdio: 'ignore',
  });
  await new Promise((resolve) => proc.once('exit', resolve));
  return performance.now() - started;
}

/**
 * Starts Parley on a busy port and, at the same moment, the bare runtime; returns how long
 * Parley took and the bound it must meet: the 2 s of docs/design.md, stretched only by
 * what an overloaded machine adds to any start.
 */
async function timeBusyPortExit(env: Record<string, string | undefined>) {
  const floor = runtimeFloorMs();
  const started = performance.now();
  const child = spawnParley(env);
  const { code, at } = await child.exited;
  // The floor (a bare runtime start) is measured at the same time, on the same busy machine;
  // the bound is loose on purpose: what it catches is a start that goes on (opens the
  // database, waits on timeouts) instead of exiting at once, not a slow module load.
  return { child, code, ms: at - started, bound: Math.max(2_000, 2 * (await floor) + 1_500) };
}

/** A data folder the embedded PostgreSQL (run as the `postgres` user when root) can reach. */
async function tempDataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'parley-start-'));
  await chmod(dir, 0o755);
  tempDirs.push(dir);
  return dir;
}

function listenOn(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** Resolves with the connection error code, or 'connected' when something accepted. */
function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

let db: TestDatabase;
const baseEnv = () => ({
  NODE_ENV: 'test',
  HOST: '127.0.0.1',
  PORT: '0',
  LOG_LEVEL: 'info',
  LOG_PRETTY: 'false',
  DATABASE_URL: db.url,
  ...(testRedisUrl() ? { REDIS_URL: testRedisUrl()! } : {}),
  REDIS_KEY_PREFIX: testKeyPrefix('start'),
  JWT_SECRET: randomBytes(32).toString('hex'),
  SEED_DEMO_LISTINGS: '0',
});

beforeAll(async () => {
  db = await createTestDatabase('startup');
});
afterEach(async () => {
  await Promise.all([...children].map((c) => c.stop(5_000)));
  children.clear();
});
afterAll(async () => {
  await db?.drop();
  await Promise.all(tempDirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function envWithDataDir(extra: Record<string, string | undefined> = {}) {
  return { ...baseEnv(), DATA_DIR: await tempDataDir(), ...extra };
}

describe('busy port', () => {
  it('held by this process: one line naming port, pid and PORT=, exit 1 in under 2 s, holder untouched', async () => {
    const holder = createServer((socket) => {
      socket.on('error', () => {});
      socket.end('still here\n');
    });
    const port = await listenOn(holder, 0);
    try {
      const { child, code, ms, bound } = await timeBusyPortExit(
        await envWithDataDir({ PORT: String(port) }),
      );
      expect(code).toBe(1);
      expect(ms).toBeLessThan(bound);
      const lines = child.stderr().trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`Port ${port}`);
      expect(lines[0]).toContain(`pid ${process.pid}`);
      expect(lines[0]).toMatch(/PORT=/);
      expect(lines[0]).toMatch(/Nothing was stopped/);
      expect(child.logs.some((l) => String(l.msg).startsWith('Parley is running'))).toBe(false);
      // The holder still listens and answers.
      expect(holder.listening).toBe(true);
      expect(await tryConnect(port)).toBe('connected');
    } finally {
      await new Promise((r) => holder.close(r));
    }
  });

  it('held by another process: names its pid and command, and leaves it running', async () => {
    const holder = spawn(
      process.execPath,
      [
        '-e',
        "require('net').createServer(s => { s.on('error', () => {}); s.end('ok'); }).listen(0, '127.0.0.1', function () { console.log(this.address().port) })",
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      const port = await new Promise<number>((resolve, reject) => {
        holder.stdout!.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
        holder.once('exit', () => reject(new Error('holder exited')));
      });
      const { child, code, ms, bound } = await timeBusyPortExit(
        await envWithDataDir({ PORT: String(port) }),
      );
      expect(code).toBe(1);
      expect(ms).toBeLessThan(bound);
      const lines = child.stderr().trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`Port ${port}`);
      expect(lines[0]).toContain(`pid ${holder.pid}`);
      expect(lines[0]).toContain(process.execPath.split('/').pop()!);
      expect(lines[0]).toMatch(/PORT=/);
      expect(holder.exitCode).toBeNull();
      expect(holder.signalCode).toBeNull();
      expect(await tryConnect(port)).toBe('connected');
    } finally {
      holder.kill('SIGKILL');
    }
  });
});

describe('configuration is checked at start', () => {
  it('a bad PORT or REDIS_URL stops the start with one line naming the variable and what it expects', async () => {
    const cases = [
      {
        env: { PORT: 'not-a-port' },
        name: 'PORT',
        expects: /expects a whole number from 0 to 65535/,
      },
      { env: { REDIS_URL: 'http://x' }, name: 'REDIS_URL', expects: /expects a redis:\/\/ URL/ },
      { env: { PORT: '70000' }, name: 'PORT', expects: /expects a whole number from 0 to 65535/ },
    ];
    const started = await Promise.all(
      cases.map(async (c) => spawnParley(await envWithDataDir(c.env))),
    );
    for (const [i, child] of started.entries()) {
      const { code } = await child.exited;
      const { name, expects } = cases[i]!;
      expect(code).toBe(1);
      const lines = child.stderr().trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`${name}=`);
      expect(lines[0]).toMatch(expects);
      expect(lines[0]).not.toMatch(/\n\s+at /);
      expect(child.logs.some((l) => String(l.msg).startsWith('Parley is running'))).toBe(false);
    }
  });
});

describe('PORT=0', () => {
  it('picks a free port, prints the URL, answers /healthz, and SIGTERM exits 0', async () => {
    const child = spawnParley(await envWithDataDir({ PORT: '0' }));
    const url = await child.running();
    const port = Number(new URL(url).port);
    expect(port).toBeGreaterThan(0);
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', service: 'parley' });
    child.proc.kill('SIGTERM');
    const { code, signal } = await child.exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(child.logs.some((l) => l.msg === 'stopped')).toBe(true);
    expect(await tryConnect(port)).toBe('ECONNREFUSED');
  });
});

describe('Ctrl+C', () => {
  it('SIGINT when idle stops within 2 s, logs that it stopped, prints no trace, exits 0', async () => {
    const child = spawnParley(await envWithDataDir({ PORT: '0' }));
    const url = await child.running();
    // Served a call first, so it is idle with its pools warm, as after real use.
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    const sent = performance.now();
    child.proc.kill('SIGINT');
    const { code, signal, at } = await child.exited;
    console.info(`Ctrl+C: stopped in ${at - sent} ms`);
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(at - sent).toBeLessThan(2_000);
    expect(child.logs.some((l) => l.msg === 'stopped')).toBe(true);
    expect(child.stderr()).toBe('');
  });
});

describe('embedded PostgreSQL (DATABASE_URL unset)', () => {
  it('starts, keeps data across a restart on the same DATA_DIR, and /readyz answers', async () => {
    const dataDir = await tempDataDir();
    const env = { ...baseEnv(), DATABASE_URL: undefined, JWT_SECRET: undefined, DATA_DIR: dataDir };
    const first = spawnParley(env);
    const url1 = await first.running(60_000);
    expect(first.logs.find((l) => l.msg === 'embedded PostgreSQL started')).toMatchObject({
      fresh: true,
    });
    const ready = await fetch(`${url1}/readyz`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { checks: { database: unknown } }).checks.database).toEqual({
      status: 'up',
    });
    const email = `embedded-${randomBytes(4).toString('hex')}@example.com`;
    const password = `correct horse ${randomBytes(4).toString('hex')}`;
    const registered = await httpClient(url1).auth.register.mutate({
      email,
      password,
      name: 'Embedded',
    });
    first.proc.kill('SIGTERM');
    expect((await first.exited).code).toBe(0);

    const second = spawnParley(env);
    const url2 = await second.running(60_000);
    expect(second.logs.find((l) => l.msg === 'embedded PostgreSQL started')).toMatchObject({
      fresh: false,
    });
    const again = await httpClient(url2).auth.login.mutate({ email, password });
    expect(again.user.id).toBe(registered.user.id);
    // The generated JWT key is kept in DATA_DIR too, so the old token still works.
    expect((await httpClient(url2, registered.accessToken).auth.me.query()).id).toBe(
      registered.user.id,
    );
    expect((await fetch(`${url2}/readyz`)).status).toBe(200);
    second.proc.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
    // Two cold starts of an embedded cluster (each also installs or checks the job
    // engine's schema): 49 s was seen on a loaded 2-core machine.
  }, 120_000);
});

describe('graceful shutdown', () => {
  it('finishes every in-flight request, refuses new connections, and exits 0', async () => {
    const child = spawnParley(
      await envWithDataDir({
        SHUTDOWN_TIMEOUT_MS: '20000',
        RATE_LIMIT_REGISTER_PER_IP_PER_HOUR: '1000',
      }),
    );
    const url = await child.running();
    const port = Number(new URL(url).port);
    // Thirty connections the server has already accepted (each answered a /healthz), so
    // that every registration below is on its way to the server when the signal comes:
    // a connection still in the kernel's queue at that moment would be refused, not late.
    const agent = new Agent({ keepAlive: true, maxSockets: 30 });
    await Promise.all(Array.from({ length: 30 }, () => post(agent, url, '/healthz')));
    let finished = 0;
    // One connection per call: each is its own HTTP request, not one batch.
    const calls = Array.from({ length: 30 }, (_, i) =>
      post(agent, url, '/trpc/auth.register', {
        json: {
          email: `inflight-${i}-${randomBytes(4).toString('hex')}@example.com`,
          password: `correct horse ${randomBytes(4).toString('hex')}`,
          name: `in flight ${i}`,
        },
      }).finally(() => {
        finished++;
      }),
    );
    // Signal as soon as the first answer arrives: the other requests were sent with it.
    await Promise.race(calls);
    const finishedAtSignal = finished;
    const signalledAt = performance.now();
    child.proc.kill('SIGTERM');
    await child.waitForLog((l) => String(l.msg).startsWith('shutting down'), 5_000);
    const stillInFlight = 30 - finished;
    const refused = await tryConnect(port);
    const results = await Promise.allSettled(calls);
    agent.destroy();
    const { code, at } = await child.exited;

    expect(finishedAtSignal).toBeLessThan(30);
    expect(stillInFlight).toBeGreaterThan(0);
    expect(refused).toBe('ECONNREFUSED');
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    for (const r of results) expect(r.status === 'fulfilled' && r.value.status).toBe(200);
    const ids = results.map((r) =>
      r.status === 'fulfilled'
        ? (JSON.parse(r.value.body) as { result: { data: { json: { user: { id: string } } } } })
            .result.data.json.user.id
        : null,
    );
    expect(new Set(ids).size).toBe(30);
    const [row] = await db.query<{ count: string }>(
      "SELECT count(*) FROM users WHERE email LIKE 'inflight-%'",
    );
    expect(Number(row?.count)).toBe(30);
    expect(code).toBe(0);
    expect(at - signalledAt).toBeLessThan(20_000);
    expect(child.logs.some((l) => String(l.msg).startsWith('shutdown timeout'))).toBe(false);
    expect(child.logs.some((l) => l.msg === 'stopped')).toBe(true);
  });
});
