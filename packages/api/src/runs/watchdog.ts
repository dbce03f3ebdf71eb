import { QueryTypes } from 'sequelize';
import type { ApiServices } from '../context';
import { CANCEL_CHANNEL, runExecutorOf } from './executor';
import { finishRun } from './transitions';

declare module '@parley/jobs' {
  interface JobPayloads {
    'runs.sweep': Record<string, never>;
    /** Per-conversation checks enqueued before the sweep existed: each runs one sweep. */
    'runs.watchdog': { conversationId: string };
  }
}

/*
 * A run is never left hanging (docs/runs.md). The instance executing runs stamps their
 * heartbeat every HEARTBEAT_MS (executor.ts; one statement for all of them). One recurring
 * sweep job for the whole platform (`jobs.every`, keyed) looks at the
 * head of every conversation's queue every SWEEP_MS on whichever instance is alive: a
 * running head whose heartbeat is older than STALE_MS (4 beats missed) lost its process
 * and is finished as `failed` (`interrupted`); a queued head nobody started (its instance
 * died before starting it, or lost PostgreSQL) is started here. Either way the
 * conversation's queue goes on.
 *
 * Nothing is enqueued by a send: a job written in every send's transaction cost each turn
 * its statements and, worse, a NOTIFY (the job engine wakes its workers that way), and
 * PostgreSQL commits every transaction that notifies one at a time, under one lock: at
 * chat rates, sends queued behind each other there for up to ~180 ms.
 *
 * Worst case from a kill to `run.failed`: STALE_MS + SWEEP_MS + the job poll (1 s).
 */
export const STALE_MS = 8_000;
export const SWEEP_MS = 3_000;

/** How long after the run before it ended a queued head is left to the instance that ended it. */
const HANDOVER_MS = 1_000;
/** Queues restarted per sweep (oldest head first); any more wait for the next sweep. */
const SWEEP_LIMIT = 1_000;

/** A conversation's queue head that needs this sweep: running but silent, or queued. */
interface QueueHead {
  id: string;
  conversation_id: string;
  status: 'queued' | 'running';
}

/** One look at every conversation's queue; see above. Throws (retried) when PostgreSQL is out. */
export async function sweepRuns(services: ApiServices): Promise<void> {
  // Only heads that need something: a running head whose heartbeat is still fresh is its
  // instance's (alive), and a queued head whose run before it ended a moment ago is being
  // started by the instance that ended it: starting it here too would only race it, and a
  // run that moves to another instance leaves the sender's wait depending on the bus.
  const heads = await services.db.sequelize.query<QueueHead>(
    `SELECT h.id, h.conversation_id, h.status
     FROM (SELECT DISTINCT ON (conversation_id)
                  id, conversation_id, status, created_at, heartbeat_at, started_at
           FROM runs WHERE status IN ('queued', 'running')
           ORDER BY conversation_id, created_at, id) h
     WHERE CASE WHEN h.status = 'running'
                THEN coalesce(h.heartbeat_at, h.started_at)
                     < clock_timestamp() - make_interval(secs => $1)
                ELSE NOT coalesce((
                  SELECT p.finished_at > clock_timestamp() - make_interval(secs => $2)
                  FROM runs p
                  WHERE p.conversation_id = h.conversation_id AND p.finished_at IS NOT NULL
                  ORDER BY p.created_at DESC, p.id DESC LIMIT 1), false) END
     ORDER BY h.created_at LIMIT $3`,
    { bind: [STALE_MS / 1000, HANDOVER_MS / 1000, SWEEP_LIMIT], type: QueryTypes.SELECT },
  );
  for (const head of heads) await restartQueue(services, head);
}

/** Fails a silent running head (if it still is, judged again as it is written), then goes on. */
async function restartQueue(services: ApiServices, head: QueueHead): Promise<void> {
  const { conversation_id: conversationId } = head;
  if (head.status === 'running') {
    const finished = await finishRun(
      services,
      head.id,
      {
        status: 'failed',
        code: 'interrupted',
        message: 'The server answering this stopped before it finished; retry it',
      },
      { staleMs: STALE_MS },
    );
    // A heartbeat arrived meanwhile: its instance is alive and goes on with the queue.
    if (!finished) return;
    services.logger.warn(
      { runId: head.id, conversationId },
      'run watchdog: the instance executing this run stopped; run failed as interrupted',
    );
    await finished.publish().catch((error: unknown) => {
      services.logger.warn({ err: error, runId: head.id }, 'could not publish run.failed');
    });
    // If its instance is alive after all (cut off from PostgreSQL for a while), it stops.
    await services.infra.bus.publish(CANCEL_CHANNEL, { runId: head.id }).catch(() => {});
  }
  runExecutorOf(services).kick(conversationId);
}

/** Registers the sweep on the job engine (`jobs.every`: its successor is queued before it looks). */
export function defineRunTasks(services: ApiServices): void {
  services.jobs.every('runs.sweep', SWEEP_MS, () => sweepRuns(services));
  services.jobs.define('runs.watchdog', () => sweepRuns(services));
}
