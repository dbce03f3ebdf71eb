import { type Migration, run } from './types';

/**
 * People in the conversation. A conversation is answered by the assistant (`mode`
 * 'assistant') until someone asks for a person ('waiting', since `handoff_requested_at`),
 * then by the agent who claimed it ('agent', `assigned_agent_id`). An agent takes part
 * through a session of their own (`sessions.kind` 'agent'); messages carry their author.
 * The agents' inbox has one ordered event log of its own, numbered under the single
 * `inbox_state` row's lock so ids are gap-free and in commit order, like a conversation's.
 */
export const handoff: Migration = {
  name: '0010_handoff',
  up: (db) =>
    run(db, [
      `ALTER TABLE conversations
         ADD COLUMN mode text NOT NULL DEFAULT 'assistant'
           CHECK (mode IN ('assistant', 'waiting', 'agent')),
         ADD COLUMN assigned_agent_id uuid REFERENCES users (id) ON DELETE SET NULL,
         -- the name shown to the customer ("Aylin joined"), as it was when claimed
         ADD COLUMN assigned_agent_name text,
         ADD COLUMN handoff_requested_at timestamptz,
         ADD COLUMN handoff_reason text,
         ADD COLUMN handoff_listing_id uuid REFERENCES listings (id) ON DELETE SET NULL`,
      // The waiting list, longest waiting first.
      `CREATE INDEX conversations_waiting_idx ON conversations (handoff_requested_at, id)
         WHERE mode = 'waiting'`,
      // An agent's own conversations, and every conversation that ever asked for a person.
      `CREATE INDEX conversations_assigned_idx
         ON conversations (assigned_agent_id, activity_at DESC, id DESC)
         WHERE assigned_agent_id IS NOT NULL`,
      `CREATE INDEX conversations_handoff_idx ON conversations (activity_at DESC, id DESC)
         WHERE handoff_requested_at IS NOT NULL`,
      `ALTER TABLE sessions ADD COLUMN kind text NOT NULL DEFAULT 'customer'
         CHECK (kind IN ('customer', 'agent'))`,
      // { id, name, role } of the person who wrote a user or agent message.
      'ALTER TABLE messages ADD COLUMN author jsonb',
      `CREATE TABLE inbox_state (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        event_seq bigint NOT NULL DEFAULT 0
      )`,
      'INSERT INTO inbox_state DEFAULT VALUES',
      `CREATE TABLE inbox_events (
        seq bigint PRIMARY KEY,
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        type text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      'CREATE INDEX inbox_events_conversation_idx ON inbox_events (conversation_id)',
    ]),
  down: (db) =>
    run(db, [
      'DROP TABLE inbox_events',
      'DROP TABLE inbox_state',
      'ALTER TABLE messages DROP COLUMN author',
      // An agent's sessions go with the column that says what they are.
      "DELETE FROM sessions WHERE kind = 'agent'",
      'ALTER TABLE sessions DROP COLUMN kind',
      `ALTER TABLE conversations DROP COLUMN handoff_listing_id, DROP COLUMN handoff_reason,
         DROP COLUMN handoff_requested_at, DROP COLUMN assigned_agent_name,
         DROP COLUMN assigned_agent_id, DROP COLUMN mode`,
    ]),
};
