import { QueryTypes, type Transaction } from 'sequelize';
import type { ApiServices } from '../context';
import { CANCEL_CHANNEL, runExecutorOf } from './executor';
import { finishRun } from './transitions';

declare module '@parley/jobs' {
  interface JobPayloads {
    'runs.watchdog': { conversationId: string };
  }
}

/*
 * A run is never left hanging (docs/runs.md). The instance executing runs stamps their
 * heartbeat every HEARTBEAT_MS (executor.ts; one statement for all of them). Every
 * conversation with unfinished runs has one watchdog job (keyed by the conversation),
 * enqueued in the transaction that queues a run, which looks at the head of its queue
 * every CHECK_MS on whichever instance is alive: a running run whose heartbeat is older
 * than STALE_MS (4 beats missed) lost its process and is finished as `failed`
 * (`interrupted`); a queued head (its instance died before starting it, or lost
 * PostgreSQL) is started here. Either way the conversation's queue goes on. One job per
 * conversation, not per run: a long queue costs no more than one run.
 * Worst case from a kill to `run.failed`: STALE_MS + CHECK_MS + the job poll (1 s).
 */
export const STALE_MS = 8_000;
export const CHECK_MS = 3_000;

const TASK = 'runs.watchdog';

/** How long after the run before it ended a queued head is left to the instance that ended it. */
const HANDOVER_MS = 1_000;

/** A known check this close to its time is enqueued again rather than trusted. */
const DUE_MARGIN_MS = 500;

/**
 * Makes sure the conversation's queue is checked within `delayMs`. An earlier pending
 * check keeps its time, so a stream of sends cannot keep pushing it back. A check this
 * instance knows to be committed and still ahead is enough: a job never runs before its
 * time and is only removed by running, so a busy conversation does not write its job
 * again on every send.
 */
export async function watchConversation(
  services: Pick<ApiServices, 'jobs' | 'instance'>,
  conversationId: string,
  options: { transaction?: Transaction; delayMs?: number } = {},
): Promise<void> {
  const due = services.instance.watchdogChecks;
  const known = due.get(conversationId);
  if (known !== undefined && known - Date.now() > DUE_MARGIN_MS) return;
  const { dueInMs } = await services.jobs.add(
    TASK,
    { conversationId },
    {
      transaction: options.transaction,
      jobKey: `${TASK}:${conversationId}`,
      jobKeyMode: 'preserve_run_at',
      runAt: new Date(Date.now() + (options.delayMs ?? CHECK_MS)),
    },
  );
  const at = Date.now() + dueInMs;
  const remember = () => {
    due.set(conversationId, at);
  };
  if (options.transaction) options.transaction.afterCommit(remember);
  else remember();
}

/** One look at a conversation's queue; see above. Throws (retried) when PostgreSQL is out. */
export async function checkConversation(
  services: ApiServices,
  conversationId: string,
): Promise<void> {
  // `just_freed`: the run before a queued head ended a moment ago, so the instance that
  // ended it is starting the head now. Starting it here too would only race it, and a run
  // that moves to another instance leaves the sender's wait depending on the bus.
  const [head] = await services.db.sequelize.query<{
    id: string;
    status: string;
    just_freed: boolean;
  }>(
    `SELECT id, status,
            status = 'queued' AND coalesce((
              SELECT p.finished_at > clock_timestamp() - make_interval(secs => $2)
              FROM runs p WHERE p.conversation_id = $1 AND p.finished_at IS NOT NULL
              ORDER BY p.created_at DESC, p.id DESC LIMIT 1), false) AS just_freed
     FROM runs WHERE conversation_id = $1 AND status IN ('queued', 'running')
     ORDER BY created_at, id LIMIT 1`,
    { bind: [conversationId, HANDOVER_MS / 1000], type: QueryTypes.SELECT },
  );
  if (!head) return;
  // The next check first: a job whose process dies while executing it stays locked for
  // hours, so the follow-up must already be queued.
  await watchConversation(services, conversationId);
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
  // Left to the instance that freed it; if that one died meanwhile, the next check starts it.
  if (head.just_freed) return;
  runExecutorOf(services).kick(conversationId);
}

/**
 * Watches every conversation with unfinished runs again: runs from before the watchdog
 * existed, and checks lost with a job worker that died (its job stays locked for hours).
 * Called each time the job runner (re)starts; idempotent thanks to the job keys.
 */
async function watchUnfinishedConversations(services: ApiServices): Promise<void> {
  const rows = await services.db.sequelize.query<{ conversation_id: string }>(
    "SELECT DISTINCT conversation_id FROM runs WHERE status IN ('queued', 'running')",
    { type: QueryTypes.SELECT },
  );
  for (const row of rows) await watchConversation(services, row.conversation_id);
}

/** Registers the watchdog's task on the job engine. */
export function defineRunTasks(services: ApiServices): void {
  services.jobs.define(TASK, ({ conversationId }) => checkConversation(services, conversationId));
  services.jobs.onStart(() => watchUnfinishedConversations(services));
}
