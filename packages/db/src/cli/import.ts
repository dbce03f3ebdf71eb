import path from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { importListings, readListingFile } from '../seed';
import { readCliEnv } from './env';
import { openCliDatabase, runCli } from './open';

const usage = 'usage: pnpm listings:import FILE.json|FILE.csv [--batch-size N]';

/**
 * `pnpm listings:import FILE`: validates every row, imports the valid ones in batches
 * (one transaction each) and names every rejected row by line and field. Exits non-zero
 * when any row or batch was rejected.
 */
runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'batch-size': { type: 'string', default: '500' },
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
  // pnpm runs the script inside packages/db; a relative path means the caller's folder.
  const records = await readListingFile(resolveFromCaller(file));

  const db = await openCliDatabase();
  const bar = new SingleBar({
    format: 'importing [{bar}] {percentage}% | {value}/{total} rows',
    hideCursor: true,
  });
  try {
    bar.start(records.length, 0);
    const result = await importListings(db.sequelize, records, {
      batchSize,
      onProgress: (done) => bar.update(done),
    });
    bar.stop();
    for (const p of result.problems)
      process.stderr.write(`line ${p.line}: ${p.field}: ${p.message}\n`);
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
    return result.rejectedRows || failedRows ? 1 : 0;
  } finally {
    bar.stop();
    await db.close();
  }
});

function resolveFromCaller(file: string): string {
  return path.resolve(readCliEnv().INIT_CWD, file);
}
