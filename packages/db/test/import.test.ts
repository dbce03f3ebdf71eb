import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createTestDatabase, type TestDatabase } from '@parley/testing';
import { listingCreateInput, TOWNS } from '@parley/validators';
import type { Sequelize } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSequelize,
  generateListings,
  importListings,
  type ListingRow,
  migrate,
  readListingFile,
  seedDemoListingsIfEmpty,
  seedListings,
  watchListingChanges,
} from '../src';

const run = promisify(execFile);
const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let dir: string;
const opened: { db: TestDatabase; sequelize: Sequelize }[] = [];

async function freshDatabase(label: string) {
  const db = await createTestDatabase(label);
  const sequelize = createSequelize({ url: db.url, poolMax: 4 });
  await migrate(sequelize);
  opened.push({ db, sequelize });
  return { db, sequelize };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'parley-import-'));
});

afterAll(async () => {
  for (const { db, sequelize } of opened) {
    await sequelize.close();
    await db.drop();
  }
  await rm(dir, { recursive: true, force: true });
});

const HEADER =
  'title,description,location,rent_type,property_type,bedrooms,bathrooms,area_sqm,price,currency,features,images';
const good = (
  title: string,
  extra: Partial<Record<'location' | 'price' | 'features', string>> = {},
) =>
  [
    title,
    '"Sunny flat, two minutes from the sea; pool and parking."',
    extra.location ?? 'Kyrenia',
    'long_term',
    'apartment',
    '2',
    '1',
    '85',
    extra.price ?? '750',
    'GBP',
    extra.features ?? 'pool;sea_view|parking',
    'https://example.com/a.jpg|https://example.com/b.jpg',
  ].join(',');

describe('listings import', () => {
  it('imports the good rows of a CSV file and names every bad one by line and field', async () => {
    const { db, sequelize } = await freshDatabase('import_csv');
    const file = path.join(dir, 'mixed.csv');
    const lines = [
      HEADER, // line 1
      good('Good one'), // 2
      good('Negative price', { price: '-5' }), // 3
      good('Unknown town', { location: 'Paphos' }), // 4
      '', // 5: blank lines are skipped, numbering is not
      good('Good two', { location: 'gazimagusa', price: '"£1,250.50"' }), // 6
      good('Bad feature', { features: 'pool;jacuzzi' }), // 7
      'Hi,"a description\nover two lines",Lapta,long_term,villa,x,1,100,900,GBP,,', // 8-9
      good('Good three', { location: 'İSKELE', features: '' }), // 10
    ];
    await writeFile(file, `${lines.join('\n')}\n`);
    const records = await readListingFile(file);
    const result = await importListings(sequelize, records, { batchSize: 2 });

    expect(result.imported).toBe(3);
    expect(result.rejectedRows).toBe(4);
    expect(result.failedBatches).toEqual([]);
    const problems = result.problems.map((p) => `line ${p.line}: ${p.field}: ${p.message}`);
    expect(problems).toContain('line 3: price: must be positive');
    expect(problems).toContain('line 4: location: is not a town Parley knows');
    expect(problems.some((p) => p.startsWith('line 7: features.1: '))).toBe(true);
    expect(problems.some((p) => p.startsWith('line 8: title: '))).toBe(true);
    expect(problems.some((p) => p.startsWith('line 8: bedrooms: '))).toBe(true);

    const rows = await db.query<{
      title: string;
      location: string;
      district: string;
      price: string;
      features: string[];
    }>(
      'SELECT title, location, district, price::text AS price, features FROM listings ORDER BY title',
    );
    expect(rows).toEqual([
      {
        title: 'Good one',
        location: 'Girne',
        district: 'Girne',
        price: '750.00',
        features: ['pool', 'sea_view', 'parking'],
      },
      {
        title: 'Good three',
        location: 'İskele',
        district: 'İskele',
        price: '750.00',
        features: [],
      },
      {
        title: 'Good two',
        location: 'Gazimağusa',
        district: 'Gazimağusa',
        price: '1250.50',
        features: ['pool', 'sea_view', 'parking'],
      },
    ]);
  });

  it('reads JSON arrays with the line each object starts on', async () => {
    const { db, sequelize } = await freshDatabase('import_json');
    const file = path.join(dir, 'listings.json');
    const item = (title: string, price: unknown) => ({
      title,
      description: 'Villa with a garden',
      location: 'Bellapais',
      rentType: 'sale',
      propertyType: 'villa',
      bedrooms: 4,
      bathrooms: 3,
      areaSqm: 240,
      price,
      features: ['garden', 'pool'],
    });
    // One object per line after the opening bracket: objects start on lines 2, 3 and 4.
    const text = `[\n${[
      item('Abbey view villa', 650_000),
      item('Bad price', 'lots'),
      item('Pence villa', 649_999.99),
    ]
      .map((o) => JSON.stringify(o))
      .join(',\n')}\n]\n`;
    await writeFile(file, text);
    const result = await importListings(sequelize, await readListingFile(file));
    expect(result.imported).toBe(2);
    expect(result.problems).toEqual([
      { line: 3, row: 2, field: 'price', message: expect.any(String) },
    ]);
    const rows = await db.query('SELECT title, price::text AS price FROM listings ORDER BY price');
    expect(rows).toEqual([
      { title: 'Pence villa', price: '649999.99' },
      { title: 'Abbey view villa', price: '650000.00' },
    ]);
  });

  it('rolls a batch PostgreSQL refuses back whole and keeps the other batches', async () => {
    const { db, sequelize } = await freshDatabase('import_batch');
    // A rule only the database knows, so rows pass validation and fail at INSERT.
    await db.query(
      "ALTER TABLE listings ADD CONSTRAINT test_no_poison CHECK (title NOT LIKE '%POISON%')",
    );
    const file = path.join(dir, 'batches.csv');
    const titles = ['Row 1', 'Row 2', 'Row 3', 'Row 4', 'Row 5 POISON', 'Row 6', 'Row 7', 'Row 8'];
    await writeFile(file, [HEADER, ...titles.map((t) => good(t))].join('\n'));
    const result = await importListings(sequelize, await readListingFile(file), { batchSize: 3 });

    // Batches: lines 2-4, 5-7 (holds the poison on line 6), 8-9.
    expect(result.imported).toBe(5);
    expect(result.failedBatches).toEqual([
      { fromLine: 5, toLine: 7, rows: 3, message: expect.stringContaining('test_no_poison') },
    ]);
    // Read back over a separate connection: nothing of the failed batch exists.
    const stored = (
      await db.query<{ title: string }>('SELECT title FROM listings ORDER BY title')
    ).map((r) => r.title);
    expect(stored).toEqual(['Row 1', 'Row 2', 'Row 3', 'Row 7', 'Row 8']);
  });

  it('the CLI reports rejected rows and exits non-zero', async () => {
    const { db } = await freshDatabase('import_cli');
    const file = path.join(dir, 'cli.csv');
    await writeFile(file, [HEADER, good('CLI good'), good('CLI bad', { price: '-1' })].join('\n'));
    const outcome = await run('node_modules/.bin/tsx', ['src/cli/import.ts', file], {
      cwd: packageDir,
      env: { ...process.env, DATABASE_URL: db.url },
    }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('line 3: price: must be positive');
    expect(outcome.stdout).toContain('imported 1 of 2 listings');
    expect(await db.query('SELECT title FROM listings')).toEqual([{ title: 'CLI good' }]);
  });

  it('the CLI names a bad element of a one-line JSON array by its place, and an empty field as required', async () => {
    const { db } = await freshDatabase('import_cli_json');
    const file = path.join(dir, 'one-line.json');
    const ok = {
      title: 'One-line good',
      description: 'A flat by the harbour, two bedrooms.',
      location: 'Kyrenia',
      rentType: 'long_term',
      propertyType: 'apartment',
      bedrooms: 2,
      bathrooms: 1,
      areaSqm: 80,
      price: 700,
    };
    await writeFile(file, JSON.stringify([ok, { ...ok, title: '' }]));
    // stderr is a pipe here, as in a CI log: no progress bar, and never its raw template.
    const outcome = await run('node_modules/.bin/tsx', ['src/cli/import.ts', file], {
      cwd: packageDir,
      env: { ...process.env, DATABASE_URL: db.url },
    }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(outcome.code).toBe(1);
    expect(outcome.stderr.split('\n').filter(Boolean)).toEqual([
      'item 2 (line 1): title: is required (missing or empty)',
    ]);
    expect(outcome.stdout).toContain('imported 1 of 2 listings');
  });
});

describe('seeding', () => {
  const columns =
    'id, title, description, location, district, rent_type, property_type, bedrooms, bathrooms, area_sqm, price::text AS price, currency, features, images, created_at, updated_at';

  it('is deterministic: the same seed gives the same rows, ids included', async () => {
    const first = await freshDatabase('seed_a');
    const second = await freshDatabase('seed_b');
    await seedListings(first.sequelize, { count: 1_500, seed: 42, batchSize: 400 });
    await seedListings(second.sequelize, { count: 1_500, seed: 42, batchSize: 1_000 });
    const a = await first.db.query(`SELECT ${columns} FROM listings ORDER BY id`);
    const b = await second.db.query(`SELECT ${columns} FROM listings ORDER BY id`);
    expect(a).toHaveLength(1_500);
    expect(b).toEqual(a);

    // Row i does not depend on how many are asked for, and another seed gives other rows.
    const prefix = [...take(generateListings(42), 10)].map((r) => r.id);
    const longer = [...take(generateListings(42), 20)].map((r) => r.id);
    expect(longer.slice(0, 10)).toEqual(prefix);
    const other = [...take(generateListings(43), 10)].map((r) => r.id);
    expect(other.filter((id) => prefix.includes(id))).toEqual([]);

    // Seeding again with the same seed writes nothing new.
    const again = await seedListings(first.sequelize, { count: 1_500, seed: 42 });
    expect(again).toMatchObject({ inserted: 0, skipped: 1_500 });
  });

  it('makes plausible listings in every town', async () => {
    const rows = [...take(generateListings('plausible'), 5_000)];
    for (const row of rows.slice(0, 500)) {
      const parsed = listingCreateInput.safeParse(toInput(row));
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    }
    const towns = new Set(rows.map((r) => r.location));
    expect([...towns].sort()).toEqual(TOWNS.map((t) => t.name).sort());
    // "An immaculate apartment", never "A immaculate".
    expect(
      rows.filter((r) => /(^|\. )A [aeiou]/.test(r.description)).map((r) => r.description),
    ).toEqual([]);
    const prices = (rent: string) =>
      rows.filter((r) => r.rentType === rent).map((r) => Number(r.price));
    expect(Math.min(...prices('long_term'))).toBeGreaterThanOrEqual(350);
    expect(Math.max(...prices('long_term'))).toBeLessThanOrEqual(3_000);
    expect(Math.min(...prices('short_term'))).toBeGreaterThanOrEqual(40);
    expect(Math.max(...prices('short_term'))).toBeLessThanOrEqual(400);
    expect(Math.min(...prices('sale'))).toBeGreaterThanOrEqual(60_000);
    expect(Math.max(...prices('sale'))).toBeLessThanOrEqual(1_500_000);
    // Villas cost more than studios; Bellapais more than Güzelyurt; the coast sees the sea.
    const mean = (list: ListingRow[]) =>
      list.reduce((s, r) => s + Number(r.price), 0) / list.length;
    const longLet = rows.filter((r) => r.rentType === 'long_term');
    expect(mean(longLet.filter((r) => r.propertyType === 'villa'))).toBeGreaterThan(
      mean(longLet.filter((r) => r.propertyType === 'studio')),
    );
    expect(mean(longLet.filter((r) => r.location === 'Bellapais'))).toBeGreaterThan(
      mean(longLet.filter((r) => r.location === 'Güzelyurt')),
    );
    const share = (town: string, feature: string) => {
      const inTown = rows.filter((r) => r.location === town);
      return inTown.filter((r) => r.features.includes(feature)).length / inTown.length;
    };
    expect(share('İskele', 'beach')).toBeGreaterThan(share('Lefkoşa', 'beach'));
    expect(share('Esentepe', 'sea_view')).toBeGreaterThan(share('Lefkoşa', 'sea_view'));
  });

  it('seeds demo listings only into an empty table', async () => {
    const { db, sequelize } = await freshDatabase('seed_demo');
    expect(await seedDemoListingsIfEmpty(sequelize, 120)).toBe(120);
    expect(await seedDemoListingsIfEmpty(sequelize, 120)).toBe(0);
    expect(await db.query('SELECT count(*)::int AS n FROM listings')).toEqual([{ n: 120 }]);
  });

  it('the seed CLI inserts and prints its rate', async () => {
    const { db } = await freshDatabase('seed_cli');
    const { stdout } = await run(
      'node_modules/.bin/tsx',
      ['src/cli/seed.ts', '--count', '250', '--seed', '7'],
      {
        cwd: packageDir,
        env: { ...process.env, DATABASE_URL: db.url },
      },
    );
    expect(stdout).toMatch(/inserted 250 listings in \d+\.\d s \(\d+\/s\)/);
    expect(await db.query('SELECT count(*)::int AS n FROM listings')).toEqual([{ n: 250 }]);
  });
});

describe('listing change watcher', () => {
  it('reports a change from any connection once it commits, not before', async () => {
    const { db, sequelize } = await freshDatabase('watch');
    let changes = 0;
    const watcher = await watchListingChanges(sequelize, async () => {
      changes++;
    });
    try {
      await waitFor(() => changes >= 1); // one on connect: changes may have been missed
      const base = changes;
      const writer = createSequelize({ url: db.url, poolMax: 1 });
      try {
        const transaction = await writer.transaction();
        const [row] = [...take(generateListings('watch'), 1)];
        await writer.query(
          `INSERT INTO listings (id, rent_type, property_type, location, district, bedrooms, bathrooms, area_sqm, price, title, description)
           VALUES (:id, 'sale', 'villa', 'Lapta', 'Girne', 3, 2, 200, 300000, 'Watched', 'x')`,
          { replacements: { id: row?.id }, transaction },
        );
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(changes).toBe(base);
        await transaction.commit();
        await waitFor(() => changes > base);
      } finally {
        await writer.close();
      }
    } finally {
      await watcher.stop();
    }
  });
});

function* take<T>(items: Iterator<T>, count: number): Generator<T> {
  for (let i = 0; i < count; i++) {
    const next = items.next();
    if (next.done) return;
    yield next.value;
  }
}

function toInput(row: ListingRow) {
  return {
    title: row.title,
    description: row.description,
    location: row.location,
    rentType: row.rentType,
    propertyType: row.propertyType,
    bedrooms: row.bedrooms,
    bathrooms: row.bathrooms,
    areaSqm: row.areaSqm,
    price: Number(row.price),
    currency: row.currency,
    features: row.features,
    images: row.images,
  };
}

async function waitFor(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
