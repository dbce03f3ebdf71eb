import { QueryTypes } from 'sequelize';
import type { ApiServices } from '../context';

/*
 * The inbox's event log exists for resuming streams, so it is kept only as long as a
 * client may reasonably come back: INBOX_RETENTION_HOURS. Pruning is a cron task of the
 * job engine (one job per tick across all instances), not a timer of each instance.
 */

declare module '@parley/jobs' {
  interface JobPayloads {
    /** Scheduled (crontab); graphile-worker adds its `_cron` tick to the payload. */
    'inbox.prune': Record<string, unknown>;
  }
}

/** A stream resuming from an event at most this old gets every event it missed. */
export const INBOX_RETENTION_HOURS = 24;
/** Minute 7 of every hour (UTC): events live between 24 and 25 hours. */
const PRUNE_SCHEDULE = '7 * * * *';

type Services = Pick<ApiServices, 'db' | 'jobs' | 'logger'>;

export function defineInboxTasks(services: Services): void {
  services.jobs.define('inbox.prune', async () => {
    const pruned = await pruneInboxEvents(services);
    if (pruned > 0) services.logger.info({ pruned }, 'inbox events pruned');
  });
  services.jobs.cron('inbox.prune', PRUNE_SCHEDULE);
}

/**
 * Deletes the inbox events older than the retention: always a prefix of the log (every
 * event up to the newest old one). How far is recorded first, in its own short statement
 * (the row every append locks), then the rows go: a stream that reads its backlog and
 * then finds the mark above its resume point knows rows it needed may be gone, never the
 * reverse. Returns how many events were deleted.
 */
export async function pruneInboxEvents(services: Pick<ApiServices, 'db'>): Promise<number> {
  const { sequelize } = services.db;
  const [cut] = await sequelize.query<{ seq: string | null }>(
    `SELECT max(seq) AS seq FROM inbox_events
     WHERE created_at < now() - make_interval(hours => $1)`,
    { bind: [INBOX_RETENTION_HOURS], type: QueryTypes.SELECT },
  );
  if (cut?.seq == null) return 0;
  await sequelize.query('UPDATE inbox_state SET pruned_seq = $1 WHERE pruned_seq < $1', {
    bind: [cut.seq],
  });
  const [deleted] = await sequelize.query<{ n: number }>(
    'WITH d AS (DELETE FROM inbox_events WHERE seq <= $1 RETURNING 1) SELECT count(*)::int AS n FROM d',
    { bind: [cut.seq], type: QueryTypes.SELECT },
  );
  return deleted?.n ?? 0;
}

/** The id at or below which inbox events may have been pruned (0: none ever were). */
export async function inboxPrunedSeq(services: Pick<ApiServices, 'db'>): Promise<number> {
  const [row] = await services.db.sequelize.query<{ pruned_seq: string }>(
    'SELECT pruned_seq FROM inbox_state',
    { type: QueryTypes.SELECT },
  );
  return Number(row?.pruned_seq ?? 0);
}
