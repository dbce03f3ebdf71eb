import { createSequelize, generateListings, importListings, type SourceRecord } from '@parley/db';
import type pg from 'pg';
import type { RunContext } from '../lib/context';
import { type BenchResult, result } from '../lib/report';
import { benchEnv, startParleyServer } from '../lib/servers';
import { now, round, sleep } from '../lib/stats';

const IMPORTED = 10_000;

/** Generated listings as rows of an import file (the shape `pnpm listings:import` reads). */
function importRecords(count: number): SourceRecord[] {
  const rows = generateListings('alerts-import');
  return Array.from({ length: count }, (_, i) => {
    const r = rows.next().value!;
    const { id, district, createdBy, createdAt, updatedAt, ...fields } = r;
    return { line: i + 2, record: { ...fields, price: Number(r.price) } };
  });
}

/**
 * An import of 10,000 listings through `pnpm listings:import`'s path (validated, batches
 * of 500, the trigger enqueueing one matching job per batch) against the saved searches
 * already in the database, one Parley instance running the jobs; timed from the first
 * batch until the last matching job is done, that is until every alert exists.
 */
export async function alertsImport(
  ctx: RunContext,
  client: pg.Client,
  searches: number,
  naiveP50Ms: number,
): Promise<BenchResult> {
  const records = importRecords(IMPORTED);
  const parley = await startParleyServer(benchEnv(ctx.databaseUrl, ctx.redisUrl), 'alerts');
  try {
    const sequelize = createSequelize({ url: ctx.databaseUrl, poolMax: 2 });
    const started = now();
    try {
      const imported = await importListings(sequelize, records, { batchSize: 500 });
      if (imported.imported !== IMPORTED) throw new Error(`imported ${imported.imported} rows`);
    } finally {
      await sequelize.close();
    }
    const written = now() - started;
    ctx.log(`  imported ${IMPORTED} listings in ${round(written / 1000, 1)} s; matching...`);
    let last = -1;
    for (;;) {
      // Original jobs only: a recovery copy waits for its original, which removes it.
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM graphile_worker.jobs
          WHERE task_identifier = 'alerts.match' AND key IS NULL`,
      );
      const pending = rows[0]!.n;
      if (pending !== last) ctx.log(`  ${pending} matching jobs to go`);
      last = pending;
      if (pending === 0) break;
      if (now() - started > 30 * 60_000) throw new Error('import matching took over 30 minutes');
      await sleep(500);
    }
    const total = now() - started;
    const { rows } = await client.query<{
      alerts: number;
      people: number;
      alerted: number;
      median: number;
      p95: number;
    }>(
      `WITH per_search AS (
         SELECT s.id, count(a.id) AS n FROM saved_searches s
           LEFT JOIN alerts a ON a.saved_search_id = s.id GROUP BY s.id
       )
       SELECT (SELECT count(*) FROM alerts)::int AS alerts,
              (SELECT count(DISTINCT user_id) FROM alerts)::int AS people,
              count(*) FILTER (WHERE n > 0)::int AS alerted,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY n) AS median,
              percentile_cont(0.95) WITHIN GROUP (ORDER BY n) AS p95
         FROM per_search`,
    );
    const stats = rows[0]!;
    const perListing = stats.alerts / IMPORTED;
    ctx.log(
      `  import + matching ${round(total / 1000, 1)} s: ${stats.alerts} alerts (${round(perListing, 1)} a listing) to ${stats.people} people; ${stats.alerted} of ${searches} searches alerted, median ${stats.median} / p95 ${stats.p95} alerts a search`,
    );
    const naive = (naiveP50Ms * IMPORTED) / 1000;
    const n = (x: number) => x.toLocaleString('en-GB');
    return result({
      name: 'alerts.import',
      value: round(total / 1000, 1),
      unit: 's',
      baseline: round(naive, 0),
      target: '<= 300 s',
      pass: total <= 300_000,
      detail: `${n(IMPORTED)} listings imported (importListings, batches of 500; ${round(written / 1000, 1)} s) against ${n(searches)} saved searches, until the last alerts.match job was done on one Parley instance: ${n(stats.alerts)} alerts (${round(perListing, 1)} a listing, ${round((100 * perListing) / searches, 2)}% of searches) to ${n(stats.people)} people; ${n(stats.alerted)} searches alerted, median ${stats.median} / p95 ${stats.p95} alerts a search; baseline: the naive scan's p50 times ${n(IMPORTED)}, matching alone, extrapolated`,
    });
  } finally {
    await parley.close();
  }
}
