import { QueryTypes } from 'sequelize';
import type { ApiServices } from '../context';

/*
 * Uploaded pictures no listing uses are deleted a while after their upload: a form left
 * unsaved, a photo removed from a listing, a listing deleted. Each upload is recorded
 * (media_uploads) when it is stored; the sweep is a cron task of the job engine (one job
 * per tick across all instances). A picture younger than the grace period is never
 * touched, so one uploaded for a listing still being written stays.
 */

declare module '@parley/jobs' {
  interface JobPayloads {
    /** Scheduled (crontab); graphile-worker adds its `_cron` tick to the payload. */
    'media.sweep': Record<string, unknown>;
  }
}

/** Minute 23 of every hour (UTC). */
const SWEEP_SCHEDULE = '23 * * * *';
/** Pictures looked at per statement; a tick goes on until none is left. */
const BATCH = 200;

type Services = Pick<ApiServices, 'db' | 'jobs' | 'logger'>;

export interface MediaSweepOptions {
  /** Deletes a picture from the store at every size. */
  remove: (key: string) => Promise<void>;
  /** `MEDIA_ORPHAN_HOURS`: how long an upload no listing uses is kept. */
  orphanHours: number;
}

/** Records an upload (its key and who made it), in the request that stored it. */
export async function recordUpload(
  services: Pick<ApiServices, 'db'>,
  key: string,
  userId: string,
): Promise<void> {
  await services.db.sequelize.query('INSERT INTO media_uploads (key, user_id) VALUES ($1, $2)', {
    bind: [key, userId],
  });
}

export function defineMediaTasks(services: Services, options: MediaSweepOptions): void {
  services.jobs.define('media.sweep', async () => {
    const deleted = await sweepUnusedUploads(services, options);
    if (deleted > 0) services.logger.info({ deleted }, 'unused uploaded pictures deleted');
  });
  services.jobs.cron('media.sweep', SWEEP_SCHEDULE);
}

/**
 * Deletes every upload older than `orphanHours` that no listing's `images` names, from
 * the store first and then its record: a failure in between leaves a record whose
 * pictures are gone, which the next tick deletes again (a store delete of nothing is
 * fine), never a picture nobody can find. Returns how many were deleted.
 */
export async function sweepUnusedUploads(
  services: Pick<ApiServices, 'db'>,
  options: MediaSweepOptions,
): Promise<number> {
  const { sequelize } = services.db;
  let deleted = 0;
  for (;;) {
    const rows = await sequelize.query<{ key: string }>(
      // The keys listings use are read once per batch (one pass over their images),
      // then matched by a hash anti-join.
      `WITH used AS (
         SELECT substring(image FROM '/media/(u[0-9a-f]{32})/') AS key
           FROM listings, unnest(images) AS image
          WHERE image LIKE '%/media/u%')
       SELECT u.key FROM media_uploads u
        WHERE u.created_at < now() - make_interval(hours => $1)
          AND NOT EXISTS (SELECT 1 FROM used WHERE used.key = u.key)
        ORDER BY u.created_at
        LIMIT $2`,
      { bind: [options.orphanHours, BATCH], type: QueryTypes.SELECT },
    );
    if (rows.length === 0) return deleted;
    const keys = rows.map((r) => r.key);
    for (const key of keys) await options.remove(key);
    await sequelize.query('DELETE FROM media_uploads WHERE key = ANY($1)', { bind: [keys] });
    deleted += keys.length;
    if (rows.length < BATCH) return deleted;
  }
}
