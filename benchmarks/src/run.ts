import { parseArgs } from 'node:util';
import { alerts } from './benches/alerts';
import { assistantRead } from './benches/assistant-read';
import { chatBenches } from './benches/chat';
import { fanout } from './benches/fanout';
import { listingsGet } from './benches/listings-get';
import { listingsSearch } from './benches/listings-search';
import { soak } from './benches/soak';
import { wsMemory } from './benches/ws-memory';
import type { Bench, RunContext } from './lib/context';
import { type BenchResult, machine, printResult, writeResults } from './lib/report';
import {
  cloneDatabase,
  dropStaleRunDatabases,
  ensureListingsTemplate,
  type RunDatabase,
  redisAvailable,
  redisUrl,
} from './lib/services';

/**
 * `pnpm bench [--quick] [--only name,name]`: every benchmark with its baseline in the same
 * run, on the same data. Servers and load generators are child processes of their own.
 */
const BENCHES: { name: string; run: Bench; database?: false }[] = [
  { name: 'assistant.read', run: assistantRead, database: false },
  { name: 'listings.get', run: listingsGet },
  { name: 'listings.search', run: listingsSearch },
  { name: 'alerts', run: alerts },
  { name: 'chat', run: chatBenches },
  { name: 'fanout.5k', run: fanout },
  { name: 'ws.memory', run: wsMemory },
  { name: 'soak', run: soak },
];

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
  },
});
const quick = values.quick!;
const only = values.only?.split(',').map((s) => s.trim());
const started = performance.now();
const log = (line: string) => {
  const s = ((performance.now() - started) / 1000).toFixed(0).padStart(4);
  process.stdout.write(`[${s}s] ${line}\n`);
};

const m = machine();
log(
  `Parley benchmarks (${quick ? 'quick' : 'full'}): ${m.cpus} cores, ${m.memoryGb} GB, Node ${m.node}, load ${m.loadAverage.join('/')}`,
);
const selected = BENCHES.filter(
  (bench) => !only || only.some((o) => bench.name.startsWith(o) || o.startsWith(bench.name)),
);
const redis = (await redisAvailable()) ? redisUrl() : undefined;
if (!redis) log(`no Redis at ${redisUrl()}: Parley runs with its in-process fallbacks`);
// In-process benchmarks (assistant.read) need no database: `--only` them runs in seconds.
let database: RunDatabase | undefined;
if (selected.some((bench) => bench.database !== false)) {
  await dropStaleRunDatabases();
  const template = await ensureListingsTemplate(100_000, log);
  database = await cloneDatabase(template, 'run');
  log(`run database ${database.name} (copy of ${template})`);
}

const ctx: RunContext = {
  quick,
  databaseUrl: database?.url ?? '',
  redisUrl: redis,
  log,
  pick: (q, f) => (quick ? q : f),
};
const results: BenchResult[] = [];
const failures: string[] = [];
try {
  for (const bench of selected) {
    log(`${bench.name}`);
    try {
      const rows = await bench.run(ctx);
      for (const row of rows) printResult(row);
      results.push(...rows);
    } catch (error) {
      failures.push(bench.name);
      log(
        `${bench.name} FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
  }
} finally {
  await database?.drop().catch(() => {});
}

const loadAfter = (await import('node:os')).loadavg().map((n) => Math.round(n * 100) / 100);
const notes = [
  `Load average at the end ${loadAfter.join(' / ')}; total time ${Math.round((performance.now() - started) / 1000)} s.`,
  ...(redis ? [] : ['Redis was not reachable: Parley ran on its in-process cache and bus.']),
  ...(failures.length ? [`Did not complete: ${failures.join(', ')}.`] : []),
];
if (!values['no-write'] && !only) await writeResults(results, m, quick ? 'quick' : 'full', notes);
else if (!values['no-write']) log('--only: results/latest.json and docs left as they were');
log(`done in ${Math.round((performance.now() - started) / 1000)} s`);
process.exit(failures.length ? 1 : 0);
