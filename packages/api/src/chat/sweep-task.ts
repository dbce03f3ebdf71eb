import type { ApiServices } from '../context';
import { sweepExpiredSessions } from './sessions';

declare module '@parley/jobs' {
  interface JobPayloads {
    'sessions.sweep': Record<string, never>;
  }
}

/*
 * Idle sessions are expired by one recurring job for the whole platform (`jobs.every`:
 * keyed, on whichever instance is alive), every `sessionSweepSeconds`, instead of a timer
 * in every instance. A sweep that outlasts the interval may meet the next one in a
 * backlog, and each session is still expired once (its update re-checks it under its
 * conversation's lock).
 */
const DEFAULT_SWEEP_SECONDS = 60;

/** Registers the sweep on the job engine. */
export function defineSessionTasks(services: ApiServices): void {
  const seconds = services.config.sessionSweepSeconds ?? DEFAULT_SWEEP_SECONDS;
  services.jobs.every('sessions.sweep', seconds * 1000, async () => {
    const expired = await sweepExpiredSessions(services);
    if (expired) services.logger.info({ expired }, 'idle sessions expired');
  });
}
