import type { ApiServices } from '../context';
import { sweepExpiredSessions } from './sessions';

declare module '@parley/jobs' {
  interface JobPayloads {
    'sessions.sweep': Record<string, never>;
  }
}

/*
 * Idle sessions are expired by one job for the whole platform (keyed, so there is one
 * however many instances run), on whichever instance is alive, every
 * `sessionSweepSeconds`, instead of a timer in every instance. Each run enqueues the next
 * before it looks, so a sweep killed halfway still has a successor (as the run watchdog
 * does, runs/watchdog.ts); a sweep that outlasts the interval may meet the next one in a
 * backlog, and each session is still expired once (its update re-checks it under its
 * conversation's lock).
 */
const TASK = 'sessions.sweep';
const DEFAULT_SWEEP_SECONDS = 60;

async function scheduleSweep(services: Pick<ApiServices, 'jobs' | 'config'>): Promise<void> {
  const seconds = services.config.sessionSweepSeconds ?? DEFAULT_SWEEP_SECONDS;
  await services.jobs.add(
    TASK,
    {},
    { jobKey: TASK, jobKeyMode: 'preserve_run_at', runAt: new Date(Date.now() + seconds * 1000) },
  );
}

/** Registers the sweep on the job engine; every instance's runner enqueues it on (re)start. */
export function defineSessionTasks(services: ApiServices): void {
  services.jobs.define(TASK, async () => {
    await scheduleSweep(services);
    const expired = await sweepExpiredSessions(services);
    if (expired) services.logger.info({ expired }, 'idle sessions expired');
  });
  services.jobs.onStart(() => scheduleSweep(services));
}
