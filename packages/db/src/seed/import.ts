import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { findTown, listingCreateInput } from '@parley/validators';
import { parse } from 'csv-parse/sync';
import type { Sequelize } from 'sequelize';
import { newId } from '../ids';
import { withTransaction } from '../transaction';
import { insertListingRows, type ListingRow } from './rows';

/** One row of an import file, with the line of the file it starts on. */
export interface SourceRecord {
  line: number;
  /**
   * JSON only: its place in the array (1 = the first element). Several elements may
   * share a line (a one-line file), so the line alone does not tell which one it was.
   */
  row?: number;
  record: Record<string, unknown>;
}

/** Why a row was not imported: `line 7: price: must be positive`. */
export interface RowProblem {
  line: number;
  /** As `SourceRecord.row`. */
  row?: number;
  field: string;
  message: string;
}

/** A batch PostgreSQL refused: rolled back whole, none of its rows exist. */
export interface BatchFailure {
  fromLine: number;
  toLine: number;
  rows: number;
  message: string;
}

export interface ImportResult {
  total: number;
  imported: number;
  /** Rows that failed validation (each may have several problems). */
  rejectedRows: number;
  problems: RowProblem[];
  failedBatches: BatchFailure[];
  ms: number;
}

export interface ImportOptions {
  /** Valid rows per INSERT; each batch is one transaction. Default 500. */
  batchSize?: number;
  /** Recorded as the listings' creator (null: imported by a tool). */
  createdBy?: string | null;
  clock?: () => Date;
  onProgress?: (done: number, total: number) => void;
  /**
   * Called after every committed batch with the ids it wrote, e.g. to bump the listings
   * cache version, or to follow their alert matching.
   */
  afterCommit?: (ids: string[]) => Promise<unknown>;
}

// Header names people use -> the field listingCreateInput expects.
const FIELD_BY_KEY: Record<string, string> = {
  title: 'title',
  description: 'description',
  location: 'location',
  town: 'location',
  renttype: 'rentType',
  propertytype: 'propertyType',
  type: 'propertyType',
  bedrooms: 'bedrooms',
  beds: 'bedrooms',
  bathrooms: 'bathrooms',
  baths: 'bathrooms',
  areasqm: 'areaSqm',
  area: 'areaSqm',
  price: 'price',
  currency: 'currency',
  features: 'features',
  images: 'images',
  lat: 'lat',
  latitude: 'lat',
  lng: 'lng',
  lon: 'lng',
  long: 'lng',
  longitude: 'lng',
};
const NUMBER_FIELDS = new Set(['bedrooms', 'bathrooms', 'areaSqm', 'price', 'lat', 'lng']);
const LIST_FIELDS = new Set(['features', 'images']);
const PLAIN_NUMBER = /^[-+]?\d+(\.\d+)?$/;
const MONEY = /^[£€$]?\s*(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/**
 * Maps a raw record onto the input shape: header names in any case or snake_case, CSV
 * text turned into numbers and lists. Anything it cannot read is left as it is, so
 * validation names the field and says what was wrong.
 */
function normaliseRecord(raw: Record<string, unknown>, fromText: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const field = FIELD_BY_KEY[key.toLowerCase().replace(/[^a-z]/g, '')] ?? key;
    let v = typeof value === 'string' ? value.trim() : value;
    if (v === '' || v === null) continue; // missing: defaults apply, required fields are reported
    if (typeof v === 'string' && LIST_FIELDS.has(field)) {
      v = v
        .split(/[;|]/)
        .map((part) => part.trim())
        .filter(Boolean);
    } else if (typeof v === 'string' && NUMBER_FIELDS.has(field) && fromText) {
      if (PLAIN_NUMBER.test(v)) v = Number(v);
      else if (field === 'price' && MONEY.test(v)) v = Number(v.replace(/[£€$,\s]/g, ''));
    }
    out[field] = v;
  }
  return out;
}

/** Reads a .json (array of objects) or .csv (header row) file of listings. */
export async function readListingFile(file: string): Promise<SourceRecord[]> {
  const text = await readFile(file, 'utf8');
  const ext = path.extname(file).toLowerCase();
  if (ext === '.json') return parseListingJson(text);
  if (ext === '.csv') return parseListingCsv(text);
  throw new Error(`${file}: expected a .json or .csv file`);
}

export function parseListingJson(text: string): SourceRecord[] {
  const data: unknown = JSON.parse(text);
  if (!Array.isArray(data)) throw new Error('a JSON import file must hold an array of listings');
  const lines = topLevelElementLines(text);
  return data.map((item, i) => ({
    line: lines[i] ?? i + 1,
    row: i + 1,
    record:
      item && typeof item === 'object' && !Array.isArray(item)
        ? normaliseRecord(item as Record<string, unknown>, false)
        : { '': item },
  }));
}

/** The line each element of a top-level JSON array starts on. */
function topLevelElementLines(text: string): number[] {
  const lines: number[] = [];
  let depth = 0;
  let line = 1;
  let inString = false;
  let escaped = false;
  let expecting = false;
  for (const c of text) {
    if (c === '\n') line++;
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (/\s/.test(c)) continue;
    if (depth === 1 && expecting && c !== ']') {
      lines.push(line);
      expecting = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1) expecting = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expecting = true;
  }
  return lines;
}

export function parseListingCsv(text: string): SourceRecord[] {
  const rows = parse(text, {
    bom: true,
    raw: true,
    record_delimiter: ['\r\n', '\n'],
    skip_empty_lines: true,
    relax_column_count: true,
  }) as unknown as { record: string[]; raw: string }[];
  // Line numbers come from the raw text of each record: quoted fields may span lines.
  let line = 1;
  const located = rows.map(({ record, raw }) => {
    const leading = /^[\r\n]*/.exec(raw)?.[0] ?? '';
    const start = line + (leading.match(/\n/g)?.length ?? 0);
    line += raw.match(/\n/g)?.length ?? 0;
    return { record, line: start };
  });
  const [header, ...body] = located;
  if (!header) return [];
  return body.map(({ record, line: at }) => {
    const raw: Record<string, unknown> = {};
    header.record.forEach((name, i) => {
      raw[name] = record[i];
    });
    return { line: at, record: normaliseRecord(raw, true) };
  });
}

function toRow(
  input: ReturnType<typeof listingCreateInput.parse>,
  createdBy: string | null,
  now: Date,
): ListingRow {
  const town = findTown(input.location);
  if (!town) throw new Error(`unknown town ${input.location}`); // the schema already refused it
  return {
    id: newId(),
    title: input.title,
    description: input.description,
    location: town.name,
    district: town.district,
    rentType: input.rentType,
    propertyType: input.propertyType,
    bedrooms: input.bedrooms,
    bathrooms: input.bathrooms,
    areaSqm: input.areaSqm,
    price: input.price.toFixed(2),
    currency: input.currency,
    features: [...new Set(input.features)],
    images: input.images,
    lat: input.lat,
    lng: input.lng,
    createdBy,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Validates every record with `listingCreateInput` and inserts the valid ones in batches,
 * each batch one transaction. An invalid row is reported (line and field) and skipped;
 * a batch PostgreSQL refuses is rolled back whole and reported; the rest carries on.
 */
export async function importListings(
  sequelize: Sequelize,
  records: readonly SourceRecord[],
  options: ImportOptions = {},
): Promise<ImportResult> {
  const {
    batchSize = 500,
    createdBy = null,
    clock = () => new Date(),
    onProgress,
    afterCommit,
  } = options;
  const started = performance.now();
  const result: ImportResult = {
    total: records.length,
    imported: 0,
    rejectedRows: 0,
    problems: [],
    failedBatches: [],
    ms: 0,
  };
  let batch: { line: number; row: ListingRow }[] = [];
  let done = 0;

  const flush = async () => {
    if (!batch.length) return;
    const pending = batch;
    batch = [];
    try {
      const rows = pending.map((p) => p.row);
      result.imported += await withTransaction(sequelize, (transaction) =>
        insertListingRows(sequelize, rows, transaction),
      );
      // New ids: a batch that commits wrote every one of its rows.
      await afterCommit?.(rows.map((row) => row.id));
    } catch (error) {
      const parent = (error as { parent?: { message?: string } }).parent;
      result.failedBatches.push({
        fromLine: pending[0]?.line ?? 0,
        toLine: pending[pending.length - 1]?.line ?? 0,
        rows: pending.length,
        message: parent?.message ?? (error as Error).message,
      });
    }
    onProgress?.(done, records.length);
  };

  for (const { line, row, record } of records) {
    done++;
    const parsed = listingCreateInput.safeParse(record);
    if (!parsed.success) {
      result.rejectedRows++;
      for (const issue of parsed.error.issues) {
        const field = issue.path.map(String).join('.') || 'row';
        // An empty value was dropped as missing (normaliseRecord), so the schema saw
        // `undefined`: say what the person can act on, not "received undefined".
        const missing =
          issue.code === 'invalid_type' && issue.path.length === 1 && record[field] === undefined;
        result.problems.push({
          line,
          ...(row === undefined ? {} : { row }),
          field,
          message: missing ? 'is required (missing or empty)' : issue.message,
        });
      }
      continue;
    }
    batch.push({ line, row: toRow(parsed.data, createdBy, clock()) });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  onProgress?.(done, records.length);
  // A big import changes the planner's picture at once; small ones are left to autovacuum.
  if (result.imported >= 1_000) await sequelize.query('ANALYZE listings');
  result.ms = performance.now() - started;
  return result;
}
