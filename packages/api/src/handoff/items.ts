import {
  type HandoffBrief,
  type InboxItem,
  LANGUAGES,
  type Language,
  type Listing,
  type Message,
  type SearchFacts,
} from '@parley/validators';
import { QueryTypes, type Transaction } from 'sequelize';
import { messageOfRow, toConversation } from '../chat/serialize';
import type { ApiServices } from '../context';
import { getListing, listingsDeps } from '../listings';
import type { MessageRow } from '../runs/records';

type Services = Pick<ApiServices, 'db' | 'infra' | 'clock'>;

/** Listings a brief names as shown, latest first. */
export const LISTINGS_SHOWN = 10;

/**
 * The inbox items of conversations, in the order of `ids` (missing ones left out): the
 * conversation, its customer, the brief for the agent and the last message. A fixed number
 * of statements whatever the number of conversations.
 */
export async function inboxItems(
  services: Services,
  ids: string[],
  transaction?: Transaction,
): Promise<InboxItem[]> {
  if (ids.length === 0) return [];
  const { sequelize, models } = services.db;
  const rows = await models.Conversation.findAll({ where: { id: ids }, transaction });
  // One after another: inside a transaction they share one connection.
  const customers = await sequelize.query<{
    conversation_id: string;
    id: string;
    name: string;
    email: string;
    end_user_id: string | null;
  }>(
    `SELECT c.id AS conversation_id, u.id, u.name, u.email,
              (SELECT s.end_user_id FROM sessions s
               WHERE s.conversation_id = c.id AND s.kind = 'customer'
               ORDER BY s.created_at DESC, s.id DESC LIMIT 1) AS end_user_id
       FROM conversations c JOIN users u ON u.id = c.user_id WHERE c.id = ANY($1::uuid[])`,
    { bind: [ids], type: QueryTypes.SELECT, transaction },
  );
  // The latest message, the customer's latest, and the language of the latest reply.
  const lastMessages = await sequelize.query<
    MessageRow & { latest: boolean; language: Language | null }
  >(
    `SELECT m.*,
            (SELECT r.metadata ->> 'language' FROM messages r
             WHERE r.conversation_id = c.id AND r.role = 'assistant'
             ORDER BY r.created_at DESC, r.id DESC LIMIT 1) AS language
       FROM unnest($1::uuid[]) AS c (id) CROSS JOIN LATERAL (
         (SELECT id, conversation_id, role, content, metadata, client_message_id, reply_to_id,
                 author, created_at, true AS latest
          FROM messages WHERE conversation_id = c.id ORDER BY created_at DESC, id DESC LIMIT 1)
         UNION ALL
         (SELECT id, conversation_id, role, content, metadata, client_message_id, reply_to_id,
                 author, created_at, false AS latest
          FROM messages WHERE conversation_id = c.id AND role = 'user'
          ORDER BY created_at DESC, id DESC LIMIT 1)
       ) m`,
    { bind: [ids], type: QueryTypes.SELECT, transaction },
  );
  // The recommendations of the latest replies: enough replies for ten distinct listings.
  const shown = await sequelize.query<{ conversation_id: string; recommendations: Listing[] }>(
    `SELECT c.id AS conversation_id, m.recommendations
       FROM unnest($1::uuid[]) AS c (id) CROSS JOIN LATERAL (
         SELECT metadata -> 'recommendations' AS recommendations, created_at, id
         FROM messages
         WHERE conversation_id = c.id AND role = 'assistant'
           AND jsonb_typeof(metadata -> 'recommendations') = 'array'
           AND jsonb_array_length(metadata -> 'recommendations') > 0
         ORDER BY created_at DESC, id DESC LIMIT $2
       ) m ORDER BY c.id, m.created_at DESC, m.id DESC`,
    { bind: [ids, LISTINGS_SHOWN], type: QueryTypes.SELECT, transaction },
  );
  const asked = await askedListings(
    services,
    rows.map((r) => r.handoffListingId),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const customerOf = new Map(customers.map((c) => [c.conversation_id, c]));
  const lastOf = new Map<string, Message>();
  const customerLastOf = new Map<string, Message>();
  const languageOf = new Map<string, Language>();
  for (const { latest, language, ...row } of lastMessages) {
    const message = messageOfRow(row) as Message;
    (latest ? lastOf : customerLastOf).set(row.conversation_id, message);
    if (language && LANGUAGES.includes(language)) languageOf.set(row.conversation_id, language);
  }
  const shownOf = new Map<string, Listing[]>();
  for (const row of shown) {
    const list = shownOf.get(row.conversation_id) ?? [];
    for (const listing of row.recommendations) {
      if (list.length >= LISTINGS_SHOWN || list.some((l) => l.id === listing.id)) continue;
      list.push(revive(listing));
    }
    shownOf.set(row.conversation_id, list);
  }
  const items: InboxItem[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    const customer = customerOf.get(id);
    if (!row || !customer) continue;
    const brief: HandoffBrief = {
      summary: row.memorySummary,
      facts: row.memory as SearchFacts,
      listingsShown: shownOf.get(id) ?? [],
      listing: row.handoffListingId ? (asked.get(row.handoffListingId) ?? null) : null,
    };
    const conversation = toConversation(row);
    items.push({
      conversation,
      customer: {
        id: customer.id,
        name: customer.name,
        email: customer.email,
        endUserId: customer.end_user_id,
      },
      brief,
      lastMessage: lastOf.get(id) ?? null,
      lastCustomerMessage: customerLastOf.get(id) ?? null,
      language: languageOf.get(id) ?? null,
      waitingSince: conversation.mode === 'waiting' ? conversation.handoffRequestedAt : null,
    });
  }
  return items;
}

/** Listings are stored in a reply as JSON: their dates come back as strings. */
function revive(listing: Listing): Listing {
  return {
    ...listing,
    createdAt: new Date(listing.createdAt),
    updatedAt: new Date(listing.updatedAt),
  };
}

async function askedListings(
  services: Services,
  ids: (string | null)[],
): Promise<Map<string, Listing>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const deps = listingsDeps(services);
  const found = await Promise.all(wanted.map((id) => getListing(deps, id)));
  return new Map(found.filter((l): l is Listing => l !== null).map((l) => [l.id, l]));
}

/** The brief alone (for `handoff.requested` in the conversation's own stream). */
export async function briefOf(
  services: Services,
  conversationId: string,
  transaction?: Transaction,
): Promise<HandoffBrief> {
  const [item] = await inboxItems(services, [conversationId], transaction);
  return item?.brief ?? { summary: '', facts: {}, listingsShown: [], listing: null };
}
