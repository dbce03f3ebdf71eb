import { QueryTypes, type Sequelize } from 'sequelize';

/** Where matching of some listings stands: how many still wait, and whether a job runs. */
export interface MatchingState {
  /** Listings of the given ids still in an `alerts.match` job that can run. */
  waiting: number;
  /** Some of those jobs are being executed right now (a Parley instance is at work). */
  running: boolean;
}

/**
 * Which of `ids` still wait for alert matching. The trigger of migration 0012 puts every
 * inserted listing in an `alerts.match` job (when someone has an active saved search);
 * a job leaves the engine's table when its alerts are committed. The payloads live only
 * in graphile-worker's own table (its `jobs` view leaves them out), so this reads it.
 * Not counted: jobs out of attempts, and jobs locked for over 10 minutes (their instance
 * died: the task's recovery copy, a job of its own with the same listings, does the work).
 */
export async function matchingState(
  sequelize: Sequelize,
  ids: readonly string[],
): Promise<MatchingState> {
  if (ids.length === 0) return { waiting: 0, running: false };
  const [row] = await sequelize.query<{ engine: boolean }>(
    `SELECT to_regclass('graphile_worker._private_jobs') IS NOT NULL AS engine`,
    { type: QueryTypes.SELECT },
  );
  // No job engine installed yet: the trigger enqueued nothing.
  if (!row?.engine) return { waiting: 0, running: false };
  const [state] = await sequelize.query<MatchingState>(
    `SELECT count(DISTINCT e.id)::int AS waiting, coalesce(bool_or(j.locked_at IS NOT NULL), false) AS running
       FROM graphile_worker._private_jobs j
       JOIN graphile_worker._private_tasks t ON t.id = j.task_id AND t.identifier = 'alerts.match'
       CROSS JOIN LATERAL json_to_recordset(j.payload->'listings') AS e (id uuid)
       JOIN unnest($1::uuid[]) AS mine (id) ON mine.id = e.id
      WHERE j.attempts < j.max_attempts
        AND (j.locked_at IS NULL OR j.locked_at > now() - interval '10 minutes')`,
    { bind: [ids], type: QueryTypes.SELECT },
  );
  return state ?? { waiting: 0, running: false };
}
