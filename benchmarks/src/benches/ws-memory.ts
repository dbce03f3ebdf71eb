import { signUp } from '../lib/api';
import type { RunContext } from '../lib/context';
import { type BenchResult, result } from '../lib/report';
import { benchEnv, startLoad, startParleyServer, startTarget } from '../lib/servers';
import { round, sleep } from '../lib/stats';

const CONNECTIONS = 10_000;

/**
 * ws.memory: server RSS per idle authenticated WebSocket (connectionParams token, one
 * auth.me call each, then idle) at 10,000 connections, against a bare `ws` server holding
 * the same number. RSS is read after a full GC, before and after connecting.
 */
export async function wsMemory(ctx: RunContext): Promise<BenchResult[]> {
  const measure = async (
    kind: 'parley' | 'ws',
    start: () => Promise<{ url: string; gc(): Promise<number>; close(): Promise<void> }>,
    token?: (url: string) => Promise<string>,
  ) => {
    const server = await start();
    const load = await startLoad('sockets.ts');
    try {
      const bearer = token ? await token(server.url) : undefined;
      await sleep(500);
      const before = await server.gc();
      const connected = await load.call<{ ms: number }>('connect', {
        kind,
        url: server.url,
        count: CONNECTIONS,
        token: bearer,
        call: kind === 'parley',
        concurrency: 200,
      });
      await sleep(ctx.pick(1_500, 5_000));
      const after = await server.gc();
      const open = await load.call<Record<string, number>>('open');
      if (open[kind] !== CONNECTIONS)
        throw new Error(`${kind}: only ${open[kind]} of ${CONNECTIONS} still open`);
      const perConnection = (after - before) / CONNECTIONS / 1024;
      ctx.log(
        `  ${kind}: ${CONNECTIONS} connected in ${Math.round(connected.ms)} ms; RSS ${round(before / 2 ** 20, 1)} -> ${round(after / 2 ** 20, 1)} MB = ${round(perConnection, 1)} KB each`,
      );
      await load.call('close');
      return { perConnection, before, after };
    } finally {
      await load.close();
      await server.close();
    }
  };
  const parley = await measure(
    'parley',
    async () => {
      const s = await startParleyServer(benchEnv(ctx.databaseUrl, ctx.redisUrl));
      return {
        url: s.info.url,
        gc: async () => (await s.call<{ rss: number }>('gc')).rss,
        close: () => s.close(),
      };
    },
    async (url) => (await signUp(url, 'memory')).accessToken,
  );
  const bare = await measure('ws', async () => {
    const s = await startTarget('bare-ws.ts');
    return {
      url: s.info.url,
      gc: async () => (await s.call<{ rss: number }>('gc')).rss,
      close: () => s.close(),
    };
  });
  return [
    result({
      name: 'ws.memory',
      value: parley.perConnection,
      unit: 'KB/conn',
      baseline: bare.perConnection,
      target: '<= 40 KB each',
      pass: parley.perConnection <= 40,
      detail: `server RSS growth after a full GC, divided by ${CONNECTIONS.toLocaleString('en-GB')} idle WebSockets, each authenticated with connectionParams.token and one auth.me call (Parley ${round(parley.before / 2 ** 20)} -> ${round(parley.after / 2 ** 20)} MB) vs a bare ws server holding as many (${round(bare.before / 2 ** 20)} -> ${round(bare.after / 2 ** 20)} MB)`,
    }),
  ];
}
