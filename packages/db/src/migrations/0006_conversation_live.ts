import { type Migration, run } from './types';

/**
 * The conversation becomes the live unit: its event stream and the assistant's memory
 * move from each session to the conversation, and a turn becomes a message plus a run.
 *
 * Events are renumbered per conversation, merging its sessions' streams in time order
 * while keeping each session's own order. An event's new number is therefore never
 * smaller than its old one (every event before it in its session is still before it), so
 * a client resuming across the upgrade with an old per-session id gets every event it has
 * not seen, at worst some again. A conversation's memory is its most recently active
 * session's. `session.ended` payloads gain the `sessionId` they end.
 */
export const conversationLive: Migration = {
  name: '0006_conversation_live',
  up: (db) =>
    run(db, [
      `ALTER TABLE conversations
         ADD COLUMN event_seq bigint NOT NULL DEFAULT 0,
         ADD COLUMN memory jsonb NOT NULL DEFAULT '{}'::jsonb,
         ADD COLUMN memory_summary text NOT NULL DEFAULT ''`,
      `CREATE TABLE conversation_events (
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        seq bigint NOT NULL,
        type text NOT NULL,
        payload jsonb NOT NULL,
        -- the session the event came through, when one did (kept so a downgrade can split)
        session_id uuid REFERENCES sessions (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (conversation_id, seq)
      )`,
      `INSERT INTO conversation_events (conversation_id, seq, type, payload, session_id, created_at)
       SELECT conversation_id,
              row_number() OVER (PARTITION BY conversation_id ORDER BY at, session_id, seq),
              type,
              CASE WHEN type = 'session.ended'
                   THEN jsonb_set(payload, '{json,sessionId}', to_jsonb(session_id::text))
                   ELSE payload END,
              session_id, created_at
       FROM (SELECT s.conversation_id, e.session_id, e.seq, e.type, e.payload, e.created_at,
                    -- never decreasing within a session, so its own order survives the merge
                    max(e.created_at) OVER (PARTITION BY e.session_id ORDER BY e.seq) AS at
             FROM session_events e JOIN sessions s ON s.id = e.session_id) ordered`,
      `UPDATE conversations c SET event_seq = e.last
       FROM (SELECT conversation_id, max(seq) AS last FROM conversation_events
             GROUP BY conversation_id) e
       WHERE e.conversation_id = c.id`,
      `UPDATE conversations c SET memory = s.memory, memory_summary = s.memory_summary
       FROM (SELECT DISTINCT ON (conversation_id) conversation_id, memory, memory_summary
             FROM sessions WHERE memory <> '{}'::jsonb OR memory_summary <> ''
             ORDER BY conversation_id, last_activity_at DESC, updated_at DESC, id DESC) s
       WHERE s.conversation_id = c.id`,
      'DROP TABLE session_events',
      `ALTER TABLE sessions DROP COLUMN event_seq, DROP COLUMN memory,
         DROP COLUMN memory_summary`,
      // People join a conversation (agents); a user message may be answered more than once
      // (retry, regenerate), so reply_to_id is no longer unique.
      'ALTER TABLE messages DROP CONSTRAINT messages_role_check',
      `ALTER TABLE messages ADD CONSTRAINT messages_role_check
         CHECK (role IN ('user', 'assistant', 'agent', 'system'))`,
      'ALTER TABLE messages DROP CONSTRAINT messages_reply_to_key',
      'CREATE INDEX messages_reply_to_idx ON messages (reply_to_id, created_at)',
      `CREATE TABLE runs (
        id uuid PRIMARY KEY,
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        session_id uuid REFERENCES sessions (id) ON DELETE SET NULL,
        user_message_id uuid NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'queued'
          CHECK (status IN ('queued', 'running', 'completed', 'failed', 'cancelled')),
        agent text NOT NULL,
        assistant_message_id uuid REFERENCES messages (id) ON DELETE SET NULL,
        error jsonb,
        -- a retry is idempotent on its own clientMessageId
        client_message_id uuid,
        -- the server instance executing it, so a dead instance's runs can be finished
        instance_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT runs_client_message_key UNIQUE (conversation_id, client_message_id)
      )`,
      'CREATE INDEX runs_conversation_idx ON runs (conversation_id, created_at DESC, id DESC)',
      `CREATE INDEX runs_unfinished_idx ON runs (conversation_id, created_at, id)
         WHERE status IN ('queued', 'running')`,
      'CREATE INDEX runs_user_message_idx ON runs (user_message_id)',
    ]),
  down: (db) =>
    run(db, [
      'DROP TABLE runs',
      'DROP INDEX messages_reply_to_idx',
      // Only the newest reply of a message keeps its link: the old schema allowed one.
      `UPDATE messages m SET reply_to_id = NULL
       WHERE reply_to_id IS NOT NULL AND EXISTS (
         SELECT 1 FROM messages n WHERE n.reply_to_id = m.reply_to_id
           AND (n.created_at, n.id) > (m.created_at, m.id))`,
      'ALTER TABLE messages ADD CONSTRAINT messages_reply_to_key UNIQUE (reply_to_id)',
      `UPDATE messages SET role = 'assistant',
         metadata = metadata || '{"authorRole":"agent"}'::jsonb WHERE role = 'agent'`,
      'ALTER TABLE messages DROP CONSTRAINT messages_role_check',
      `ALTER TABLE messages ADD CONSTRAINT messages_role_check
         CHECK (role IN ('user', 'assistant', 'system'))`,
      `ALTER TABLE sessions
         ADD COLUMN memory jsonb NOT NULL DEFAULT '{}'::jsonb,
         ADD COLUMN memory_summary text NOT NULL DEFAULT '',
         ADD COLUMN event_seq bigint NOT NULL DEFAULT 0`,
      `CREATE TABLE session_events (
        session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        seq bigint NOT NULL,
        type text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (session_id, seq)
      )`,
      // Each session takes back the events that came through it, renumbered in order.
      `INSERT INTO session_events (session_id, seq, type, payload, created_at)
       SELECT session_id, row_number() OVER (PARTITION BY session_id ORDER BY seq), type,
              CASE WHEN type = 'session.ended' THEN payload #- '{json,sessionId}'
                   ELSE payload END,
              created_at
       FROM conversation_events WHERE session_id IS NOT NULL`,
      `UPDATE sessions s SET event_seq = e.last
       FROM (SELECT session_id, max(seq) AS last FROM session_events GROUP BY session_id) e
       WHERE e.session_id = s.id`,
      `UPDATE sessions s SET memory = c.memory, memory_summary = c.memory_summary
       FROM conversations c WHERE c.id = s.conversation_id`,
      'DROP TABLE conversation_events',
      `ALTER TABLE conversations DROP COLUMN event_seq, DROP COLUMN memory,
         DROP COLUMN memory_summary`,
    ]),
};
