import type { InboxItem, Page } from '@parley/validators';
import { QueryTypes } from 'sequelize';
import { decodeCursor, encodeCursor } from '../chat/cursor';
import type { ApiServices } from '../context';
import { notFound } from '../errors';
import { inboxItems } from './items';

type Services = Pick<ApiServices, 'db' | 'infra' | 'clock'>;

/**
 * `inbox.list`. `waiting`: conversations waiting for a person, longest waiting first;
 * `mine`: the ones the caller holds; `all`: every conversation that ever asked for a
 * person, most recently active first. Nothing that never asked for a person is listed.
 */
export async function listInbox(
  services: Services,
  agentId: string,
  input: { filter: 'waiting' | 'mine' | 'all'; cursor?: string | null | undefined; limit: number },
): Promise<Page<InboxItem>> {
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const waiting = input.filter === 'waiting';
  const key = waiting ? 'handoff_requested_at' : 'activity_at';
  const where =
    input.filter === 'waiting'
      ? "mode = 'waiting'"
      : input.filter === 'mine'
        ? "mode = 'agent' AND assigned_agent_id = $4::uuid"
        : 'handoff_requested_at IS NOT NULL';
  const rows = await services.db.sequelize.query<{ id: string; at: Date }>(
    `SELECT id, ${key} AS at FROM conversations
     WHERE ${where}
       AND ($1::timestamptz IS NULL OR (${key}, id) ${waiting ? '>' : '<'} ($1::timestamptz, $2::uuid))
     ORDER BY ${key} ${waiting ? 'ASC' : 'DESC'}, id ${waiting ? 'ASC' : 'DESC'} LIMIT $3`,
    {
      bind: [
        after?.at ?? null,
        after?.id ?? null,
        input.limit + 1,
        ...(input.filter === 'mine' ? [agentId] : []),
      ],
      type: QueryTypes.SELECT,
    },
  );
  const more = rows.length > input.limit;
  const page = more ? rows.slice(0, input.limit) : rows;
  const last = page[page.length - 1];
  return {
    items: await inboxItems(
      services,
      page.map((r) => r.id),
    ),
    nextCursor: more && last ? encodeCursor(last.at, last.id) : null,
  };
}

/** `inbox.get`: one conversation that asked for a person; any other is NOT_FOUND. */
export async function getInboxItem(services: Services, conversationId: string): Promise<InboxItem> {
  const [item] = await inboxItems(services, [conversationId]);
  if (!item?.conversation.handoffRequestedAt) throw notFound('Conversation');
  return item;
}
