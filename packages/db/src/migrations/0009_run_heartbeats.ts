import { type Migration, run } from './types';

/**
 * Run heartbeats: the instance executing runs stamps them every few seconds (one
 * statement for all of its runs), so the run watchdog can tell a run whose process died
 * from a slow one and finish it (docs/runs.md, "A run is never left hanging").
 */
export const runHeartbeats: Migration = {
  name: '0009_run_heartbeats',
  up: (db) => run(db, ['ALTER TABLE runs ADD COLUMN heartbeat_at timestamptz']),
  down: (db) => run(db, ['ALTER TABLE runs DROP COLUMN heartbeat_at']),
};
