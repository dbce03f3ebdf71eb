import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { MultiBar } from 'cli-progress';
import { QueryTypes, type Sequelize } from 'sequelize';
import { importListings, readListingFile } from '../seed';
import { readCliEnv } from './env';
import { matchingState } from './matching';
import { openCliDatabase, runCli } from './open';

const usage = 'usage: pnpm listings:import FILE.json|FILE.csv [--batch-size N] [--no-wait]';

/** How long matching may stand still, with no job running, before the import stops waiting. */
const STALL_MS = 30_000;
const POLL_MS = 500;

/**
 * `pnpm listings:import FILE`: validates every row, imports the valid ones in batches
 * (one transaction each) and names every rejected row by line and field; then waits,
 * with a second progress bar, until the running Parley instances have matched the new
 * listings against everyone's saved searches (`--no-wait`: it does not). Exits non-zero
 * when any row or batch was rejected.
 */
runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'batch-size': { type: 'string', default: '500' },
      'no-wait': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  if (values.help || !file) {
    process.stdout.write(`${usage}\n`);
    return file ? 0 : 2;
  }
  const batchSize = Number(values['batch-size']);
  if (!Number.isSafeInteger(batchSize) || batchSize < 1 || batchSize > 3000) {
    throw new Error(`--batch-size expects a whole number from 1 to 3000\n${usage}`);
  }
  const env = readCliEnv();
  // pnpm runs the script inside packages/db; a relative path means the caller's folder.
  const records = await readListingFile(path.resolve(env.INIT_CWD, file));

  const db = await openCliDatabase();
  // The embedded PostgreSQL runs only while no server does: nothing could match now.
  const wait = !values['no-wait'] && env.DATABASE_URL !== undefined;
  const bars = progressBars();
  const ids: string[] = [];
  try {
    const importing = bars.create(records.length, 'importing', 'rows');
    const matching = wait ? bars.create(0, 'matching ', 'listings') : undefined;
    const result = await importListings(db.sequelize, records, {
      batchSize,
      onProgress: (done) => importing.update(done),
      afterCommit: async (written) => {
        ids.push(...written);
        // Only a display: a failed look must not count the committed batch as failed.
        if (matching) await showMatching(db.sequelize, ids, matching).catch(() => {});
      },
    });
    const matched = matching ? await waitForMatching(db.sequelize, ids, matching) : undefined;
    bars.stop();
    for (const p of result.problems) {
      const where = p.row === undefined ? `line ${p.line}` : `item ${p.row} (line ${p.line})`;
      process.stderr.write(`${where}: ${p.field}: ${p.message}\n`);
    }
    for (const b of result.failedBatches) {
      process.stderr.write(
        `lines ${b.fromLine}-${b.toLine}: batch of ${b.rows} rows rolled back, nothing of it was written: ${b.message}\n`,
      );
    }
    const failedRows = result.failedBatches.reduce((n, b) => n + b.rows, 0);
    process.stdout.write(
      `imported ${result.imported} of ${result.total} listings in ${(result.ms / 1000).toFixed(1)} s; ` +
        `${result.rejectedRows} rows rejected, ${failedRows} rows in failed batches\n`,
    );
    await reportMatching(db.sequelize, ids, matched);
    return result.rejectedRows || failedRows ? 1 : 0;
  } finally {
    bars.stop();
    await db.close();
  }
});

interface Bar {
  setTotal(total: number): void;
  update(value: number): void;
}

/**
 * Progress bars on a terminal, nothing elsewhere (a pipe, a CI log): cli-progress does
 * not start a bar off a TTY, yet `stop()` still prints each one, unstarted: its
 * placeholders raw and a total of 100. `stop()` may be called more than once.
 */
function progressBars(): { create(total: number, task: string, unit: string): Bar; stop(): void } {
  if (!process.stderr.isTTY) {
    const silent: Bar = { setTotal() {}, update() {} };
    return { create: () => silent, stop() {} };
  }
  const bars = new MultiBar({
    format: '{task} [{bar}] {percentage}% | {value}/{total} {unit}',
    hideCursor: true,
  });
  let stopped = false;
  return {
    create: (total, task, unit) => bars.create(total, 0, { task, unit }),
    stop() {
      if (!stopped) bars.stop();
      stopped = true;
    },
  };
}

async function showMatching(sequelize: Sequelize, ids: string[], bar: Bar) {
  const state = await matchingState(sequelize, ids);
  bar.setTotal(ids.length);
  bar.update(ids.length - state.waiting);
  return state;
}

/**
 * Polls until every imported listing is matched, or matching has stood still for
 * STALL_MS with no job running (no Parley instance is up, or its jobs keep failing and
 * wait for a retry). Answers how long it took, or undefined when it stopped waiting.
 */
async function waitForMatching(
  sequelize: Sequelize,
  ids: string[],
  bar: Bar,
): Promise<number | undefined> {
  const started = performance.now();
  let last = -1;
  let movedAt = performance.now();
  for (;;) {
    const state = await showMatching(sequelize, ids, bar);
    if (state.waiting === 0) return performance.now() - started;
    if (state.waiting !== last || state.running) movedAt = performance.now();
    last = state.waiting;
    if (performance.now() - movedAt > STALL_MS) return undefined;
    await sleep(POLL_MS);
  }
}

/** One line on the alerts: how many the import made, or what is still to come. */
async function reportMatching(sequelize: Sequelize, ids: string[], ms: number | undefined) {
  if (ids.length === 0) return;
  const [state, [made]] = await Promise.all([
    matchingState(sequelize, ids),
    sequelize.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM alerts a JOIN unnest($1::uuid[]) AS mine (id)
          ON a.listing_id = mine.id`,
      { bind: [ids], type: QueryTypes.SELECT },
    ),
  ]);
  const alerts = `${made?.n ?? 0} alerts so far`;
  if (state.waiting === 0) {
    const took = ms === undefined ? '' : ` (${(ms / 1000).toFixed(1)} s after the import)`;
    process.stdout.write(
      `matched all ${ids.length} new listings against saved searches${took}: ${alerts}\n`,
    );
  } else {
    process.stdout.write(
      `${state.waiting} of ${ids.length} listings still wait for alert matching (${alerts}): ` +
        'Parley matches them once an instance runs\n',
    );
  }
}
