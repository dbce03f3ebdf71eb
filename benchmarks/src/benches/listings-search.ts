import type { RunContext } from '../lib/context';
import { boxMix, searchMix } from '../lib/queries';
import { type BenchResult, result } from '../lib/report';
import { searchStatements } from '../lib/search-sql';
import { benchEnv, startLoad, startParleyServer } from '../lib/servers';
import { percentile, round } from '../lib/stats';

interface Timed {
  latencies: number[];
  items: number;
}

/**
 * listings.search over 100,000 listings, uncached (every query distinct), one request at a
 * time, against plain `pg` running the very same statements; then the same queries again,
 * now cached, against their uncached times.
 */
export async function listingsSearch(ctx: RunContext): Promise<BenchResult[]> {
  const perRound = ctx.pick(300, 1_000);
  const rounds = ctx.pick(1, 2);
  const warm = searchMix(ctx.pick(50, 200), 7);
  const sets = Array.from({ length: rounds }, (_, i) => searchMix(perRound, 100 + i));
  const parley = await startParleyServer(benchEnv(ctx.databaseUrl, ctx.redisUrl));
  const load = await startLoad('search.ts');
  try {
    const url = parley.info.url;
    // Warm PostgreSQL's buffers and plans, and Parley's pools, on queries not measured.
    await load.call('plain', {
      url: ctx.databaseUrl,
      statements: await searchStatements([...warm, ...sets.flat()]),
    });
    await load.call('parley', { url, inputs: warm });

    const parleyMiss: number[] = [];
    const plainMiss: number[] = [];
    const parleyHit: number[] = [];
    let lastSet: unknown[] = [];
    for (const set of sets) {
      const plain = await load.call<Timed>('plain', {
        url: ctx.databaseUrl,
        statements: await searchStatements(set),
      });
      const miss = await load.call<Timed>('parley', { url, inputs: set });
      if (miss.items !== plain.items)
        throw new Error(
          `Parley returned ${miss.items} items, plain pg ${plain.items}: not the same work`,
        );
      plainMiss.push(...plain.latencies);
      parleyMiss.push(...miss.latencies);
      lastSet = set;
      // The same queries again: now every one is a cache hit.
      const hit = await load.call<Timed>('parley', { url, inputs: set });
      parleyHit.push(...hit.latencies);
    }
    void lastSet;
    // The map: box searches, uncached, against plain pg on the same statements.
    const boxes = boxMix(ctx.pick(300, 1_000), 300);
    const boxWarm = boxMix(50, 301);
    await load.call('plain', { url: ctx.databaseUrl, statements: await searchStatements(boxWarm) });
    await load.call('parley', { url, inputs: boxWarm });
    const boxPlain = await load.call<Timed>('plain', {
      url: ctx.databaseUrl,
      statements: await searchStatements(boxes),
    });
    const boxParley = await load.call<Timed>('parley', { url, inputs: boxes });
    if (boxParley.items !== boxPlain.items)
      throw new Error(
        `box search: Parley returned ${boxParley.items} items, plain pg ${boxPlain.items}`,
      );
    const boxP95 = percentile(boxParley.latencies, 95);
    const boxPgP95 = percentile(boxPlain.latencies, 95);
    const p95 = percentile(parleyMiss, 95);
    const pgP95 = percentile(plainMiss, 95);
    const missP50 = percentile(parleyMiss, 50);
    const hitP50 = percentile(parleyHit, 50);
    ctx.log(`  box p95 ${round(boxP95)} ms; pg p95 ${round(boxPgP95)} ms`);
    ctx.log(
      `  uncached p50 ${round(missP50)} / p95 ${round(p95)} ms; pg p50 ${round(percentile(plainMiss, 50))} / p95 ${round(pgP95)} ms; cached p50 ${round(hitP50)} / p95 ${round(percentile(parleyHit, 95))} ms`,
    );
    return [
      result({
        name: 'listings.search',
        value: p95,
        unit: 'ms p95',
        baseline: pgP95,
        target: '<= 1.3x pg and <= 25 ms',
        pass: p95 <= 1.3 * pgP95 && p95 <= 25,
        detail: `p95 of ${parleyMiss.length} distinct mixed-filter searches (town/alias, rent type, budget, bedrooms, features, words; four sorts) over HTTP one at a time, all cache misses, vs plain pg running the same page + count statements on 2 connections; p50 ${round(missP50)} vs ${round(percentile(plainMiss, 50))} ms`,
      }),
      result({
        name: 'listings.search.cached',
        value: hitP50,
        unit: 'ms p50',
        baseline: missP50,
        // Speed-up: how many times faster the hit is.
        ratio: round(missP50 / hitP50, 2),
        target: '>= 5x faster than uncached',
        pass: missP50 / hitP50 >= 5,
        detail: `p50 of the same ${parleyHit.length} searches repeated (cache hits) vs their first, uncached, run; ratio is miss / hit; hit p95 ${round(percentile(parleyHit, 95))} ms`,
      }),
      result({
        name: 'listings.search.bounds',
        value: boxP95,
        unit: 'ms p95',
        baseline: boxPgP95,
        target: '<= 25 ms',
        pass: boxP95 <= 25,
        detail: `p95 of ${boxes.length} map box searches (0.01 to 1.5 degrees over North Cyprus, 60% with a rent type, newest or by price) over HTTP one at a time, all cache misses, vs plain pg running the same page + count statements; p50 ${round(percentile(boxParley.latencies, 50))} vs ${round(percentile(boxPlain.latencies, 50))} ms`,
      }),
    ];
  } finally {
    await load.close();
    await parley.close();
  }
}
