import pg from 'pg';
import { queryUrl } from '../lib/api';
import type { RunContext } from '../lib/context';
import { type BenchResult, result } from '../lib/report';
import { benchEnv, startLoad, startParleyServer, startTarget } from '../lib/servers';
import { round } from '../lib/stats';

interface LoadResult {
  rps: number;
  ok: number;
  non2xx: number;
  errors: number;
  latencyP50: number;
  latencyP99: number;
}

/**
 * listings.get throughput over HTTP through Parley's whole stack (context, request id,
 * logging middleware, cache), against (a) a bare tRPC procedure on the same adapter
 * returning the same object and (b) plain node:http sending the same JSON.
 */
export async function listingsGet(ctx: RunContext): Promise<BenchResult[]> {
  const client = new pg.Client({ connectionString: ctx.databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ id: string }>(
    'SELECT id FROM listings ORDER BY id LIMIT 1',
  );
  await client.end();
  const id = rows[0]!.id;

  const parley = await startParleyServer(benchEnv(ctx.databaseUrl, ctx.redisUrl));
  const load = await startLoad('http.ts');
  const targets: { close(): Promise<void> }[] = [];
  try {
    const path = new URL(queryUrl(parley.info.url, 'listings.get', { id }));
    const first = await fetch(path);
    const body = await first.text();
    if (first.status !== 200) throw new Error(`listings.get answered ${first.status}: ${body}`);
    const payload = JSON.stringify((JSON.parse(body) as { result: { data: unknown } }).result.data);
    const bare = await startTarget('bare-trpc.ts', { BENCH_PAYLOAD: payload });
    const plain = await startTarget('plain-http.ts', { BENCH_BODY: body });
    targets.push(bare, plain);
    const urlOf = (base: string) => `${base}${path.pathname}${path.search}`;
    // The three must send the very same bytes, or the comparison means nothing.
    for (const target of [bare, plain]) {
      const same = await (await fetch(urlOf(target.info.url))).text();
      if (same !== body)
        throw new Error(`${target.name} does not answer the same body:\n${same}\n${body}`);
    }

    const seconds = ctx.pick(4, 15);
    const rounds = ctx.pick(1, 2);
    const runs: Record<'parley' | 'bare' | 'plain', LoadResult[]> = {
      parley: [],
      bare: [],
      plain: [],
    };
    const measure = async (name: keyof typeof runs, base: string) => {
      const r = await load.call<LoadResult>('run', {
        url: urlOf(base),
        connections: 16,
        seconds,
        warmupSeconds: ctx.pick(1, 3),
      });
      if (r.non2xx || r.errors) throw new Error(`${name}: ${r.non2xx} non-2xx, ${r.errors} errors`);
      runs[name].push(r);
      ctx.log(
        `  ${name.padEnd(6)} ${Math.round(r.rps)} req/s, p50 ${r.latencyP50} ms, p99 ${r.latencyP99} ms`,
      );
    };
    // Interleaved, so drift in the machine's load hits all three alike.
    for (let i = 0; i < rounds; i++) {
      await measure('bare', bare.info.url);
      await measure('parley', parley.info.url);
      await measure('plain', plain.info.url);
    }
    const best = (list: LoadResult[]) => Math.max(...list.map((r) => r.rps));
    const parleyRps = best(runs.parley);
    const bareRps = best(runs.bare);
    const plainRps = best(runs.plain);
    return [
      result({
        name: 'listings.get',
        value: parleyRps,
        unit: 'req/s',
        baseline: bareRps,
        target: '>= 0.8x bare tRPC',
        pass: parleyRps >= 0.8 * bareRps,
        detail: `cached listings.get over HTTP (16 keep-alive connections, autocannon in its own process, best of ${rounds} x ${seconds} s) vs a bare tRPC procedure (same standalone adapter, superjson, input schema and body); bare tRPC p50 ${runs.bare[0]!.latencyP50} ms, Parley p50 ${runs.parley[0]!.latencyP50} ms`,
      }),
      result({
        name: 'listings.get.vs-node-http',
        value: parleyRps,
        unit: 'req/s',
        baseline: plainRps,
        target: 'context only (bare tRPC alone ~0.1x)',
        pass: null,
        detail: `the same Parley figure vs plain node:http sending the same JSON; bare tRPC is ${round(bareRps / plainRps, 2)}x of it in this run`,
      }),
    ];
  } finally {
    await load.close();
    for (const t of targets) await t.close();
    await parley.close();
  }
}
