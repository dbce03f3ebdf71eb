import { type Migration, run } from './types';

/**
 * Guests: a person chatting and saving favourites before making an account is a user row
 * with role `guest`, no password, and an expiry. Signing up or in moves what it made to
 * the account and deletes the guest.
 */
export const guests: Migration = {
  name: '0008_guests',
  up: (db) =>
    run(db, [
      'ALTER TABLE users DROP CONSTRAINT IF EXISTS users_role_check',
      `ALTER TABLE users ADD CONSTRAINT users_role_check
         CHECK (role IN ('user', 'agent', 'admin', 'guest'))`,
      'ALTER TABLE users ADD COLUMN expires_at timestamptz',
      `ALTER TABLE users ADD CONSTRAINT users_guest_expires
         CHECK ((role = 'guest') = (expires_at IS NOT NULL))`,
      // Expired guests are found without reading every user.
      'CREATE INDEX users_guest_expiry_idx ON users (expires_at) WHERE expires_at IS NOT NULL',
    ]),
  down: (db) =>
    run(db, [
      "DELETE FROM users WHERE role = 'guest'",
      'DROP INDEX users_guest_expiry_idx',
      'ALTER TABLE users DROP CONSTRAINT users_guest_expires',
      'ALTER TABLE users DROP COLUMN expires_at',
      'ALTER TABLE users DROP CONSTRAINT users_role_check',
      `ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('user', 'agent', 'admin'))`,
    ]),
};
