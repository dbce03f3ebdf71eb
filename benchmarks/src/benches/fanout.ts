import { apiClient, signUp } from '../lib/api';
import type { RunContext } from '../lib/context';
import { type BenchResult, result } from '../lib/report';
import { benchEnv, startLoad, startParleyServer, startTarget } from '../lib/servers';
import { percentile, round } from '../lib/stats';

interface Fanout {
  lastLatencies: number[];
  medianLatencies: number[];
  missing: number[];
}

const SUBSCRIBERS = 5_000;

/**
 * fanout.5k: one `sessions.typing` event to 5,000 WebSocket subscribers of one session on
 * one instance, timed from the trigger to the last receipt; then the same payload from a
 * bare `ws` broadcast and from a Socket.IO room broadcast to 5,000 clients.
 */
export async function fanout(ctx: RunContext): Promise<BenchResult[]> {
  const rounds = ctx.pick(12, 50);
  const warmup = 3;
  const stats = (f: Fanout) => {
    const last = f.lastLatencies.slice(warmup);
    return {
      p50: percentile(last, 50),
      p95: percentile(last, 95),
      median: percentile(f.medianLatencies.slice(warmup), 50),
      missing: f.missing.reduce((a, b) => a + b, 0),
    };
  };
  const markers = ['"typing":true', '"typing":false'];

  // Parley.
  let payloads: string[];
  let parleyStats: ReturnType<typeof stats>;
  {
    const parley = await startParleyServer(benchEnv(ctx.databaseUrl, ctx.redisUrl));
    const load = await startLoad('sockets.ts');
    try {
      const person = await signUp(parley.info.url, 'fanout');
      const { session } = await apiClient(
        parley.info.url,
        person.accessToken,
      ).sessions.create.mutate({});
      const connected = await load.call<{ ms: number }>('connect', {
        kind: 'parley',
        url: parley.info.url,
        count: SUBSCRIBERS,
        token: person.accessToken,
        sessionId: session.id,
      });
      ctx.log(`  parley: ${SUBSCRIBERS} subscribed in ${Math.round(connected.ms)} ms`);
      const body = (typing: boolean) => JSON.stringify({ json: { sessionId: session.id, typing } });
      const f = await load.call<Fanout>('fanout', {
        rounds: rounds + warmup,
        trigger: {
          url: `${parley.info.url}/trpc/sessions.typing`,
          headers: { authorization: `Bearer ${person.accessToken}` },
          bodies: [body(true), body(false)],
        },
        markers,
      });
      parleyStats = stats(f);
      const sample = await load.call<string>('sample');
      // The frames Parley sent, for the baselines to send byte for byte.
      payloads = [
        sample.replace('"typing":false', '"typing":true'),
        sample.replace('"typing":true', '"typing":false'),
      ];
      ctx.log(
        `  parley: last receipt p50 ${round(parleyStats.p50)} / p95 ${round(parleyStats.p95)} ms, median receipt ${round(parleyStats.median)} ms, ${parleyStats.missing} missing; ${sample.length} B frames`,
      );
      await load.call('close');
    } finally {
      await load.close();
      await parley.close();
    }
  }

  const baseline = async (file: string, kind: 'ws' | 'socketio' | 'parley', bodies = payloads) => {
    const target = await startTarget(file);
    const load = await startLoad('sockets.ts');
    try {
      const connected = await load.call<{ ms: number }>('connect', {
        kind,
        url: target.info.url,
        count: SUBSCRIBERS,
        ...(kind === 'parley' ? { sessionId: '00000000-0000-7000-8000-000000000000' } : {}),
      });
      const f = await load.call<Fanout>('fanout', {
        rounds: rounds + warmup,
        trigger: { url: `${target.info.url}/broadcast`, bodies },
        markers,
      });
      const s = stats(f);
      ctx.log(
        `  ${kind}: connected in ${Math.round(connected.ms)} ms; last receipt p50 ${round(s.p50)} / p95 ${round(s.p95)} ms, ${s.missing} missing`,
      );
      await load.call('close');
      return s;
    } finally {
      await load.close();
      await target.close();
    }
  };
  const bare = await baseline('bare-ws.ts', 'ws');
  const sio = await baseline('socketio.ts', 'socketio');
  // The same event object Parley yields, through a bare tRPC subscription.
  const typingEvent = (typing: boolean) =>
    JSON.stringify({ type: 'typing', actor: 'user', typing });
  const trpc = await baseline('bare-trpc-ws.ts', 'parley', [typingEvent(true), typingEvent(false)]);

  const p = parleyStats!;
  const complete = p.missing === 0;
  return [
    result({
      name: 'fanout.5k',
      value: p.p95,
      unit: 'ms p95',
      baseline: null,
      target: '<= 250 ms',
      pass: complete && p.p95 <= 250,
      detail: `${rounds} sessions.typing events (after ${warmup} warm-up) to ${SUBSCRIBERS} subscribers of one session over WebSocket (one process holds all sockets), from the HTTP trigger to the last receipt; p50 ${round(p.p50)} ms; ${p.missing} receipts missing`,
    }),
    result({
      name: 'fanout.5k.vs-ws',
      value: p.p95,
      unit: 'ms p95',
      baseline: bare.p95,
      // Speed relative to the bare broadcast: 1 = as fast, 0.5 = twice as slow.
      ratio: round(bare.p95 / p.p95, 3),
      target: '>= 0.5x bare ws speed',
      pass: bare.p95 / p.p95 >= 0.5,
      detail:
        'the same payload (the frame Parley sent) broadcast by a bare `ws` server to 5,000 clients; ratio is bare p95 / Parley p95 (speed relative to bare ws)',
    }),
    result({
      name: 'fanout.5k.vs-socket.io',
      value: p.p95,
      unit: 'ms p95',
      baseline: sio.p95,
      ratio: round(sio.p95 / p.p95, 3),
      target: 'faster than Socket.IO (> 1x)',
      pass: p.p95 < sio.p95,
      detail:
        'a Socket.IO 4 room broadcast (websocket transport, no compression) of the same payload to 5,000 clients; ratio is Socket.IO p95 / Parley p95',
    }),
    result({
      name: 'fanout.5k.vs-bare-trpc',
      value: p.p95,
      unit: 'ms p95',
      baseline: trpc.p95,
      ratio: round(trpc.p95 / p.p95, 3),
      target: 'context only',
      pass: null,
      detail: `a bare tRPC subscription (same ws adapter and superjson, an in-process emitter, no auth, bus or database) yielding the same tracked event to 5,000 subscribers: what tRPC itself costs; its p50 ${round(trpc.p50)} ms`,
    }),
  ];
}
