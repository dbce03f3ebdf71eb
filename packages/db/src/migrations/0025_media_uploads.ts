import { type Migration, run } from './types';

/**
 * Every uploaded picture's key, who uploaded it and when. A picture no listing uses a day
 * after its upload (a form abandoned, a photo removed, a listing deleted) is deleted from
 * the store by the media sweep; without this record nothing could tell it from one in use
 * without listing the whole bucket. Pictures uploaded before this migration have no row
 * and are kept.
 */
export const mediaUploads: Migration = {
  name: '0025_media_uploads',
  up: (db) =>
    run(db, [
      `CREATE TABLE media_uploads (
         key text PRIMARY KEY,
         user_id uuid REFERENCES users (id) ON DELETE SET NULL,
         created_at timestamptz(3) NOT NULL DEFAULT now()
       )`,
      'CREATE INDEX media_uploads_created_at_idx ON media_uploads (created_at)',
    ]),
  down: (db) => run(db, ['DROP TABLE IF EXISTS media_uploads']),
};
