import { prepared, runPrepared } from '@parley/db';
import type { Message, Run } from '@parley/validators';
import type { ApiServices } from '../context';

/** How many earlier messages the assistant is given with a question. */
export const HISTORY_MESSAGES = 12;

/** What a run answers: the question, the conversation's memory and prompt, and what came before. */
export interface RunContext {
  content: string;
  clientMessageId: string | null;
  memory: Record<string, unknown>;
  systemPrompt: string | null;
  /** The conversation's last durable event when the run started: its deltas come after it. */
  eventSeq: number;
  history: { role: Message['role']; content: string }[];
}

/** A run a send started on this instance, with the context the send had in hand (if any). */
export interface StartedRun {
  run: Run;
  context: RunContext | undefined;
}

/**
 * The last HISTORY_MESSAGES messages of the conversation `$conversation`, oldest first, as
 * `[{ role, content }]` JSON; `before` narrows them to those before a message.
 */
export function historySql(conversation: string, limit: string, before = 'true'): string {
  return `(SELECT coalesce(json_agg(json_build_object('role', h.role, 'content', h.content)
                                   ORDER BY h.created_at, h.id), '[]'::json)
          FROM (SELECT role, content, created_at, id FROM messages
                WHERE conversation_id = ${conversation} AND ${before}
                ORDER BY created_at DESC, id DESC LIMIT ${limit}) h)`;
}

const RUN_CONTEXT = prepared(
  'run_context',
  `SELECT u.content, u.client_message_id, c.memory, c.system_prompt, c.event_seq,
            ${historySql('u.conversation_id', '$2', '(created_at, id) < (u.created_at, u.id)')}
              AS history
     FROM messages u JOIN conversations c ON c.id = u.conversation_id WHERE u.id = $1`,
);

/** The context of a run started elsewhere (a claim, the watchdog), read in one statement. */
export async function readRunContext(
  services: Pick<ApiServices, 'db'>,
  userMessageId: string,
): Promise<RunContext> {
  const [row] = await runPrepared<{
    content: string;
    client_message_id: string | null;
    memory: Record<string, unknown>;
    system_prompt: string | null;
    event_seq: string;
    history: RunContext['history'];
  }>(services.db.sequelize, RUN_CONTEXT, [userMessageId, HISTORY_MESSAGES]);
  if (!row) throw new Error(`message ${userMessageId} of a run is gone`);
  return {
    content: row.content,
    clientMessageId: row.client_message_id,
    memory: row.memory,
    systemPrompt: row.system_prompt,
    eventSeq: Number(row.event_seq),
    history: row.history,
  };
}
