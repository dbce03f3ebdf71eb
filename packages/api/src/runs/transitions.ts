import { prepared, runPrepared, withTransaction } from '@parley/db';
import type { AssistantReply, Message, Run, SearchFacts } from '@parley/validators';
import type { Transaction } from 'sequelize';
import { saveSearchFromConversation } from '../alerts/searches';
import { messageOfRow } from '../chat/serialize';
import type { ApiServices } from '../context';
import { appendEvents } from '../events/log';
import type { DurableEvent } from '../events/protocol';
import { ASSISTANT_REASON, requestHandoffIn } from '../handoff/transitions';
import { type RunRow, toRun } from './records';

/*
 * Every change of a run's status, each in one transaction with its durable events.
 * Lock order everywhere: the run row, then the conversation row (its event counter),
 * then sessions. A run leaves `queued`/`running` exactly once: each finish is a
 * conditional UPDATE, so of two racing finishers (the executor, a cancel, the watchdog)
 * one writes the run's last event and the other finds nothing to do.
 */

type Services = Pick<ApiServices, 'db' | 'infra' | 'logger' | 'jobs' | 'config' | 'clock'>;

const CLAIM_NEXT_RUN = prepared(
  'claim_next_run',
  `UPDATE runs SET status = 'running', started_at = clock_timestamp(), instance_id = $2,
              heartbeat_at = clock_timestamp(), updated_at = clock_timestamp()
       WHERE id = (SELECT id FROM runs WHERE conversation_id = $1
                     AND status IN ('queued', 'running')
                   ORDER BY created_at, id LIMIT 1 FOR UPDATE)
         AND status = 'queued'
         AND NOT EXISTS (SELECT 1 FROM conversations WHERE id = $1 AND mode = 'agent')
       RETURNING *`,
);

/**
 * Starts the conversation's next run if none is running: the oldest unfinished run is
 * locked; when it is queued it becomes `running` on `instanceId` with `run.started`.
 * Undefined when there is nothing to start (none queued, or one is running).
 */
export async function claimNextRun(
  services: Services,
  conversationId: string,
  instanceId: string,
): Promise<{ run: Run; publish: () => Promise<void> } | undefined> {
  return withTransaction(services.db.sequelize, async (transaction) => {
    // One statement: lock the conversation's oldest unfinished run and start it if it is
    // queued. A running head (or none) updates nothing. While an agent holds the
    // conversation the assistant starts nothing (a claim cancels what was queued; this
    // covers a run queued just before it).
    const [row] = await runPrepared<RunRow>(
      services.db.sequelize,
      CLAIM_NEXT_RUN,
      [conversationId, instanceId],
      transaction,
    );
    if (!row) return undefined;
    const run = toRun(row);
    const appended = await appendEvents(
      services,
      conversationId,
      [{ type: 'run.started', run }],
      transaction,
      { sessionId: run.sessionId },
    );
    return { run, publish: appended.publish };
  });
}

export type Ending =
  | {
      status: 'completed';
      assistantMessageId: string;
      reply: AssistantReply;
      memory: { facts: SearchFacts; summary: string };
      /** The person asked to be told ("let me know when..."): save the search from memory. */
      saveSearch?: boolean;
      /**
       * The person asked for a person: the conversation goes to the agents' inbox in the
       * same commit as the reply that says so.
       */
      asksForPerson?: boolean;
    }
  | { status: 'cancelled'; partialText: string; assistantMessageId: string; agent: string }
  | { status: 'failed'; code: string; message: string; partialText?: string };

export interface Finished {
  run: Run;
  /** The run as stored after this finish. */
  row: RunRow;
  message: Message | null;
  /**
   * Whether a run of the conversation is queued behind this one, when the finish could
   * tell (it stored a message, which locked the conversation first); undefined otherwise.
   */
  queuedRuns?: boolean;
  publish: () => Promise<void>;
}

/**
 * Finishes a run that is still unfinished, or does nothing (undefined) when someone else
 * finished it first. A completed run stores its assistant message and the conversation's
 * new memory; a cancelled one keeps what was written, marked `interrupted`. A reply that
 * answers a request for a person commits with the hand-off request: a crash or an error
 * between them can leave neither a promise of an agent nobody was asked for, nor a
 * waiting conversation whose reply was lost.
 *
 * With `staleMs` (the watchdog) it finishes the run only if it is running and its
 * instance has not stamped its heartbeat for that long, judged by the database's clock in
 * the same statement, so a heartbeat that arrives first keeps the run alive.
 */
export async function finishRun(
  services: Services,
  runId: string,
  ending: Ending,
  options: { staleMs?: number } = {},
): Promise<Finished | undefined> {
  return withTransaction(services.db.sequelize, async (transaction) => {
    const reply = replyOf(ending);
    const ended = reply
      ? await endWithReply(services, runId, ending, options, reply, transaction)
      : await endRun(services, runId, ending, options, transaction);
    if (!ended) return undefined;
    const { row, message } = ended;
    if (ending.status === 'completed' && ending.saveSearch) {
      await saveSearchFromConversation(
        services.db.sequelize,
        row.conversation_id,
        ending.memory.facts,
        ending.reply.language,
        transaction,
        services.config.savedSearchesPerUser,
      );
    }
    const run = toRun(row);
    const events: DurableEvent[] = [];
    if (ending.status === 'completed') {
      events.push({ type: 'assistant.completed', run, message: message!, reply: ending.reply });
    } else {
      if (message) events.push({ type: 'message.created', message });
      events.push(
        ending.status === 'cancelled'
          ? { type: 'run.cancelled', run }
          : { type: 'run.failed', run },
      );
    }
    // Storing the message locked the conversation, so the append can tell whether a run
    // waits behind this one and spare the executor a claim that would find none.
    const appended = await appendEvents(services, run.conversationId, events, transaction, {
      sessionId: run.sessionId,
      reportQueuedRuns: message !== null,
    });
    const { queuedRuns } = appended;
    if (ending.status !== 'completed' || !ending.asksForPerson) {
      return { run, row, message, queuedRuns, publish: appended.publish };
    }
    const handoff = await requestHandoffIn(
      services,
      { conversationId: run.conversationId, sessionId: run.sessionId, reason: ASSISTANT_REASON },
      transaction,
    );
    const publish = async () => {
      await appended.publish();
      await handoff.publish();
    };
    return { run, row, message, queuedRuns, publish };
  });
}

/** The assistant message a finish stores: none for a failure or a cancel with no text. */
interface ReplyToStore {
  id: string;
  content: string;
  metadata: Record<string, unknown>;
  memory: { facts: SearchFacts; summary: string } | undefined;
}

function replyOf(ending: Ending): ReplyToStore | null {
  if (ending.status === 'completed') {
    const { reply } = ending;
    return {
      id: ending.assistantMessageId,
      content: reply.responseText,
      metadata: {
        agent: reply.agent,
        recommendations: reply.recommendations,
        appliedFilters: reply.appliedFilters,
        language: reply.language,
      },
      memory: ending.memory,
    };
  }
  if (ending.status === 'cancelled' && ending.partialText) {
    return {
      id: ending.assistantMessageId,
      content: ending.partialText,
      metadata: { agent: ending.agent, interrupted: true },
      memory: undefined,
    };
  }
  return null;
}

// The run's new state ($1 run, $2 status, $3 error, $4 staleness in seconds or null), and
// the runs it may be written to: unfinished and, for the watchdog, silent for that long.
const END_RUN = `UPDATE runs SET status = $2, error = $3::jsonb, finished_at = clock_timestamp(),
              updated_at = clock_timestamp()`;
const STILL_UNFINISHED = `id = $1 AND status IN ('queued', 'running')
         AND ($4::float8 IS NULL OR (status = 'running' AND
              coalesce(heartbeat_at, started_at) < clock_timestamp() - make_interval(secs => $4)))`;

function endBinds(runId: string, ending: Ending, staleMs: number | undefined): unknown[] {
  const error = ending.status === 'failed' ? { code: ending.code, message: ending.message } : null;
  return [
    runId,
    ending.status,
    error === null ? null : JSON.stringify(error),
    staleMs === undefined ? null : staleMs / 1000,
  ];
}

const END_RUN_WITH_REPLY = prepared(
  'end_run_with_reply',
  `WITH r AS (
       ${END_RUN}, assistant_message_id = $5 WHERE ${STILL_UNFINISHED} RETURNING *
     ), m AS (
       INSERT INTO messages (id, conversation_id, session_id, role, content, metadata,
                             reply_to_id, created_at, updated_at)
       SELECT $5, r.conversation_id, r.session_id, 'assistant', $6, $7::jsonb, r.user_message_id,
              clock_timestamp(), clock_timestamp()
       FROM r RETURNING created_at, metadata
     ), c AS (
       UPDATE conversations
          SET message_count = message_count + 1, last_message_at = m.created_at,
              activity_at = m.created_at, updated_at = m.created_at,
              memory = coalesce($8::jsonb, memory),
              memory_summary = coalesce($9::text, memory_summary)
         FROM m, r WHERE conversations.id = r.conversation_id
     )
     SELECT r.*, m.created_at AS message_created_at, m.metadata AS message_metadata FROM r, m`,
);

const END_RUN_ONLY = prepared('end_run', `${END_RUN} WHERE ${STILL_UNFINISHED} RETURNING *`);

async function endRun(
  services: Services,
  runId: string,
  ending: Ending,
  options: { staleMs?: number },
  transaction: Transaction,
): Promise<{ row: RunRow; message: null } | undefined> {
  const [row] = await runPrepared<RunRow>(
    services.db.sequelize,
    END_RUN_ONLY,
    endBinds(runId, ending, options.staleMs),
    transaction,
  );
  return row ? { row, message: null } : undefined;
}

/**
 * Ends the run and stores its assistant message, with the conversation's count and memory
 * and the run's `assistant_message_id`, in one statement: the run's finish is the hot path
 * of every turn. Lock order as everywhere: the run, then the conversation.
 */
async function endWithReply(
  services: Services,
  runId: string,
  ending: Ending,
  options: { staleMs?: number },
  reply: ReplyToStore,
  transaction: Transaction,
): Promise<{ row: RunRow; message: Message } | undefined> {
  // The run's reference to the message is checked at the end of the statement, when the
  // message exists; every part of a WITH runs whether or not the last SELECT reads it.
  const [row] = await runPrepared<
    RunRow & { message_created_at: Date; message_metadata: Record<string, unknown> }
  >(
    services.db.sequelize,
    END_RUN_WITH_REPLY,
    [
      ...endBinds(runId, ending, options.staleMs),
      reply.id,
      reply.content,
      JSON.stringify(reply.metadata),
      reply.memory ? JSON.stringify(reply.memory.facts) : null,
      reply.memory ? reply.memory.summary : null,
    ],
    transaction,
  );
  if (!row) return undefined;
  const { message_created_at, message_metadata, ...run } = row;
  const message = messageOfRow({
    id: reply.id,
    conversation_id: run.conversation_id,
    role: 'assistant',
    content: reply.content,
    metadata: message_metadata,
    client_message_id: null,
    reply_to_id: run.user_message_id,
    created_at: message_created_at,
  });
  return { row: run, message };
}
