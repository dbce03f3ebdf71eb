import { QueryTypes } from 'sequelize';
import type { ApiServices } from '../context';
import { MATCH_TASK, type MatchJobPayload, matchListings } from './match';

declare module '@parley/jobs' {
  interface JobPayloads {
    'alerts.match': MatchJobPayload;
  }
}

/** How long a matching job may be gone before another instance does its work again. */
const DEFAULT_RECOVERY_SECONDS = 30;

/**
 * The `alerts.match` task, enqueued by migration 0012's trigger on listing writes.
 *
 * The engine leaves a job locked for hours when the process executing it dies, so the task
 * first schedules a copy of itself a little later (under a job key of its own), does the
 * work, and then removes the copy. Killed in between, the copy runs on whichever instance
 * is alive and does the work; matching is idempotent (one alert per search, listing and
 * reason), so a copy that runs anyway, or the original unlocked hours later, adds nothing.
 */
export function defineAlertTasks(services: ApiServices): void {
  const { jobs } = services;
  const recoveryMs = (services.config.alertsRecoverySeconds ?? DEFAULT_RECOVERY_SECONDS) * 1000;
  jobs.define(MATCH_TASK, async (payload, job) => {
    const copyKey = `${MATCH_TASK}:recover:${job.jobId}`;
    await jobs.add(MATCH_TASK, payload, {
      jobKey: copyKey,
      runAt: new Date(Date.now() + recoveryMs),
    });
    const created = await matchListings(services, payload);
    if (created > 0) services.logger.debug({ created, jobId: job.jobId }, 'alerts created');
    await services.db.sequelize.query('SELECT graphile_worker.remove_job($1)', {
      bind: [copyKey],
      type: QueryTypes.SELECT,
    });
  });
}
