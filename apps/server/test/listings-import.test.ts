import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient, signUp, startTestServer, type TestServer } from './harness';

/**
 * `pnpm listings:import` against a running Parley: the command imports, then waits for
 * the instance's job engine to match the new listings against saved searches, and ends
 * only when their alerts exist.
 */
const dbPackage = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../packages/db',
);
const run = promisify(execFile);
let server: TestServer;
let dir: string;

beforeAll(async () => {
  server = await startTestServer({ label: 'import_cli' });
  dir = await mkdtemp(path.join(tmpdir(), 'parley-import-cli-'));
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

const HEADER =
  'title,description,location,rent_type,property_type,bedrooms,bathrooms,area_sqm,price';
const row = (title: string, location: string) =>
  `${title},A bright flat near the harbour.,${location},long_term,apartment,2,1,80,900`;

describe('pnpm listings:import', () => {
  it('waits until the imported listings are matched, and says how many alerts they made', async () => {
    const person = await signUp(httpClient(server.url), 'importer');
    const client = httpClient(server.url, person.accessToken);
    await client.searches.create.mutate({ query: { location: 'Girne', maxPrice: 1000 } });
    const file = path.join(dir, 'listings.csv');
    const rows = [
      ...Array.from({ length: 7 }, (_, i) => row(`Girne flat ${i}`, 'Girne')),
      row('Far away flat', 'Lefkoşa'),
    ];
    await writeFile(file, [HEADER, ...rows].join('\n'));

    // Batches of 3: three statements, three matching jobs for the engine.
    const { stdout } = await run(
      'node_modules/.bin/tsx',
      ['src/cli/import.ts', file, '--batch-size', '3'],
      { cwd: dbPackage, env: { ...process.env, DATABASE_URL: server.db.url } },
    );
    expect(stdout).toContain('imported 8 of 8 listings');
    expect(stdout).toMatch(/matched all 8 new listings against saved searches .*: 7 alerts/);
    // Already there when the command ends: nothing is left to wait for.
    const page = await client.alerts.list.query({ limit: 20 });
    expect(page.unread).toBe(7);
    expect(page.items.map((a) => a.listing.title).sort()).toEqual(
      Array.from({ length: 7 }, (_, i) => `Girne flat ${i}`),
    );
  }, 60_000);
});
