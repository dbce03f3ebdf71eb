import type { Database } from '@parley/db';
import type { Message, SendResult } from '@parley/validators';
import { QueryTypes } from 'sequelize';
import type { SuperJSONResult } from 'superjson';
import { replyOf, toMessage } from './serialize';

/**
 * The SQL of a chat turn, raw: a turn is the hottest path of the server, and Sequelize's
 * model machinery cost as much CPU as the rest of the turn. Two round trips: one read
 * before the assistant runs, one statement that writes the whole turn.
 */

// Columns of a stored turn: the user message with this clientMessageId, and its reply.
const STORED_TURN_COLUMNS = `
  u.id AS u_id, u.conversation_id AS u_conversation_id, u.content AS u_content,
  u.metadata AS u_metadata, u.created_at AS u_created_at,
  a.id AS a_id, a.content AS a_content, a.metadata AS a_metadata, a.created_at AS a_created_at`;

interface StoredTurnRow {
  u_id: string | null;
  u_conversation_id: string | null;
  u_content: string | null;
  u_metadata: Record<string, unknown> | null;
  u_created_at: Date | null;
  a_id: string | null;
  a_content: string | null;
  a_metadata: Record<string, unknown> | null;
  a_created_at: Date | null;
}

/**
 * Everything a turn reads before the assistant runs, in one statement: the session (only
 * its owner's), its conversation's system prompt, the turn already stored under this
 * clientMessageId if any, and otherwise the last `$historyLimit` messages, oldest first.
 */
const TURN_CONTEXT_SQL = `
SELECT s.id, s.conversation_id, s.status, s.expires_at, s.memory, s.event_seq,
       c.system_prompt, ${STORED_TURN_COLUMNS},
       CASE WHEN u.id IS NULL THEN (
         SELECT coalesce(json_agg(json_build_object('role', h.role, 'content', h.content)
                                  ORDER BY h.created_at, h.id), '[]'::json)
         FROM (SELECT role, content, created_at, id FROM messages
               WHERE conversation_id = s.conversation_id
               ORDER BY created_at DESC, id DESC LIMIT $historyLimit) h
       ) END AS history
FROM sessions s
JOIN conversations c ON c.id = s.conversation_id
LEFT JOIN messages u ON u.conversation_id = s.conversation_id
                    AND u.client_message_id = $clientMessageId::uuid
LEFT JOIN messages a ON a.reply_to_id = u.id
WHERE s.id = $sessionId::uuid AND s.user_id = $userId::uuid`;

interface TurnContextRow extends StoredTurnRow {
  id: string;
  conversation_id: string;
  status: 'active' | 'ended' | 'expired';
  expires_at: Date;
  memory: Record<string, unknown>;
  /** bigint comes back from pg as a string */
  event_seq: string;
  system_prompt: string | null;
  history: { role: Message['role']; content: string }[] | null;
}

export interface TurnContext {
  session: {
    id: string;
    conversationId: string;
    status: 'active' | 'ended' | 'expired';
    expiresAt: Date;
    memory: Record<string, unknown>;
    eventSeq: number;
  };
  systemPrompt: string | null;
  /** The committed turn of this clientMessageId, when it was sent before. */
  stored: SendResult | undefined;
  history: { role: Message['role']; content: string }[];
}

/** The turn's context, or undefined when the session is not the user's (or does not exist). */
export async function readTurnContext(
  db: Database,
  input: { sessionId: string; userId: string; clientMessageId: string; historyLimit: number },
): Promise<TurnContext | undefined> {
  const [row] = await db.sequelize.query<TurnContextRow>(TURN_CONTEXT_SQL, {
    bind: input,
    type: QueryTypes.SELECT,
    raw: true,
  });
  if (!row) return undefined;
  return {
    session: {
      id: row.id,
      conversationId: row.conversation_id,
      status: row.status,
      expiresAt: row.expires_at,
      memory: row.memory,
      eventSeq: Number(row.event_seq),
    },
    systemPrompt: row.system_prompt,
    stored: storedTurnOf(row),
    history: row.history ?? [],
  };
}

const STORED_TURN_SQL = `
SELECT ${STORED_TURN_COLUMNS}
FROM messages u LEFT JOIN messages a ON a.reply_to_id = u.id
WHERE u.conversation_id = $conversationId::uuid AND u.client_message_id = $clientMessageId::uuid`;

/** The committed turn of a clientMessageId, if there is one. */
export async function readStoredTurn(
  db: Database,
  input: { conversationId: string; clientMessageId: string },
): Promise<SendResult | undefined> {
  const [row] = await db.sequelize.query<StoredTurnRow>(STORED_TURN_SQL, {
    bind: input,
    type: QueryTypes.SELECT,
    raw: true,
  });
  return row && storedTurnOf(row);
}

function storedTurnOf(row: StoredTurnRow): SendResult | undefined {
  if (!row.u_id) return undefined;
  // Both rows commit together, so a stored user message always has its reply.
  if (!row.a_id)
    throw new Error(`message ${row.u_id} has no reply: the one-statement turn was broken`);
  const conversationId = row.u_conversation_id!;
  const userMessage = toMessage({
    id: row.u_id,
    conversationId,
    role: 'user',
    content: row.u_content!,
    metadata: row.u_metadata ?? {},
    createdAt: row.u_created_at!,
  });
  const assistantMessage = toMessage({
    id: row.a_id,
    conversationId,
    role: 'assistant',
    content: row.a_content!,
    metadata: row.a_metadata ?? {},
    createdAt: row.a_created_at!,
  });
  return { userMessage, assistantMessage, reply: replyOf(assistantMessage) };
}

/**
 * The whole turn in one statement, so one round trip and one implicit transaction:
 * the session row (event counter +2, memory, activity, expiry), both messages, the
 * conversation (counters, activity, a title if it had none) and both durable events.
 *
 * `UPDATE sessions` takes the session's row lock, so concurrent turns of a session
 * queue there and get consecutive event numbers, as the `SELECT ... FOR UPDATE` did. A
 * repeated clientMessageId fails the statement on messages_client_message_key. When the
 * session is gone or no longer active, `s` is empty, nothing is written, and no row comes
 * back. Data-modifying CTEs always run to completion, whatever the final SELECT reads.
 */
const WRITE_TURN_SQL = `
WITH s AS (
  UPDATE sessions
     SET event_seq = event_seq + 2, memory = $memory::jsonb, memory_summary = $memorySummary::text,
         last_activity_at = $at::timestamptz, expires_at = $expiresAt::timestamptz,
         updated_at = $at::timestamptz
   WHERE id = $sessionId::uuid AND user_id = $userId::uuid AND status = 'active'
  RETURNING id, conversation_id, event_seq
), m AS (
  INSERT INTO messages (id, conversation_id, session_id, role, content, metadata,
                        client_message_id, reply_to_id, created_at, updated_at)
  SELECT $userMessageId::uuid, s.conversation_id, s.id, 'user', $userContent::text, '{}'::jsonb,
         $clientMessageId::uuid, NULL::uuid, $at::timestamptz, $at::timestamptz FROM s
  UNION ALL
  SELECT $assistantMessageId::uuid, s.conversation_id, s.id, 'assistant',
         $assistantContent::text, $assistantMetadata::jsonb, NULL::uuid, $userMessageId::uuid,
         $repliedAt::timestamptz, $repliedAt::timestamptz FROM s
), c AS (
  UPDATE conversations
     SET message_count = message_count + 2, last_message_at = $repliedAt::timestamptz,
         activity_at = $repliedAt::timestamptz, updated_at = $repliedAt::timestamptz,
         title = coalesce(title, $title::text)
   WHERE id = (SELECT conversation_id FROM s)
), e AS (
  INSERT INTO session_events (session_id, seq, type, payload, created_at)
  SELECT s.id, s.event_seq - 1, 'message.created', $userEvent::jsonb, $at::timestamptz FROM s
  UNION ALL
  SELECT s.id, s.event_seq, 'assistant.completed', $assistantEvent::jsonb, $at::timestamptz FROM s
)
SELECT event_seq FROM s`;

export interface TurnWrite {
  sessionId: string;
  userId: string;
  /** The user message's time; the reply is stored a millisecond later. */
  at: Date;
  repliedAt: Date;
  expiresAt: Date;
  userMessageId: string;
  userContent: string;
  clientMessageId: string;
  assistantMessageId: string;
  assistantContent: string;
  assistantMetadata: Record<string, unknown>;
  title: string;
  memory: Record<string, unknown>;
  memorySummary: string;
  userEvent: SuperJSONResult;
  assistantEvent: SuperJSONResult;
}

/**
 * Writes the turn; returns the assistant.completed event's number (message.created has
 * the one before), or undefined when the session was not active and nothing was written.
 */
export async function writeTurn(db: Database, turn: TurnWrite): Promise<number | undefined> {
  const rows = await db.sequelize.query<{ event_seq: string }>(WRITE_TURN_SQL, {
    bind: {
      ...turn,
      assistantMetadata: JSON.stringify(turn.assistantMetadata),
      memory: JSON.stringify(turn.memory),
      userEvent: JSON.stringify(turn.userEvent),
      assistantEvent: JSON.stringify(turn.assistantEvent),
    },
    type: QueryTypes.SELECT,
    raw: true,
  });
  return rows[0] ? Number(rows[0].event_seq) : undefined;
}

/** Why a turn's write found no active session: gone (undefined) or its status. */
export async function sessionStatus(
  db: Database,
  sessionId: string,
  userId: string,
): Promise<'active' | 'ended' | 'expired' | undefined> {
  const [row] = await db.sequelize.query<{ status: 'active' | 'ended' | 'expired' }>(
    'SELECT status FROM sessions WHERE id = $1::uuid AND user_id = $2::uuid',
    { bind: [sessionId, userId], type: QueryTypes.SELECT, raw: true },
  );
  return row?.status;
}
