import { type Migration, run } from './types';

export const chat: Migration = {
  name: '0002_chat',
  up: (db) =>
    run(db, [
      `CREATE TABLE conversations (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        title text,
        system_prompt text,
        metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
        archived boolean NOT NULL DEFAULT false,
        message_count integer NOT NULL DEFAULT 0,
        last_message_at timestamptz,
        -- newest activity first: creation, then every message moves it
        activity_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
      'CREATE INDEX conversations_user_activity_idx ON conversations (user_id, archived, activity_at DESC, id DESC)',
      `CREATE TABLE sessions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        end_user_id text,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended', 'expired')),
        last_activity_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        ended_at timestamptz,
        end_reason text,
        memory jsonb NOT NULL DEFAULT '{}'::jsonb,
        memory_summary text NOT NULL DEFAULT '',
        -- last event sequence number; bumped under the row lock so event ids are ordered
        event_seq bigint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
      'CREATE INDEX sessions_user_idx ON sessions (user_id, status, created_at DESC, id DESC)',
      'CREATE INDEX sessions_conversation_idx ON sessions (conversation_id)',
      "CREATE INDEX sessions_expiry_idx ON sessions (expires_at) WHERE status = 'active'",
      `CREATE TABLE session_secrets (
        id uuid PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        secret_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      'CREATE INDEX session_secrets_session_idx ON session_secrets (session_id)',
      `CREATE TABLE messages (
        id uuid PRIMARY KEY,
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        session_id uuid REFERENCES sessions (id) ON DELETE SET NULL,
        role text NOT NULL CHECK (role IN ('user', 'assistant', 'system')),
        content text NOT NULL,
        metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
        client_message_id uuid,
        reply_to_id uuid REFERENCES messages (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT messages_client_message_key UNIQUE (conversation_id, client_message_id),
        CONSTRAINT messages_reply_to_key UNIQUE (reply_to_id)
      )`,
      'CREATE INDEX messages_conversation_idx ON messages (conversation_id, created_at, id)',
      `CREATE TABLE session_events (
        session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        seq bigint NOT NULL,
        type text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (session_id, seq)
      )`,
    ]),
  down: (db) =>
    run(db, [
      'DROP TABLE session_events',
      'DROP TABLE messages',
      'DROP TABLE session_secrets',
      'DROP TABLE sessions',
      'DROP TABLE conversations',
    ]),
};
