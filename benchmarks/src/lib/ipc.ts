import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Every server under test and every load generator is a child process of its own, driven
 * over Node's IPC channel: the parent sends `{ id, cmd, args }`, the child answers
 * `{ id, ok, result | error }`. Load and server never share an event loop.
 */

export const benchRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const repoRoot = path.resolve(benchRoot, '..');

type Handler = (args: never) => unknown;
interface Request {
  id: number;
  cmd: string;
  args: unknown;
}
type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

/** Child side: answers the parent's commands, then tells it it is ready. */
export function serve(handlers: Record<string, Handler>, info: Record<string, unknown> = {}): void {
  if (!process.send)
    throw new Error('serve() needs an IPC channel: start this file with startWorker');
  process.on('message', (raw: Request) => {
    const handler = handlers[raw.cmd];
    const reply = (message: Reply) => process.connected && process.send!(message);
    if (!handler) return reply({ id: raw.id, ok: false, error: `unknown command ${raw.cmd}` });
    Promise.resolve()
      .then(() => (handler as (args: unknown) => unknown)(raw.args))
      .then(
        (result) => reply({ id: raw.id, ok: true, result: result ?? null }),
        (error: unknown) =>
          reply({
            id: raw.id,
            ok: false,
            error: error instanceof Error ? (error.stack ?? error.message) : String(error),
          }),
      );
  });
  // The parent went away: never linger holding ports or sockets.
  process.on('disconnect', () => process.exit(0));
  process.send({ ready: true, ...info });
}

export interface Worker<Info = Record<string, unknown>> {
  name: string;
  pid: number;
  info: Info;
  call<T = unknown>(cmd: string, args?: unknown, timeoutMs?: number): Promise<T>;
  /** Output the child wrote (its last ~200 lines), for diagnostics. */
  output(): string;
  /** Sends `signal` and waits for the exit (SIGKILL after `graceMs`). */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<number | null>;
  exited: Promise<number | null>;
}

export interface WorkerOptions {
  name: string;
  env?: Record<string, string | undefined>;
  /** Extra node flags (e.g. --expose-gc). */
  nodeArgs?: string[];
  cwd?: string;
  readyTimeoutMs?: number;
}

/**
 * Starts `script` (TypeScript, through tsx) as a child with the file-descriptor limit
 * raised to the hard limit, and waits for its `serve()` to report ready.
 */
export function startWorker<Info = Record<string, unknown>>(
  script: string,
  options: WorkerOptions,
): Promise<Worker<Info>> {
  const nodeArgs = ['--import', 'tsx', ...(options.nodeArgs ?? [])];
  const child: ChildProcess = spawn(
    'bash',
    [
      '-c',
      'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$@"',
      'bash',
      process.execPath,
      ...nodeArgs,
      script,
    ],
    {
      cwd: options.cwd ?? benchRoot,
      env: { ...process.env, ...options.env } as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line) continue;
      lines.push(line.length > 2_000 ? `${line.slice(0, 2_000)}...` : line);
      if (lines.length > 200) lines.shift();
    }
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))),
  );
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  child.on('message', (message: Reply | { ready: true }) => {
    if ('ready' in message) return;
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.ok) waiter.resolve(message.result);
    else waiter.reject(new Error(`${options.name}: ${message.error}`));
  });
  void exited.then((code) => {
    for (const waiter of pending.values())
      waiter.reject(new Error(`${options.name} exited (${code}):\n${lines.slice(-30).join('\n')}`));
    pending.clear();
  });

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${options.name} did not start in time:\n${lines.slice(-30).join('\n')}`));
    }, options.readyTimeoutMs ?? 60_000);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(
        new Error(
          `${options.name} exited (${code}) before it was ready:\n${lines.slice(-40).join('\n')}`,
        ),
      );
    });
    child.on('message', (message: { ready?: boolean } & Record<string, unknown>) => {
      if (!message.ready) return;
      clearTimeout(timer);
      const { ready: _ready, ...info } = message;
      resolve({
        name: options.name,
        pid: child.pid!,
        info: info as Info,
        exited,
        output: () => lines.join('\n'),
        call<T>(cmd: string, args?: unknown, timeoutMs = 600_000) {
          return new Promise<T>((res, rej) => {
            if (child.exitCode !== null || !child.connected)
              return rej(new Error(`${options.name} is not running`));
            const id = nextId++;
            const timeout = setTimeout(() => {
              pending.delete(id);
              rej(new Error(`${options.name}: ${cmd} timed out after ${timeoutMs} ms`));
            }, timeoutMs);
            pending.set(id, {
              resolve: (v) => {
                clearTimeout(timeout);
                res(v as T);
              },
              reject: (e) => {
                clearTimeout(timeout);
                rej(e);
              },
            });
            child.send({ id, cmd, args: args ?? null });
          });
        },
        async stop(signal = 'SIGTERM', graceMs = 15_000) {
          if (child.exitCode !== null || child.signalCode !== null) return exited;
          child.kill(signal);
          const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
          const code = await exited;
          clearTimeout(timer);
          return code;
        },
      });
    });
  });
}

/** Resident set size of a process, in bytes, from /proc (0 when it is gone). */
export async function rssOf(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}
