import { ensureListingsTemplate } from './lib/services';

/** `pnpm --filter @parley/benchmarks seed [count]`: makes (or checks) the seeded listings database. */
const count = Number(process.argv[2] ?? 100_000);
const t = performance.now();
const name = await ensureListingsTemplate(count, (line) => process.stdout.write(`${line}\n`));
process.stdout.write(`${name} ready in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
