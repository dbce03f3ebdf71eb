import type { Sequelize, Transaction } from 'sequelize';
import { QueryTypes } from 'sequelize';

/** A listing as stored: the shape both the seed and the importer insert. */
export interface ListingRow {
  id: string;
  title: string;
  description: string;
  location: string;
  district: string;
  rentType: string;
  propertyType: string;
  bedrooms: number;
  bathrooms: number;
  areaSqm: number;
  /** Exact decimal text, e.g. "1250.00": money never passes through a float sum. */
  price: string;
  currency: string;
  features: string[];
  images: string[];
  /** WGS 84, both or neither. */
  lat: number | null;
  lng: number | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS: [column: string, cast: string, read: (row: ListingRow) => unknown][] = [
  ['id', 'uuid', (r) => r.id],
  ['title', 'text', (r) => r.title],
  ['description', 'text', (r) => r.description],
  ['location', 'text', (r) => r.location],
  ['district', 'text', (r) => r.district],
  ['rent_type', 'text', (r) => r.rentType],
  ['property_type', 'text', (r) => r.propertyType],
  ['bedrooms', 'smallint', (r) => r.bedrooms],
  ['bathrooms', 'smallint', (r) => r.bathrooms],
  ['area_sqm', 'integer', (r) => r.areaSqm],
  ['price', 'numeric', (r) => r.price],
  ['currency', 'text', (r) => r.currency],
  ['features', 'text[]', (r) => r.features],
  ['images', 'text[]', (r) => r.images],
  ['lat', 'float8', (r) => r.lat],
  ['lng', 'float8', (r) => r.lng],
  ['created_by', 'uuid', (r) => r.createdBy],
  ['created_at', 'timestamptz', (r) => r.createdAt],
  ['updated_at', 'timestamptz', (r) => r.updatedAt],
];

/** Rows per INSERT: any size works (one array per column), this bounds memory. */
export const MAX_BATCH_ROWS = 10_000;

/** A PostgreSQL array literal for a text[] value, so a ragged list fits in one text[] cell. */
function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

/**
 * One multi-row INSERT inside `transaction`: one array parameter per column, unnested
 * into rows, so the statement stays small to parse whatever the batch size. Rows whose
 * id already exists are skipped (seeding is idempotent); returns how many were inserted.
 */
export async function insertListingRows(
  sequelize: Sequelize,
  rows: readonly ListingRow[],
  transaction: Transaction,
): Promise<number> {
  if (!rows.length) return 0;
  if (rows.length > MAX_BATCH_ROWS)
    throw new RangeError(`at most ${MAX_BATCH_ROWS} rows per INSERT`);
  const bind = COLUMNS.map(([, cast, read]) =>
    rows.map((row) => {
      const value = read(row);
      return cast === 'text[]' ? arrayLiteral(value as string[]) : value;
    }),
  );
  // text[] columns travel as text (array literals) and are cast per row: unnest would
  // otherwise flatten a 2-D array, and rows have different numbers of features.
  const selects = COLUMNS.map(([, cast], i) => (cast === 'text[]' ? `c${i}::text[]` : `c${i}`));
  const unnest = COLUMNS.map(([, cast], i) => `$${i + 1}::${cast === 'text[]' ? 'text' : cast}[]`);
  const sql = `WITH inserted AS (
      INSERT INTO listings (${COLUMNS.map(([c]) => c).join(', ')})
      SELECT ${selects.join(', ')}
      FROM unnest(${unnest.join(', ')}) AS u(${COLUMNS.map((_, i) => `c${i}`).join(', ')})
      ON CONFLICT (id) DO NOTHING
      RETURNING 1
    ) SELECT count(*)::int AS n FROM inserted`;
  const [result] = await sequelize.query<{ n: number }>(sql, {
    bind,
    transaction,
    type: QueryTypes.SELECT,
  });
  return result?.n ?? 0;
}
