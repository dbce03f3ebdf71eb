import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { cpus } from 'node:os';

/**
 * Who on this machine spent the CPU of a load step: the server under test, the load
 * generator, PostgreSQL and Redis (when they run here), and everything else. Read from
 * /proc (Linux); elsewhere only the machine's total is known.
 */
export interface CpuSnapshot {
  machine: number;
  byGroup: Record<string, number>;
}

const TICK_MS = (() => {
  try {
    return 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  } catch {
    return 10;
  }
})();

/** CPU time all cores of this machine have spent busy so far (ms). */
export function machineBusyMs(): number {
  let busy = 0;
  for (const { times } of cpus()) busy += times.user + times.nice + times.sys + times.irq;
  return busy;
}

/** `pids` names processes of our own; PostgreSQL and Redis are found by their command name. */
export async function cpuSnapshot(pids: Record<string, number>): Promise<CpuSnapshot> {
  const byGroup: Record<string, number> = { postgres: 0, redis: 0 };
  for (const group of Object.keys(pids)) byGroup[group] = 0;
  const groupOfPid = new Map(Object.entries(pids).map(([group, pid]) => [pid, group]));
  const entries = await readdir('/proc').catch(() => [] as string[]);
  await Promise.all(
    entries
      .filter((entry) => /^\d+$/.test(entry))
      .map(async (entry) => {
        const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
        const close = stat.lastIndexOf(')');
        if (close < 0) return;
        const comm = stat.slice(stat.indexOf('(') + 1, close);
        const group =
          groupOfPid.get(Number(entry)) ??
          (comm === 'postgres' ? 'postgres' : comm === 'redis-server' ? 'redis' : undefined);
        if (!group) return;
        // Fields after the command: state is 3rd; utime and stime are the 14th and 15th.
        const fields = stat.slice(close + 2).split(' ');
        byGroup[group]! += (Number(fields[11]) + Number(fields[12])) * TICK_MS;
      }),
  );
  return { machine: machineBusyMs(), byGroup };
}

/** Per-turn CPU (ms) of each group between two snapshots, with the rest as `other`. */
export function cpuSplit(
  before: CpuSnapshot,
  after: CpuSnapshot,
  turns: number,
): Record<string, number> & { machine: number; other: number } {
  const n = Math.max(1, turns);
  const result: Record<string, number> = {};
  let known = 0;
  for (const [group, ms] of Object.entries(after.byGroup)) {
    const spent = ms - (before.byGroup[group] ?? 0);
    known += spent;
    result[group] = spent / n;
  }
  const machine = (after.machine - before.machine) / n;
  return { ...result, machine, other: Math.max(0, machine - known / n) };
}
