import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@parley/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploymentEnv, type Instance, instances, until } from './instances';

/**
 * The embedded PostgreSQL (DATABASE_URL unset) seen from outside, as an operator meets
 * it: Ctrl+C in the terminal, a CLI run beside the server, a server killed outright.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

let db: TestDatabase;
const group = instances('embedded-process', () => ({
  ...deploymentEnv(db, 'embedded-process'),
  DATABASE_URL: '',
  LOG_LEVEL: 'info',
}));

beforeAll(async () => {
  db = await createTestDatabase('embedded_process');
});
afterAll(async () => {
  await group.stopAll();
  await db?.drop();
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function postmasterPid(dataDir: string): Promise<number> {
  const text = await readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8');
  return Number(text.split('\n')[0]);
}

function exited(instance: Instance): Promise<number | null> {
  if (instance.proc.exitCode !== null) return Promise.resolve(instance.proc.exitCode);
  return new Promise((resolve) => instance.proc.once('exit', (code) => resolve(code)));
}

/** `pnpm users:role` as the shell runs it, on `dataDir`: its exit code and stderr. */
function usersRole(dataDir: string): Promise<{ code: number | null; stderr: string }> {
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/users-role.ts', 'nobody@example.com', 'admin'],
    {
      cwd: path.join(repoRoot, 'packages/db'),
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  proc.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => proc.once('exit', (code) => resolve({ code, stderr })));
}

describe('embedded PostgreSQL', () => {
  it('a CLI beside the server, Ctrl+C, and a killed server', async () => {
    const dataDir = await group.newDataDir();
    const first = await group.start({ dataDir, detached: true });

    // A CLI on the running server's data: one sentence naming the server and the way out.
    const cli = await usersRole(dataDir);
    expect(cli.code).toBe(1);
    const lines = cli.stderr.trimEnd().split('\n');
    expect(lines).toEqual([
      `error: the server (pid ${first.proc.pid}) is running on ${dataDir}: stop it, or point DATABASE_URL at its database`,
    ]);

    // Ctrl+C: a terminal sends SIGINT to the whole foreground process group.
    const cluster = await postmasterPid(dataDir);
    const before = first.output().split('\n').length;
    process.kill(-first.proc.pid!, 'SIGINT');
    expect(await exited(first)).toBe(0);
    const after = first
      .output()
      .trimEnd()
      .split('\n')
      .slice(before - 1)
      .map((line) => JSON.parse(line) as { level: number; msg: string });
    expect(after.filter((l) => l.level >= 40)).toEqual([]);
    expect(after.map((l) => l.msg)).toContain('stopped');
    expect(alive(cluster)).toBe(false);

    // Killed outright, its cluster lives on; the next start on the same data stops it.
    const second = await group.start({ dataDir, detached: true });
    const orphan = await postmasterPid(dataDir);
    process.kill(second.proc.pid!, 'SIGKILL');
    await exited(second);
    expect(alive(orphan)).toBe(true);
    const third = await group.start({ dataDir });
    expect(third.output()).toContain(
      'stopping the embedded PostgreSQL of a server that was killed',
    );
    await until(async () => (alive(orphan) ? undefined : true), 'the orphan to stop', 5_000);
  }, 180_000);
});
