import { openChats } from '../lib/chats';
import type { RunContext } from '../lib/context';
import { type BenchResult, result } from '../lib/report';
import { benchEnv, type ParleyStats, startLoad, startParleyServer } from '../lib/servers';
import { percentile, round, sleep } from '../lib/stats';

interface RunResult {
  sent: number;
  answered: number;
  latencies: number[];
  errorCount: number;
  errors: string[];
}

// BENCH_SOAK_RATE / BENCH_SOAK_SECONDS: for leak hunting (a faster rate ages sessions sooner).
const RATE = Number(process.env.BENCH_SOAK_RATE ?? 25);

/**
 * RSS after a full GC, the lowest of three readings half a second apart: freed socket
 * buffers and allocator pages come back at their own pace, and a single reading swings by
 * tens of MB on its own.
 */
async function settled(parley: { call<T>(cmd: string): Promise<T> }): Promise<ParleyStats> {
  let best: ParleyStats | undefined;
  for (let i = 0; i < 3; i++) {
    await sleep(500);
    const s = await parley.call<ParleyStats>('gc');
    if (!best || s.rss < best.rss) best = s;
  }
  return best!;
}

/**
 * soak: 100 chats sending at 25 msg/s for 2 minutes (quick) or 30 (full), with a fifth of
 * the sockets dropped and resumed (lastEventId) every 20 s. RSS after a full GC at the end
 * against the same after a warm-up; then every socket closes and Parley must hold no
 * subscription (bus listeners) at all.
 */
export async function soak(ctx: RunContext): Promise<BenchResult[]> {
  const totalSeconds = Number(process.env.BENCH_SOAK_SECONDS ?? ctx.pick(120, 1_800));
  const parley = await startParleyServer(benchEnv(ctx.databaseUrl, ctx.redisUrl));
  const load = await startLoad('chat.ts');
  try {
    const started = performance.now();
    const { chats } = await openChats(parley.info.url, 20, 5);
    await load.call('setup', { url: parley.info.url, chats });
    const warm = await load.call<RunResult>('run', { rate: RATE, seconds: ctx.pick(15, 60) });
    const start = await settled(parley);
    ctx.log(
      `  warm: ${warm.answered}/${warm.sent}; RSS ${round(start.rss / 2 ** 20, 1)} MB, heap ${round(start.heapUsed / 2 ** 20, 1)} MB`,
    );
    let sent = 0;
    let answered = 0;
    let errors = 0;
    let reopened = 0;
    let resumedWithId = 0;
    const latencies: number[] = [];
    const segment = 20;
    while ((performance.now() - started) / 1000 < totalSeconds - segment) {
      const r = await load.call<RunResult>('run', { rate: RATE, seconds: segment });
      sent += r.sent;
      answered += r.answered;
      errors += r.errorCount;
      latencies.push(...r.latencies);
      const churned = await load.call<{ reopened: number; withId: number }>('churn', {
        share: 0.2,
      });
      reopened += churned.reopened;
      resumedWithId += churned.withId;
      const now = await parley.call<ParleyStats>('stats');
      ctx.log(
        `  ${Math.round((performance.now() - started) / 1000)} s: ${answered}/${sent} answered, p99 ${round(percentile(r.latencies, 99))} ms, RSS ${round(now.rss / 2 ** 20, 1)} MB, heap ${round(now.heapUsed / 2 ** 20, 1)} MB, ${now.busListeners} bus listeners`,
      );
    }
    const end = await settled(parley);
    await load.call('close');
    await sleep(2_000);
    const after = await parley.call<ParleyStats>('stats');
    const drift = (end.rss - start.rss) / start.rss;
    ctx.log(
      `  end: RSS ${round(end.rss / 2 ** 20, 1)} MB (${round(drift * 100, 1)}%), heap ${round(end.heapUsed / 2 ** 20, 1)} MB; after closing every socket: ${after.busListeners} bus listeners`,
    );
    const minutes = round((performance.now() - started) / 60_000, 1);
    return [
      result({
        name: 'soak.rss-drift',
        value: drift * 100,
        unit: '%',
        baseline: start.rss / 2 ** 20,
        ratio: round(end.rss / start.rss, 3),
        target: '<= 10%',
        pass: drift <= 0.1,
        detail: `${minutes} min of 100 chats at ${RATE} msg/s (${answered}/${sent} answered, ${errors} errors, p99 ${round(percentile(latencies, 99))} ms), ${reopened} socket drops resumed (${resumedWithId} of them with a lastEventId); RSS after full GC (lowest of 3 readings) ${round(start.rss / 2 ** 20, 1)} -> ${round(end.rss / 2 ** 20, 1)} MB (baseline column: MB at start), heap ${round(start.heapUsed / 2 ** 20, 1)} -> ${round(end.heapUsed / 2 ** 20, 1)} MB`,
      }),
      result({
        name: 'soak.leftover-subscriptions',
        value: after.busListeners,
        unit: 'listeners',
        baseline: null,
        target: '0',
        pass: after.busListeners === 0,
        detail:
          'bus handlers still registered 2 s after every client socket closed (a live sessions.events holds one, plus one per session and instance for the fan-out)',
      }),
    ];
  } finally {
    await load.close();
    await parley.close();
  }
}
