import { newId } from '@parley/db';
import { type Alert, LANGUAGES, type Language } from '@parley/validators';
import { QueryTypes, type Transaction } from 'sequelize';
import { messageOfRow } from '../chat/serialize';
import type { ApiServices } from '../context';
import { appendEvents } from '../events/log';
import type { MessageRow } from '../runs/records';
import { alertLine } from './texts';

/** An alert this transaction stored, with what announcing and posting it needs. */
export interface Created {
  userId: string;
  seq: number;
  alert: Alert;
  searchName: string;
  conversationId: string | null;
}

type Services = Pick<ApiServices, 'db' | 'infra' | 'logger' | 'jobs' | 'config' | 'clock'>;

/**
 * A `system` message with the listing in each conversation a search was saved from,
 * with its `message.created` event, inside the alerts' transaction (conversations in id
 * order, so concurrent jobs lock them in the same order).
 */
export async function postToConversations(
  services: Services,
  created: Created[],
  transaction: Transaction,
): Promise<(() => Promise<void>)[]> {
  const byConversation = new Map<string, Created[]>();
  for (const c of created) {
    if (!c.conversationId) continue;
    const list = byConversation.get(c.conversationId) ?? [];
    list.push(c);
    byConversation.set(c.conversationId, list);
  }
  const { sequelize } = services.db;
  const publishers: (() => Promise<void>)[] = [];
  for (const conversationId of [...byConversation.keys()].sort()) {
    const alerts = byConversation.get(conversationId)!.sort((a, b) => a.seq - b.seq);
    const [context] = await sequelize.query<{ language: string | null }>(
      `SELECT (SELECT metadata->>'language' FROM messages
                WHERE conversation_id = $1 AND role = 'assistant'
                ORDER BY created_at DESC, id DESC LIMIT 1) AS language`,
      { bind: [conversationId], type: QueryTypes.SELECT, transaction },
    );
    const language: Language = LANGUAGES.includes(context?.language as Language)
      ? (context!.language as Language)
      : 'en';
    const rows = await sequelize.query<MessageRow>(
      `INSERT INTO messages (id, conversation_id, role, content, metadata, created_at, updated_at)
       SELECT id, $1, 'system', content, metadata, clock_timestamp(), clock_timestamp()
         FROM unnest($2::uuid[], $3::text[], $4::jsonb[]) WITH ORDINALITY AS m (id, content, metadata, n)
        ORDER BY n
       RETURNING id, conversation_id, role, content, metadata, client_message_id, reply_to_id, created_at`,
      {
        bind: [
          conversationId,
          alerts.map(() => newId()),
          alerts.map((a) => alertLine(a.alert, a.searchName, language)),
          alerts.map((a) =>
            JSON.stringify({
              alert: {
                id: a.alert.id,
                savedSearchId: a.alert.savedSearchId,
                reason: a.alert.reason,
                previousPrice: a.alert.previousPrice,
              },
              recommendations: [a.alert.listing],
            }),
          ),
        ],
        type: QueryTypes.SELECT,
        transaction,
      },
    );
    const messages = rows
      .map(messageOfRow)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
    const last = messages[messages.length - 1]!;
    await sequelize.query(
      `UPDATE conversations
          SET message_count = message_count + $2, last_message_at = $3, activity_at = $3, updated_at = $3
        WHERE id = $1`,
      { bind: [conversationId, messages.length, last.createdAt], transaction },
    );
    const appended = await appendEvents(
      services,
      conversationId,
      messages.map((message) => ({ type: 'message.created' as const, message })),
      transaction,
    );
    publishers.push(appended.publish);
  }
  return publishers;
}
