import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot, rssOf } from '../src/lib/ipc';

export interface ParleyProcess {
  url: string;
  port: number;
  pid: number;
  /** Parsed JSON log lines so far. */
  logs: Record<string, unknown>[];
  /** Raw output lines that were not JSON (crash traces). */
  raw: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  running(): boolean;
  /** How it exited, its last lines that were not JSON, and its last warnings and errors. */
  lastWords(): string;
  rss(): Promise<number>;
  kill(signal?: NodeJS.Signals): void;
  /** SIGTERM and wait (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Environment shared by the instances of one scenario (same secret, same Redis prefix). */
export function scenarioEnv(
  databaseUrl: string,
  redisUrl: string,
  extra: Record<string, string> = {},
) {
  return {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: `res:${randomBytes(3).toString('hex')}:`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    SEED_DEMO_LISTINGS: '50',
    WEB_DIST: path.join(tmpdir(), 'parley-no-web'),
    ...extra,
  };
}

/**
 * Parley as it is deployed: `node --import tsx apps/server/src/main.ts` in a child process,
 * configured only through the environment. Resolves once it logs that it is running.
 */
export async function startParley(env: Record<string, string>): Promise<ParleyProcess> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'parley-res-data-'));
  const child: ChildProcess = spawn(
    'bash',
    [
      '-c',
      'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$@"',
      'bash',
      process.execPath,
      '--import',
      'tsx',
      'src/main.ts',
    ],
    {
      cwd: path.join(repoRoot, 'apps/server'),
      env: { ...process.env, DATA_DIR: dataDir, ...env } as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const logs: Record<string, unknown>[] = [];
  const raw: string[] = [];
  let buffer = '';
  const onData = (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.trim()) continue;
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        raw.push(line);
      }
    }
    if (logs.length > 20_000) logs.splice(0, logs.length - 10_000);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  let done = false;
  let exit = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      done = true;
      exit = `code ${code}, signal ${signal}`;
      void rm(dataDir, { recursive: true, force: true });
      resolve({ code, signal });
    }),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Parley did not start:\n${raw.join('\n')}`)),
      60_000,
    );
    const poll = setInterval(() => {
      const running = logs.find(
        (l) => typeof l.msg === 'string' && l.msg.startsWith('Parley is running'),
      );
      if (running) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(String(running.url));
      }
    }, 25);
    void exited.then(({ code }) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(
        new Error(
          `Parley exited (${code}) before it started:\n${raw.join('\n')}\n${JSON.stringify(logs.slice(-5))}`,
        ),
      );
    });
  });
  return {
    url,
    port: Number(new URL(url).port),
    pid: child.pid!,
    logs,
    raw,
    exited,
    running: () => !done,
    lastWords: () =>
      [
        `exit: ${exit || 'still running'}`,
        // Enough for a crash's whole report: Node prints the error's properties after its
        // stack and, for an 'error' event nobody heard, which object emitted it.
        ...raw.slice(-60),
        ...logs
          .filter((l) => Number(l.level) >= 40)
          .slice(-20)
          .map((l) => JSON.stringify(l)),
      ].join('\n'),
    rss: () => rssOf(child.pid!),
    kill: (signal = 'SIGTERM') => void child.kill(signal),
    async stop(graceMs = 20_000) {
      if (done) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
}
