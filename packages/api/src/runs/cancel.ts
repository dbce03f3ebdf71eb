import type { Page, Run } from '@parley/validators';
import { QueryTypes } from 'sequelize';
import type { Identity } from '../auth/credentials';
import { decodeCursor, toPage } from '../chat/cursor';
import { loadSessionReaching } from '../chat/sessions';
import type { ApiServices } from '../context';
import { notFound } from '../errors';
import { CANCEL_CHANNEL, runExecutorOf } from './executor';
import { isFinished, type RunRow, readRun, toRun } from './records';
import { finishRun } from './transitions';
import { waitForRun } from './wait';

/** How long a cancel waits for the instance executing the run before it finishes it. */
const HANDOFF_MS = 1_000;

/**
 * `sessions.cancelRun`: stops a run. A queued run is cancelled at once. A running one is
 * aborted where it executes (here, or on another instance through the bus): its model
 * stream stops and what was written is kept as an `interrupted` assistant message. If no
 * instance answers (its process died), the run is cancelled here without text. A finished
 * run is returned as it is.
 */
export async function cancelRun(
  services: ApiServices,
  identity: Identity,
  input: { sessionId: string; runId: string },
): Promise<Run> {
  const session = await loadSessionReaching(services, identity, input.sessionId, true);
  const run = await readRun(services, input.runId);
  if (!run || run.conversation_id !== session.conversationId) throw notFound('Run');
  if (isFinished({ status: run.status })) return toRun(run);
  const executor = runExecutorOf(services);
  // Nothing ran yet: finished here, unless it started or ended meanwhile.
  if (run.status === 'queued') {
    const cancelled = await cancelHere(services, run);
    if (cancelled) return cancelled;
  }
  if (executor.abortLocal(run.id)) {
    await executor.settled(run.id);
  } else {
    await services.infra.bus.publish(CANCEL_CHANNEL, { runId: run.id });
    const handoff = AbortSignal.timeout(HANDOFF_MS);
    await waitForRun(services, executor, run.conversation_id, run.id, { signal: handoff });
  }
  const now = await readRun(services, run.id);
  if (now && !isFinished({ status: now.status })) {
    const cancelled = await cancelHere(services, run);
    if (cancelled) return cancelled;
  }
  return toRun((await readRun(services, run.id)) as RunRow);
}

/** Finishes `run` as cancelled with nothing written; undefined when it had already ended. */
async function cancelHere(services: ApiServices, run: RunRow): Promise<Run | undefined> {
  const finished = await finishRun(services, run.id, {
    status: 'cancelled',
    partialText: '',
    assistantMessageId: '',
    agent: run.agent,
  });
  if (!finished) return undefined;
  await finished.publish();
  return finished.run;
}

/** `sessions.runs`: the conversation's runs, newest first. */
export async function listRuns(
  services: ApiServices,
  identity: Identity,
  input: { sessionId: string; cursor?: string | null | undefined; limit: number },
): Promise<Page<Run>> {
  const session = await loadSessionReaching(services, identity, input.sessionId);
  const after = input.cursor ? decodeCursor(input.cursor) : undefined;
  const rows = await services.db.sequelize.query<RunRow>(
    `SELECT * FROM runs WHERE conversation_id = $1
       AND ($2::timestamptz IS NULL OR (created_at, id) < ($2::timestamptz, $3::uuid))
     ORDER BY created_at DESC, id DESC LIMIT $4`,
    {
      bind: [session.conversationId, after?.at ?? null, after?.id ?? null, input.limit + 1],
      type: QueryTypes.SELECT,
    },
  );
  return toPage(rows, input.limit, toRun, (r) => [r.created_at, r.id]);
}
