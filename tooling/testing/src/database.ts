import pg from 'pg';
import { requireEnv } from './services';

export interface TestDatabase {
  url: string;
  name: string;
  /** A connection of its own, separate from the app's pool, to read rows back. */
  query<T extends pg.QueryResultRow = pg.QueryResultRow>(
    sql: string,
    params?: unknown[],
  ): Promise<T[]>;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = requireEnv('DATABASE_URL');
  if (!url) {
    throw new Error(
      'DATABASE_URL is not set and no embedded test cluster was started: add ' +
        "'@parley/testing/global-setup' to the vitest config's globalSetup",
    );
  }
  return url;
}

/**
 * A fresh, empty database for one test file on DATABASE_URL's server (the embedded
 * test cluster when unset). Dropped by `drop()`; names are random so files can run in
 * parallel.
 */
export async function createTestDatabase(label = 'test'): Promise<TestDatabase> {
  const base = new URL(adminUrl());
  const name = `parley_${label.replace(/\W/g, '_').slice(0, 20)}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 7)}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  const reader = new pg.Pool({ connectionString: url.toString(), max: 2 });
  // The forced drop below terminates idle reader connections; that is expected, not a crash.
  reader.on('error', () => {});
  return {
    url: url.toString(),
    name,
    async query(sql, params) {
      return (await reader.query(sql, params)).rows;
    },
    async drop() {
      await reader.end();
      const dropper = new pg.Client({ connectionString: base.toString() });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
