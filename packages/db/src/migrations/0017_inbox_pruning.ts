import { type Migration, run } from './types';

/**
 * The inbox's event log is pruned (a job, hourly); `pruned_seq` is how far. A stream asked
 * to resume from an id at or below it answers that it cannot, instead of skipping what
 * was deleted: ids are not gap-free proof on their own, since a deleted conversation
 * takes its inbox events with it.
 */
export const inboxPruning: Migration = {
  name: '0017_inbox_pruning',
  up: (db) => run(db, ['ALTER TABLE inbox_state ADD COLUMN pruned_seq bigint NOT NULL DEFAULT 0']),
  down: (db) => run(db, ['ALTER TABLE inbox_state DROP COLUMN pruned_seq']),
};
