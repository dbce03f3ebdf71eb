import { newId, withTransaction } from '@parley/db';
import type { AssistantReply, Message, Run, SearchFacts } from '@parley/validators';
import { QueryTypes, type Transaction } from 'sequelize';
import { saveSearchFromConversation } from '../alerts/searches';
import { messageOfRow } from '../chat/serialize';
import type { ApiServices } from '../context';
import { appendEvents } from '../events/log';
import type { DurableEvent } from '../events/protocol';
import { ASSISTANT_REASON, requestHandoffIn } from '../handoff/transitions';
import { type MessageRow, type RunRow, toRun } from './records';

/*
 * Every change of a run's status, each in one transaction with its durable events.
 * Lock order everywhere: the run row, then the conversation row (its event counter),
 * then sessions. A run leaves `queued`/`running` exactly once: each finish is a
 * conditional UPDATE, so of two racing finishers (the executor, a cancel, the watchdog)
 * one writes the run's last event and the other finds nothing to do.
 */

type Services = Pick<ApiServices, 'db' | 'infra' | 'logger' | 'jobs' | 'config' | 'clock'>;

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
    const [row] = await services.db.sequelize.query<RunRow>(
      `UPDATE runs SET status = 'running', started_at = clock_timestamp(), instance_id = $2,
              heartbeat_at = clock_timestamp(), updated_at = clock_timestamp()
       WHERE id = (SELECT id FROM runs WHERE conversation_id = $1
                     AND status IN ('queued', 'running')
                   ORDER BY created_at, id LIMIT 1 FOR UPDATE)
         AND status = 'queued'
         AND NOT EXISTS (SELECT 1 FROM conversations WHERE id = $1 AND mode = 'agent')
       RETURNING *`,
      { bind: [conversationId, instanceId], type: QueryTypes.SELECT, transaction },
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
    const error =
      ending.status === 'failed' ? { code: ending.code, message: ending.message } : null;
    const [row] = await services.db.sequelize.query<RunRow>(
      `UPDATE runs SET status = $2, error = $3::jsonb, finished_at = clock_timestamp(),
              updated_at = clock_timestamp()
       WHERE id = $1 AND status IN ('queued', 'running')
         AND ($4::float8 IS NULL OR (status = 'running' AND
              coalesce(heartbeat_at, started_at) < clock_timestamp() - make_interval(secs => $4)))
       RETURNING *`,
      {
        bind: [
          runId,
          ending.status,
          error === null ? null : JSON.stringify(error),
          options.staleMs === undefined ? null : options.staleMs / 1000,
        ],
        type: QueryTypes.SELECT,
        transaction,
      },
    );
    if (!row) return undefined;
    const stored = await storeReply(services, row, ending, transaction);
    const message = stored?.message ?? null;
    if (stored) Object.assign(row, stored.run);
    if (ending.status === 'completed' && ending.saveSearch) {
      await saveSearchFromConversation(
        services.db.sequelize,
        row.conversation_id,
        ending.memory.facts,
        ending.reply.language,
        transaction,
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
    const appended = await appendEvents(services, run.conversationId, events, transaction, {
      sessionId: run.sessionId,
    });
    if (ending.status !== 'completed' || !ending.asksForPerson) {
      return { run, row, message, publish: appended.publish };
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
    return { run, row, message, publish };
  });
}

/**
 * The assistant message a finish stores (none for a failure or a cancel with no text),
 * with the conversation's count and memory and the run's `assistant_message_id`, in one
 * statement: the run's finish is the hot path of every turn.
 */
async function storeReply(
  services: Services,
  run: RunRow,
  ending: Ending,
  transaction: Transaction,
): Promise<{ message: Message; run: RunRow } | null> {
  let content: string;
  let metadata: Record<string, unknown>;
  let id: string;
  if (ending.status === 'completed') {
    id = ending.assistantMessageId;
    content = ending.reply.responseText;
    metadata = {
      agent: ending.reply.agent,
      recommendations: ending.reply.recommendations,
      appliedFilters: ending.reply.appliedFilters,
      language: ending.reply.language,
    };
  } else if (ending.status === 'cancelled' && ending.partialText) {
    id = ending.assistantMessageId;
    content = ending.partialText;
    metadata = { agent: ending.agent, interrupted: true };
  } else {
    return null;
  }
  const memory = ending.status === 'completed' ? ending.memory : undefined;
  // The run's reference to the message is checked at the end of the statement, when the
  // message exists; every part of a WITH runs whether or not the last SELECT reads it.
  const [row] = await services.db.sequelize.query<MessageRow>(
    `WITH m AS (
       INSERT INTO messages (id, conversation_id, session_id, role, content, metadata,
                             reply_to_id, created_at, updated_at)
       VALUES ($1, $2, $3, 'assistant', $4, $5::jsonb, $6, clock_timestamp(), clock_timestamp())
       RETURNING id, conversation_id, role, content, metadata, client_message_id, reply_to_id,
                 created_at
     ), c AS (
       UPDATE conversations
          SET message_count = message_count + 1, last_message_at = m.created_at,
              activity_at = m.created_at, updated_at = m.created_at,
              memory = coalesce($7::jsonb, memory),
              memory_summary = coalesce($8::text, memory_summary)
         FROM m WHERE conversations.id = $2
     ), r AS (
       UPDATE runs SET assistant_message_id = $1 WHERE id = $9
     )
     SELECT * FROM m`,
    {
      bind: [
        id ?? newId(),
        run.conversation_id,
        run.session_id,
        content,
        JSON.stringify(metadata),
        run.user_message_id,
        memory ? JSON.stringify(memory.facts) : null,
        memory ? memory.summary : null,
        run.id,
      ],
      type: QueryTypes.SELECT,
      transaction,
    },
  );
  return { message: messageOfRow(row!), run: { ...run, assistant_message_id: row!.id } };
}
