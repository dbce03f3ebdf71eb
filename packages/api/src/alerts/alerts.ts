import { withTransaction } from '@parley/db';
import {
  type Alert,
  type AlertListInput,
  type AlertMarkReadInput,
  type AlertPage,
  type AlertReason,
  alertListInput,
  alertMarkReadInput,
} from '@parley/validators';
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { fieldError } from '../errors';
import { LISTING_COLUMNS, LISTING_JOINS } from '../listings/search';
import { type ListingRowShape, toListing } from '../listings/serialize';

/** What reading alerts needs: the database only. */
export interface AlertsDeps {
  sequelize: Sequelize;
}

export type AlertRow = ListingRowShape & {
  alertId: string;
  savedSearchId: string;
  reason: AlertReason;
  previousPrice: string | null;
  readAt: Date | null;
  alertCreatedAt: Date;
  seq: string;
};

/** The alert columns, then the listing's (`l`), for rows of `alerts al`. */
export const ALERT_COLUMNS = `al.id AS "alertId", al.saved_search_id AS "savedSearchId", al.reason,
  al.previous_price::text AS "previousPrice", al.read_at AS "readAt", al.created_at AS "alertCreatedAt",
  al.seq::text AS seq, ${LISTING_COLUMNS}`;
export const ALERT_JOINS = `JOIN listings l ON l.id = al.listing_id ${LISTING_JOINS}`;

export function toAlert(row: AlertRow): Alert {
  return {
    id: row.alertId,
    savedSearchId: row.savedSearchId,
    listing: toListing(row),
    reason: row.reason,
    previousPrice: row.previousPrice,
    read: row.readAt !== null,
    createdAt: row.alertCreatedAt,
  };
}

// A page cursor is the sequence number of the page's last alert: opaque to clients.
const encodeCursor = (seq: string) => Buffer.from(`a${seq}`).toString('base64url');
function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^a\d{1,18}$/.test(text)) throw fieldError('cursor', 'is not a cursor this API returned');
  return text.slice(1);
}

/**
 * A person's alerts, newest first, with how many are unread and the stream position this
 * answer reflects (subscribe to `alerts.events` from it and nothing is missed in between).
 */
export async function listAlerts(
  deps: AlertsDeps,
  userId: string,
  input: AlertListInput | undefined,
): Promise<AlertPage> {
  const { cursor, limit, unreadOnly } = alertListInput.parse(input);
  const before = cursor ? decodeCursor(cursor) : null;
  // The feed position first: an alert committed after it is then either on this page or
  // after lastEventId, never lost between the two.
  const [feed] = await deps.sequelize.query<{ seq: string | null; unread: number }>(
    `SELECT (SELECT seq FROM alert_feeds WHERE user_id = $1)::text AS seq,
            (SELECT count(*) FROM alerts WHERE user_id = $1 AND read_at IS NULL)::int AS unread`,
    { bind: [userId], type: QueryTypes.SELECT },
  );
  const rows = await deps.sequelize.query<AlertRow>(
    `SELECT ${ALERT_COLUMNS}
       FROM (SELECT * FROM alerts
              WHERE user_id = $1 AND seq <= $2::bigint
                ${unreadOnly ? 'AND read_at IS NULL' : ''}
                ${before ? 'AND seq < $4::bigint' : ''}
              ORDER BY seq DESC LIMIT $3) al
       ${ALERT_JOINS}
      ORDER BY al.seq DESC`,
    {
      bind: [userId, feed?.seq ?? '0', limit + 1, ...(before ? [before] : [])],
      type: QueryTypes.SELECT,
    },
  );
  const more = rows.length > limit;
  const items = (more ? rows.slice(0, limit) : rows).map(toAlert);
  const last = more ? rows[limit - 1] : undefined;
  return {
    items,
    nextCursor: last ? encodeCursor(last.seq) : null,
    unread: feed?.unread ?? 0,
    lastEventId: feed?.seq ?? '0',
  };
}

/** Marks some (or all) of the person's alerts read; ids of others' alerts change nothing. */
export async function markAlertsRead(
  deps: AlertsDeps,
  userId: string,
  input: AlertMarkReadInput,
): Promise<{ unread: number }> {
  const parsed = alertMarkReadInput.parse(input);
  return withTransaction(deps.sequelize, async (transaction: Transaction) => {
    const [row] = await deps.sequelize.query<{ unread: number }>(
      `WITH marked AS (
         UPDATE alerts SET read_at = clock_timestamp()
          WHERE user_id = $1 AND read_at IS NULL ${'ids' in parsed ? 'AND id = ANY($2::uuid[])' : ''}
          RETURNING 1
       )
       SELECT ((SELECT count(*) FROM alerts WHERE user_id = $1 AND read_at IS NULL)
               - (SELECT count(*) FROM marked))::int AS unread`,
      {
        bind: 'ids' in parsed ? [userId, parsed.ids] : [userId],
        type: QueryTypes.SELECT,
        transaction,
      },
    );
    return { unread: row?.unread ?? 0 };
  });
}

/** Alerts of a person after `afterSeq` (up to `untilSeq`), oldest first: a stream's backlog. */
export async function readAlertsAfter(
  deps: AlertsDeps,
  userId: string,
  afterSeq: number,
  untilSeq?: number,
  limit = 200,
): Promise<{ seq: number; alert: Alert }[]> {
  const rows = await deps.sequelize.query<AlertRow>(
    `SELECT ${ALERT_COLUMNS}
       FROM (SELECT * FROM alerts WHERE user_id = $1 AND seq > $2::bigint
               ${untilSeq === undefined ? '' : 'AND seq <= $4::bigint'}
             ORDER BY seq LIMIT $3) al
       ${ALERT_JOINS}
      ORDER BY al.seq`,
    {
      bind: [userId, afterSeq, limit, ...(untilSeq === undefined ? [] : [untilSeq])],
      type: QueryTypes.SELECT,
    },
  );
  return rows.map((row) => ({ seq: Number(row.seq), alert: toAlert(row) }));
}

/** The person's current feed position (0 before any alert). */
export async function feedPosition(deps: AlertsDeps, userId: string): Promise<number> {
  const [row] = await deps.sequelize.query<{ seq: string }>(
    'SELECT seq::text FROM alert_feeds WHERE user_id = $1',
    { bind: [userId], type: QueryTypes.SELECT },
  );
  return row ? Number(row.seq) : 0;
}
