import { normaliseFacts, summarise } from '@parley/assistant';
import { newId, withTransaction } from '@parley/db';
import type { Conversation, Message, Page, SearchFacts, SessionMemory } from '@parley/validators';
import { literal, Op, type Transaction, type WhereOptions } from 'sequelize';
import type { ApiServices } from '../context';
import { notFound } from '../errors';
import { appendEvents } from '../events/log';
import { decodeCursor, toPage } from './cursor';
import { toConversation, toMessage } from './serialize';
import { endSessionsOf, lockConversation } from './sessions';

type Services = Pick<
  ApiServices,
  'db' | 'infra' | 'clock' | 'config' | 'logger' | 'instance' | 'jobs'
>;

/** The conversation if `userId` owns it; anybody else's is NOT_FOUND, never FORBIDDEN. */
export async function loadConversation(
  services: Services,
  userId: string,
  id: string,
  transaction?: Transaction,
) {
  const row = await services.db.models.Conversation.findOne({ where: { id, userId }, transaction });
  if (!row) throw notFound('Conversation');
  return row;
}

export async function createConversation(
  services: Services,
  userId: string,
  input: {
    title?: string | undefined;
    systemPrompt?: string | undefined;
    metadata?: Record<string, unknown> | undefined;
  },
  transaction?: Transaction,
): Promise<Conversation> {
  const now = services.clock();
  const row = await services.db.models.Conversation.create(
    {
      id: newId(),
      userId,
      title: input.title ?? null,
      systemPrompt: input.systemPrompt ?? null,
      metadata: input.metadata ?? {},
      activityAt: now,
      createdAt: now,
      updatedAt: now,
    },
    { transaction },
  );
  return toConversation(row);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function listConversations(
  services: Services,
  userId: string,
  input: {
    cursor?: string | null | undefined;
    limit: number;
    search?: string | undefined;
    archived?: boolean | undefined;
    endUserId?: string | undefined;
  },
): Promise<Page<Conversation>> {
  const where: WhereOptions[] = [{ userId }];
  if (input.archived !== undefined) where.push({ archived: input.archived });
  // Chats held for end users (a widget's sessions, `endUserId`) are not the owner's own:
  // left out unless that end user's are asked for.
  const sequelize = services.db.sequelize;
  where.push(
    input.endUserId === undefined
      ? literal(
          `NOT EXISTS (SELECT 1 FROM sessions s WHERE s.conversation_id = "Conversation"."id" AND s.end_user_id IS NOT NULL)`,
        )
      : literal(
          `EXISTS (SELECT 1 FROM sessions s WHERE s.conversation_id = "Conversation"."id" AND s.end_user_id = ${sequelize.escape(input.endUserId)})`,
        ),
  );
  if (input.search) where.push({ title: { [Op.iLike]: `%${escapeLike(input.search)}%` } });
  if (input.cursor) {
    const { at, id } = decodeCursor(input.cursor);
    where.push({
      [Op.or]: [{ activityAt: { [Op.lt]: at } }, { activityAt: at, id: { [Op.lt]: id } }],
    });
  }
  const rows = await services.db.models.Conversation.findAll({
    where: { [Op.and]: where },
    order: [
      ['activityAt', 'DESC'],
      ['id', 'DESC'],
    ],
    limit: input.limit + 1,
  });
  return toPage(rows, input.limit, toConversation, (r) => [r.activityAt, r.id]);
}

export async function updateConversation(
  services: Services,
  userId: string,
  input: {
    id: string;
    title?: string | undefined;
    archived?: boolean | undefined;
    metadata?: Record<string, unknown> | undefined;
  },
): Promise<Conversation> {
  return withTransaction(services.db.sequelize, async (transaction) => {
    const row = await loadConversation(services, userId, input.id, transaction);
    if (input.title !== undefined) row.title = input.title;
    if (input.archived !== undefined) row.archived = input.archived;
    if (input.metadata !== undefined) row.metadata = input.metadata;
    row.updatedAt = services.clock();
    await row.save({ transaction });
    return toConversation(row);
  });
}

/** Deletes the conversation with its messages and sessions; live subscribers are told. */
export async function deleteConversation(
  services: Services,
  userId: string,
  id: string,
): Promise<{ ok: true }> {
  const ended = await withTransaction(services.db.sequelize, async (transaction) => {
    await loadConversation(services, userId, id, transaction);
    const sessions = await endSessionsOf(services, id, transaction);
    await services.db.models.Conversation.destroy({ where: { id, userId }, transaction });
    return sessions;
  });
  await ended.publish();
  return { ok: true };
}

/** A page of the conversation's messages; the caller has checked who may read them. */
export async function listMessages(
  services: Services,
  input: { conversationId: string; cursor?: string | null | undefined; limit: number },
): Promise<Page<Message>> {
  const where: WhereOptions[] = [{ conversationId: input.conversationId }];
  if (input.cursor) {
    const { at, id } = decodeCursor(input.cursor);
    where.push({
      [Op.or]: [{ createdAt: { [Op.gt]: at } }, { createdAt: at, id: { [Op.gt]: id } }],
    });
  }
  const rows = await services.db.models.Message.findAll({
    where: { [Op.and]: where },
    order: [
      ['createdAt', 'ASC'],
      ['id', 'ASC'],
    ],
    limit: input.limit + 1,
  });
  return toPage(rows, input.limit, toMessage, (r) => [r.createdAt, r.id]);
}

/** The assistant's memory of the conversation: what every session of it starts from. */
export function conversationMemory(row: {
  memorySummary: string;
  memory: Record<string, unknown>;
}): SessionMemory {
  return { summary: row.memorySummary, facts: row.memory as SearchFacts };
}

/**
 * A person corrects what the assistant understood: the facts replace the memory and the
 * next reply starts from them. They are stored as the assistant stores its own (canonical
 * town names: "Famagusta" is kept as "Gazimağusa", features sorted) with the summary the
 * assistant would write for them, so an agent's brief never reads blank or stale.
 */
export async function updateConversationMemory(
  services: Services,
  userId: string,
  input: { conversationId: string; facts: SearchFacts },
): Promise<SessionMemory> {
  const facts = normaliseFacts(input.facts);
  const { memory, appended } = await withTransaction(services.db.sequelize, async (transaction) => {
    const row = await loadConversation(services, userId, input.conversationId, transaction);
    await lockConversation(services, row.id, transaction);
    row.memory = facts as Record<string, unknown>;
    row.memorySummary = summarise(facts);
    row.updatedAt = services.clock();
    await row.save({ transaction });
    const memory: SessionMemory = { summary: row.memorySummary, facts };
    // Every other screen on the conversation shows the corrected memory at once.
    const event = { type: 'memory.updated', memory } as const;
    return { memory, appended: await appendEvents(services, row.id, [event], transaction) };
  });
  await appended.publish();
  return memory;
}
