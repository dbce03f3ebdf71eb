import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { seedListings } from '../seed';
import { openCliDatabase, runCli } from './open';

const usage = 'usage: pnpm db:seed [--count N] [--seed S] [--batch-size N]';

/** `pnpm db:seed --count 100000`: deterministic demo listings, batched, with a progress bar. */
runCli(async () => {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      'batch-size': { type: 'string', default: '1000' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const count = Number(values.count);
  const batchSize = Number(values['batch-size']);
  if (!Number.isSafeInteger(count) || count < 1)
    throw new Error(`--count expects a whole number >= 1\n${usage}`);
  if (!Number.isSafeInteger(batchSize) || batchSize < 1 || batchSize > 3000) {
    throw new Error(`--batch-size expects a whole number from 1 to 3000\n${usage}`);
  }

  const db = await openCliDatabase();
  const bar = new SingleBar({
    format: 'seeding [{bar}] {percentage}% | {value}/{total} listings | {eta_formatted} left',
    hideCursor: true,
  });
  try {
    bar.start(count, 0);
    const result = await seedListings(db.sequelize, {
      count,
      seed: values.seed,
      batchSize,
      onProgress: (done) => bar.update(done),
    });
    bar.stop();
    const seconds = result.ms / 1000;
    const rate = Math.round(result.inserted / Math.max(seconds, 0.001));
    const skipped = result.skipped ? ` (${result.skipped} already present)` : '';
    process.stdout.write(
      `inserted ${result.inserted} listings in ${seconds.toFixed(1)} s (${rate}/s)${skipped}\n`,
    );
    return 0;
  } finally {
    bar.stop();
    await db.close();
  }
});
