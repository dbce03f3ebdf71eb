import { type Migration, run } from './types';

/**
 * The API key a session was made with, if any. A key that may not read conversations
 * reaches only its own sessions: without this, a `sessions:write` key could replay any
 * conversation of its owner through a session the owner opened in the web app. Sessions
 * made before this migration were made by no key as far as it knows.
 */
export const sessionsMadeByKey: Migration = {
  name: '0022_sessions_made_by_key',
  up: (db) =>
    run(db, [
      'ALTER TABLE sessions ADD COLUMN IF NOT EXISTS api_key_id uuid REFERENCES api_keys (id) ON DELETE SET NULL',
    ]),
  down: (db) => run(db, ['ALTER TABLE sessions DROP COLUMN IF EXISTS api_key_id']),
};
