import { type Migration, run } from './types';

/**
 * The times lists are paged by are kept to the millisecond, as JavaScript reads them.
 * A cursor carries the last row's time as a `Date` (milliseconds); a row stamped by
 * PostgreSQL (`now()`, `clock_timestamp()`: microseconds) in the same millisecond compared
 * greater than it and came back on the next page, and a batch stamped within one
 * millisecond (a listing's alerts posted into a conversation) paged in a loop that never
 * ended. `timestamptz(3)` rounds every value as it is stored, so what a cursor says is
 * exactly what the row holds.
 */
const SORT_TIMES: [table: string, column: string][] = [
  ['users', 'created_at'],
  ['sessions', 'created_at'],
  ['conversations', 'activity_at'],
  ['conversations', 'handoff_requested_at'],
  ['messages', 'created_at'],
  ['runs', 'created_at'],
  ['saved_searches', 'created_at'],
  ['favorites', 'created_at'],
  ['webhook_deliveries', 'created_at'],
];

const alter = (precision: string) =>
  SORT_TIMES.map(
    ([table, column]) => `ALTER TABLE ${table} ALTER COLUMN ${column} TYPE timestamptz${precision}`,
  );

export const cursorTimesInMilliseconds: Migration = {
  name: '0023_cursor_times_in_milliseconds',
  up: (db) => run(db, alter('(3)')),
  down: (db) => run(db, alter('')),
};
