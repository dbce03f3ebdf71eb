import type { ChatMessage, ChatSession, Conversation as ConversationRow } from '@parley/db';
import type { AssistantReply, Conversation, Listing, Message, Session } from '@parley/validators';

export function toConversation(row: ConversationRow): Conversation {
  return {
    id: row.id,
    title: row.title ?? null,
    systemPrompt: row.systemPrompt ?? null,
    metadata: row.metadata ?? {},
    archived: row.archived,
    messageCount: row.messageCount,
    lastMessageAt: row.lastMessageAt ?? null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Assistant metadata is stored as JSON; its listings' dates come back as Dates. */
function reviveMetadata(metadata: Record<string, unknown>): Record<string, unknown> {
  const recs = metadata.recommendations;
  if (!Array.isArray(recs)) return metadata;
  return {
    ...metadata,
    recommendations: recs.map((l: Listing) => ({
      ...l,
      createdAt: new Date(l.createdAt),
      updatedAt: new Date(l.updatedAt),
    })),
  };
}

export function toMessage(
  row: Pick<ChatMessage, 'id' | 'conversationId' | 'role' | 'content' | 'metadata' | 'createdAt'>,
): Message {
  return {
    id: row.id,
    conversationId: row.conversationId,
    role: row.role,
    content: row.content,
    metadata: reviveMetadata(row.metadata ?? {}),
    createdAt: row.createdAt,
  };
}

export function replyOf(message: Message): AssistantReply {
  const m = message.metadata as unknown as AssistantReply;
  return {
    responseText: message.content,
    agent: m.agent,
    conversationId: message.conversationId,
    recommendations: m.recommendations ?? [],
    appliedFilters: m.appliedFilters ?? {},
  };
}

export function toSession(row: ChatSession): Session {
  return {
    id: row.id,
    conversationId: row.conversationId,
    endUserId: row.endUserId ?? null,
    status: row.status,
    lastActivityAt: row.lastActivityAt,
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
