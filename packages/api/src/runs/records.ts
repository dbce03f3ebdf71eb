import type { AgentName, Message, MessageAuthor, Run, RunStatus } from '@parley/validators';
import { QueryTypes, type Transaction } from 'sequelize';
import type { ApiServices } from '../context';

/** A run row as PostgreSQL returns it. */
export interface RunRow {
  id: string;
  conversation_id: string;
  session_id: string | null;
  user_message_id: string;
  status: RunStatus;
  agent: AgentName;
  assistant_message_id: string | null;
  error: { code: string; message: string } | null;
  client_message_id: string | null;
  instance_id: string | null;
  /** Stamped every few seconds by the instance executing the run (the watchdog reads it). */
  heartbeat_at: Date | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

export const FINISHED: RunStatus[] = ['completed', 'failed', 'cancelled'];
export const isFinished = (run: Pick<Run, 'status'>) => FINISHED.includes(run.status);

export function toRun(row: RunRow): Run {
  return {
    id: row.id,
    sessionId: row.session_id,
    conversationId: row.conversation_id,
    userMessageId: row.user_message_id,
    status: row.status,
    agent: row.agent,
    assistantMessageId: row.assistant_message_id,
    error: row.error,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

/** A message row as PostgreSQL returns it. */
export interface MessageRow {
  id: string;
  conversation_id: string;
  role: Message['role'];
  content: string;
  metadata: Record<string, unknown>;
  client_message_id: string | null;
  reply_to_id: string | null;
  author?: MessageAuthor | null;
  created_at: Date;
}

type Db = Pick<ApiServices, 'db'>;

export async function readRun(
  services: Db,
  runId: string,
  transaction?: Transaction,
): Promise<RunRow | undefined> {
  const [row] = await services.db.sequelize.query<RunRow>('SELECT * FROM runs WHERE id = $1', {
    bind: [runId],
    type: QueryTypes.SELECT,
    transaction,
  });
  return row;
}

export async function readMessageRow(
  services: Db,
  messageId: string,
  transaction?: Transaction,
): Promise<MessageRow | undefined> {
  const [row] = await services.db.sequelize.query<MessageRow>(
    `SELECT id, conversation_id, role, content, metadata, client_message_id, reply_to_id,
            author, created_at FROM messages WHERE id = $1`,
    { bind: [messageId], type: QueryTypes.SELECT, transaction },
  );
  return row;
}
