import { isUniqueViolation, newId, prepared, runPrepared, withTransaction } from '@parley/db';
import { type Message, type Role, type SendResult, STAFF_ROLES } from '@parley/validators';
import { TRPCError } from '@trpc/server';
import { QueryTypes } from 'sequelize';
import type { Identity } from '../auth/credentials';
import { enforceVisitorSends } from '../auth/limits';
import { messageOfRow, replyOf } from '../chat/serialize';
import { sessionKeyBound } from '../chat/sessions';
import type { ApiServices } from '../context';
import { notFound } from '../errors';
import { appendEvents } from '../events/log';
import { appendInboxEvents } from '../handoff/log';
import { composeWire, withWireForm } from '../wire';
import { runExecutorOf } from './executor';
import { type MessageRow, type RunRow, readMessageRow, toRun } from './records';
import { HISTORY_MESSAGES, historySql, type RunContext, type StartedRun } from './run-context';
import { waitForRun } from './wait';

// The session a retry goes through (`sessionFor`).
const SESSION_FOR_RETRY = prepared(
  'session_for_retry',
  `SELECT s.id, s.conversation_id, s.status, s.expires_at, s.kind, s.user_id
     FROM sessions s
     WHERE s.id = $1 AND s.user_id = $2 AND ($3::uuid IS NULL OR s.api_key_id = $3)`,
);

// A send's statements, in the order a send runs them (see `storeSend`). The first: the
// caller's session ($1, $2) and whether its conversation already holds a message under the
// clientMessageId ($3); unless that is a repeat or the session is closed, the conversation
// is locked and counted (its title from $4 if it has none) and the session's activity
// moved to $5, expiry $6. A key bound to its own sessions ($7, `sessionKeyBound`) finds
// no other. The writer's role is read here, where it is current: an agent's seat writes
// only while its person is staff. A repeat or a closed session changes nothing: the caller reads
// what it needs and rolls back.
const SEND_OPEN = prepared(
  'send_open',
  `WITH s0 AS (
           SELECT s.id, s.conversation_id, s.status, s.expires_at, s.kind, s.user_id,
                  $3::uuid IS NOT NULL AND EXISTS (
                    SELECT 1 FROM messages m
                    WHERE m.conversation_id = s.conversation_id AND m.client_message_id = $3
                  ) AS repeated,
                  (SELECT u.role FROM users u WHERE u.id = s.user_id) AS writer_role
           FROM sessions s
           WHERE s.id = $1 AND s.user_id = $2 AND ($7::uuid IS NULL OR s.api_key_id = $7)
         ), go AS (
           SELECT id, conversation_id FROM s0
           WHERE NOT repeated AND status = 'active' AND expires_at > $5
         ), c AS (
           UPDATE conversations
              SET message_count = message_count + 1, last_message_at = clock_timestamp(),
                  activity_at = clock_timestamp(), updated_at = clock_timestamp(),
                  title = coalesce(title, $4)
            WHERE id = (SELECT conversation_id FROM go)
           RETURNING last_message_at AS at, mode, assigned_agent_id, memory, system_prompt
         ), s AS (
           UPDATE sessions SET last_activity_at = $5, expires_at = $6, updated_at = $5
            WHERE id = (SELECT id FROM go) AND status = 'active' AND expires_at > $5
           RETURNING id
         )
         SELECT s0.*, c.at, c.mode, c.assigned_agent_id, c.memory, c.system_prompt,
                EXISTS (SELECT 1 FROM s) AS active
         FROM s0 LEFT JOIN c ON true`,
);

const SEND_MESSAGE_AND_RUN = prepared(
  'send_message_and_run',
  `WITH m AS (
           INSERT INTO messages (id, conversation_id, session_id, role, content, metadata,
                                 client_message_id, author, created_at, updated_at)
           SELECT $1, $2, $3, $7, $4, '{}'::jsonb, $5,
                  jsonb_build_object('id', u.id, 'name', u.name, 'role', u.role), $6, $6
           FROM users u WHERE u.id = $8
           RETURNING id, conversation_id, role, content, metadata, client_message_id,
                     reply_to_id, author, created_at
         ), r AS (
           INSERT INTO runs (id, conversation_id, session_id, user_message_id, status, agent,
                             created_at, updated_at, started_at, instance_id, heartbeat_at)
           SELECT $9, m.conversation_id, $3, m.id, s.status, $10, $6, $6,
                  CASE WHEN s.status = 'running' THEN clock_timestamp() END,
                  CASE WHEN s.status = 'running' THEN $11 END,
                  CASE WHEN s.status = 'running' THEN clock_timestamp() END
           FROM m, (SELECT CASE WHEN $12::boolean AND NOT EXISTS (
                      SELECT 1 FROM runs
                      WHERE conversation_id = $2 AND status IN ('queued', 'running')
                    ) THEN 'running' ELSE 'queued' END AS status) s
           WHERE $13::boolean
           RETURNING status, instance_id, started_at, heartbeat_at
         )
         SELECT m.*, r.status AS run_status, r.instance_id AS run_instance_id,
                r.started_at AS run_started_at, r.heartbeat_at AS run_heartbeat_at,
                CASE WHEN r.status = 'running' THEN ${historySql('$2', '$14')} END AS run_history
         FROM m LEFT JOIN r ON true`,
);

export interface SendInput {
  sessionId: string;
  content: string;
  clientMessageId: string;
  wait?: boolean | undefined;
}

interface SessionRow {
  id: string;
  conversation_id: string;
  status: 'active' | 'ended' | 'expired';
  expires_at: Date;
  /** `agent`: an agent's seat on a conversation they claimed; they write `agent` messages. */
  kind: 'customer' | 'agent';
  user_id: string;
}

function closed(status: string): TRPCError {
  return new TRPCError({
    code: 'PRECONDITION_FAILED',
    message: `This session is ${status}; open a new one to keep chatting`,
  });
}

/** The session if `identity` may send through it (`sessions.retry`); NOT_FOUND otherwise. */
async function sessionFor(
  services: ApiServices,
  identity: Identity,
  sessionId: string,
): Promise<SessionRow> {
  assertSessionOf(identity, sessionId);
  const [row] = await runPrepared<SessionRow>(services.db.sequelize, SESSION_FOR_RETRY, [
    sessionId,
    identity.userId,
    sessionKeyBound(identity),
  ]);
  if (!row) throw notFound('Session');
  return row;
}

/** A session credential opens its own session only. */
function assertSessionOf(identity: Identity, sessionId: string): void {
  if (identity.kind === 'session' && identity.sessionId !== sessionId) throw notFound('Session');
}

/**
 * Thrown inside a send's transaction when its clientMessageId was sent before: found by
 * the first statement (a repeat) or by the unique index (a concurrent twin).
 */
class RepeatedSend extends Error {
  constructor(readonly conversationId: string) {
    super('repeated send');
  }
}

function usable(services: ApiServices, session: SessionRow): void {
  if (session.status !== 'active') throw closed(session.status);
  if (session.expires_at <= services.clock()) throw closed('expired');
}

/**
 * `sessions.send`: the user message and its queued run commit together with
 * `message.created` (carrying the `clientMessageId`), every session of the conversation
 * sees it at once, and the conversation's executor takes the run in its turn. With `wait`
 * (the default) the answer comes when the run has finished.
 *
 * Idempotent on `clientMessageId`: a repeat gets the same message and run; a concurrent
 * twin meets the unique index and then reads what the first one stored.
 */
export async function sendMessage(
  services: ApiServices,
  identity: Identity,
  raw: SendInput,
): Promise<SendResult> {
  const input = { ...raw, content: storable(raw.content) };
  assertSessionOf(identity, input.sessionId);
  await enforceVisitorSends(services, identity);
  const wait = input.wait ?? true;
  let committed: StoredSend;
  try {
    committed = await storeSend(services, identity, input);
  } catch (error) {
    if (!(error instanceof RepeatedSend)) throw error;
    const earlier = await storedSend(services, error.conversationId, input.clientMessageId);
    if (earlier) return answer(services, earlier.message, earlier.run, wait);
    // Messages go only with their conversation, and its sessions with it.
    throw notFound('Session');
  }
  await committed.publish().catch((error: unknown) => {
    services.logger.warn({ err: error }, 'could not publish message.created');
  });
  const { run, started } = committed;
  if (run) runExecutorOf(services).kick(committed.conversationId, started);
  return answer(services, committed.message, run, wait, true);
}

interface StoredSend {
  conversationId: string;
  message: Message;
  run: RunRow | undefined;
  started: StartedRun | undefined;
  publish: () => Promise<void>;
}

/**
 * The send's transaction. Its first statement reads the session, tells a repeat
 * (`RepeatedSend`, nothing written) and locks and counts the conversation; then the
 * message and its run, then their events.
 */
function storeSend(
  services: ApiServices,
  identity: Identity,
  input: SendInput & { content: string },
): Promise<StoredSend> {
  return withTransaction(services.db.sequelize, async (transaction) => {
    // Lock order: the conversation (message order, event counter), then the session.
    const now = services.clock();
    const [opened] = await runPrepared<
      SessionRow & {
        repeated: boolean;
        writer_role: Role;
        at: Date | null;
        mode: 'assistant' | 'waiting' | 'agent';
        assigned_agent_id: string | null;
        active: boolean;
        memory: Record<string, unknown>;
        system_prompt: string | null;
      }
    >(
      services.db.sequelize,
      SEND_OPEN,
      [
        input.sessionId,
        identity.userId,
        input.clientMessageId,
        titleFrom(input.content),
        now,
        new Date(now.getTime() + services.config.sessionIdleSeconds * 1000),
        sessionKeyBound(identity),
      ],
      transaction,
    );
    if (!opened) throw notFound('Session');
    const conversationId = opened.conversation_id;
    if (opened.repeated) throw new RepeatedSend(conversationId);
    usable(services, opened);
    const session = opened;
    const conversation = opened;
    if (!conversation.at) throw notFound('Session');
    if (!conversation.active) throw closed('no longer active');
    const byAgent = session.kind === 'agent';
    // An agent writes while they hold the conversation and are staff; once handed back,
    // never again. Demotion releases what they held, but after its own commit: a crash
    // between the two must not leave a plain user writing as an agent.
    if (byAgent && !STAFF_ROLES.includes(opened.writer_role)) {
      throw new TRPCError({
        code: 'PRECONDITION_FAILED',
        message: 'You are no longer an agent or admin, so you cannot write as one here',
      });
    }
    if (
      byAgent &&
      (conversation.mode !== 'agent' || conversation.assigned_agent_id !== session.user_id)
    ) {
      throw new TRPCError({
        code: 'PRECONDITION_FAILED',
        message: 'You no longer hold this conversation; claim it again from the inbox',
      });
    }
    // The message, and unless a person holds the conversation (the assistant then starts
    // nothing) its run, in one statement. The conversation's row is locked (above), so
    // this statement sees every run queued before it: when none of this conversation's
    // runs is unfinished, this one starts here at once, with its run.started in this
    // transaction; otherwise it waits in the queue for whoever finishes the one before.
    // The author is the session's person: the customer, or the agent.
    const executor = runExecutorOf(services);
    const withRun = conversation.mode !== 'agent';
    const runId = newId();
    const [row] = await runPrepared<
      MessageRow & {
        run_status: RunRow['status'] | null;
        run_instance_id: string | null;
        run_started_at: Date | null;
        run_heartbeat_at: Date | null;
        run_history: RunContext['history'] | null;
      }
    >(
      services.db.sequelize,
      SEND_MESSAGE_AND_RUN,
      [
        newId(),
        conversationId,
        session.id,
        input.content,
        input.clientMessageId,
        conversation.at,
        byAgent ? 'agent' : 'user',
        session.user_id,
        runId,
        services.assistant.name,
        executor.instanceId,
        executor.accepting,
        withRun,
        HISTORY_MESSAGES,
      ],
      transaction,
    ).catch((error: unknown) => {
      throw isUniqueViolation(error, 'messages_client_message_key')
        ? new RepeatedSend(conversationId)
        : error;
    });
    if (!row) throw notFound('Session');
    const {
      run_status,
      run_instance_id,
      run_started_at,
      run_heartbeat_at,
      run_history,
      ...messageRow
    } = row;
    const message = messageOfRow(messageRow);
    const run: RunRow | undefined = run_status
      ? {
          id: runId,
          conversation_id: conversationId,
          session_id: session.id,
          user_message_id: message.id,
          status: run_status,
          agent: services.assistant.name,
          assistant_message_id: null,
          error: null,
          client_message_id: null,
          instance_id: run_instance_id,
          heartbeat_at: run_heartbeat_at,
          created_at: conversation.at,
          started_at: run_started_at,
          finished_at: null,
        }
      : undefined;
    // The inbox hears of every message while people are involved.
    const inbox =
      conversation.mode === 'assistant'
        ? undefined
        : await appendInboxEvents(
            services,
            [{ type: 'message.created', conversationId }],
            transaction,
          );
    const appended = await appendEvents(
      services,
      conversationId,
      run?.status === 'running'
        ? [
            { type: 'message.created', message },
            { type: 'run.started', run: toRun(run) },
          ]
        : [{ type: 'message.created', message }],
      transaction,
      { sessionId: session.id },
    );
    const publish = async () => {
      await appended.publish();
      await inbox?.publish();
    };
    // A run started here is handed to this instance's executor with what it answers, all
    // read under this transaction's lock, so it starts without reading anything again.
    const started: StartedRun | undefined =
      run?.status === 'running'
        ? {
            run: toRun(run),
            context: run_history
              ? {
                  content: message.content,
                  clientMessageId: message.clientMessageId,
                  memory: conversation.memory,
                  systemPrompt: conversation.system_prompt,
                  eventSeq: appended.seqs[appended.seqs.length - 1]!,
                  history: run_history,
                }
              : undefined,
          }
        : undefined;
    return { conversationId, message, run, started, publish };
  });
}

/**
 * `sessions.retry`: a new run answering the user message `messageId` again (after a
 * failure, or to regenerate). Idempotent on its own `clientMessageId`.
 */
export async function retryMessage(
  services: ApiServices,
  identity: Identity,
  input: { sessionId: string; messageId: string; clientMessageId: string; wait?: boolean },
): Promise<SendResult> {
  await enforceVisitorSends(services, identity);
  const session = await sessionFor(services, identity, input.sessionId);
  const conversationId = session.conversation_id;
  const wait = input.wait ?? true;
  const message = await readMessageRow(services, input.messageId);
  if (!message || message.conversation_id !== conversationId || message.role !== 'user') {
    throw notFound('Message');
  }
  const existing = await runByClientId(services, conversationId, input.clientMessageId);
  if (existing) return answer(services, messageOfRow(message), existing, wait);
  usable(services, session);
  let run: RunRow;
  try {
    run = await withTransaction(services.db.sequelize, async (transaction) => {
      const [conversation] = await services.db.sequelize.query<{ mode: string }>(
        'UPDATE conversations SET activity_at = clock_timestamp() WHERE id = $1 RETURNING mode',
        { bind: [conversationId], type: QueryTypes.SELECT, transaction },
      );
      if (conversation?.mode === 'agent') {
        throw new TRPCError({
          code: 'PRECONDITION_FAILED',
          message: 'An agent is answering this conversation: the assistant starts no run meanwhile',
        });
      }
      const [row] = await services.db.sequelize.query<RunRow>(
        `INSERT INTO runs (id, conversation_id, session_id, user_message_id, status, agent,
                           client_message_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, 'queued', $5, $6, clock_timestamp(), clock_timestamp())
         RETURNING *`,
        {
          bind: [
            newId(),
            conversationId,
            session.id,
            message.id,
            services.assistant.name,
            input.clientMessageId,
          ],
          type: QueryTypes.SELECT,
          transaction,
        },
      );
      return row!;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'runs_client_message_key')) {
      const twin = await runByClientId(services, conversationId, input.clientMessageId);
      if (twin) return answer(services, messageOfRow(message), twin, wait);
    }
    throw error;
  }
  runExecutorOf(services).kick(conversationId);
  return answer(services, messageOfRow(message), run, wait, true);
}

/** What a finished (or, without `wait`, a just-queued) send answers. */
async function answer(
  services: ApiServices,
  userMessage: Message,
  run: RunRow | undefined,
  wait: boolean,
  /** The run was queued by this call just now: it cannot have finished yet. */
  justQueued = false,
): Promise<SendResult> {
  if (!run) return { userMessage, run: null, assistantMessage: null, reply: null };
  const waited = wait
    ? await waitForRun(services, runExecutorOf(services), run.conversation_id, run.id, {
        known: justQueued ? run : undefined,
      })
    : { run };
  const final = waited.run;
  // Finished here, the executor handed over the reply it stored; else it is read.
  const assistantMessage =
    waited.message !== undefined
      ? waited.message
      : final.assistant_message_id
        ? messageOfRowOrNull(await readMessageRow(services, final.assistant_message_id))
        : null;
  const completed = assistantMessage !== null && final.status === 'completed';
  const result: SendResult = {
    userMessage,
    run: waited.announced?.run ?? toRun(final),
    assistantMessage,
    reply: completed ? (waited.announced?.reply ?? replyOf(assistantMessage)) : null,
  };
  // The message, run and reply went out as events already, each keeping its superjson
  // form: the response is put together from those instead of walking the listings again.
  return withWireForm(result, composeWire(result));
}

function messageOfRowOrNull(row: MessageRow | undefined): Message | null {
  return row ? messageOfRow(row) : null;
}

/** The message stored under a clientMessageId, and its first run. */
async function storedSend(services: ApiServices, conversationId: string, clientMessageId: string) {
  const [row] = await services.db.sequelize.query<MessageRow & { run_id: string | null }>(
    `SELECT m.id, m.conversation_id, m.role, m.content, m.metadata, m.client_message_id,
            m.reply_to_id, m.author, m.created_at,
            (SELECT r.id FROM runs r WHERE r.user_message_id = m.id
             ORDER BY r.created_at, r.id LIMIT 1) AS run_id
     FROM messages m WHERE m.conversation_id = $1 AND m.client_message_id = $2`,
    { bind: [conversationId, clientMessageId], type: QueryTypes.SELECT },
  );
  if (!row) return undefined;
  const run = row.run_id
    ? (
        await services.db.sequelize.query<RunRow>('SELECT * FROM runs WHERE id = $1', {
          bind: [row.run_id],
          type: QueryTypes.SELECT,
        })
      )[0]
    : undefined;
  return { message: messageOfRow(row), run };
}

async function runByClientId(
  services: ApiServices,
  conversationId: string,
  clientMessageId: string,
): Promise<RunRow | undefined> {
  const [row] = await services.db.sequelize.query<RunRow>(
    'SELECT * FROM runs WHERE conversation_id = $1 AND client_message_id = $2',
    { bind: [conversationId, clientMessageId], type: QueryTypes.SELECT },
  );
  return row;
}

/**
 * PostgreSQL text (and jsonb) cannot hold NUL: it is stored, and answered, as the two
 * characters `\0`, so no NUL reaches the assistant's reply or memory either.
 */
function storable(content: string): string {
  return content.includes('\0') ? content.replaceAll('\0', '\\0') : content;
}

function titleFrom(content: string): string {
  const line = content.trim().split('\n')[0]!.replace(/\s+/g, ' ');
  return line.length <= 60 ? line : `${line.slice(0, 57).trimEnd()}...`;
}
