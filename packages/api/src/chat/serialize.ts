import type { ChatMessage, ChatSession, Conversation as ConversationRow } from '@parley/db';
import type {
  AssistantReply,
  Conversation,
  Listing,
  Message,
  MessageAuthor,
  Session,
} from '@parley/validators';

export function toConversation(row: ConversationRow): Conversation {
  return {
    id: row.id,
    title: row.title ?? null,
    systemPrompt: row.systemPrompt ?? null,
    metadata: row.metadata ?? {},
    archived: row.archived,
    messageCount: row.messageCount,
    lastMessageAt: row.lastMessageAt ?? null,
    mode: row.mode ?? 'assistant',
    assignedAgent:
      row.mode === 'agent' && row.assignedAgentId
        ? { id: row.assignedAgentId, name: row.assignedAgentName ?? '' }
        : null,
    handoffRequestedAt: row.handoffRequestedAt ?? null,
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
  row: Pick<ChatMessage, 'id' | 'conversationId' | 'role' | 'content' | 'metadata' | 'createdAt'> &
    Partial<Pick<ChatMessage, 'clientMessageId' | 'replyToId' | 'author'>>,
): Message {
  return {
    id: row.id,
    conversationId: row.conversationId,
    role: row.role,
    content: row.content,
    metadata: reviveMetadata(row.metadata ?? {}),
    clientMessageId: row.clientMessageId ?? null,
    replyToId: row.replyToId ?? null,
    author: (row.author as MessageAuthor | null | undefined) ?? null,
    createdAt: row.createdAt,
  };
}

/** The same from a raw row (snake_case columns). */
export function messageOfRow(row: {
  id: string;
  conversation_id: string;
  role: Message['role'];
  content: string;
  metadata: Record<string, unknown>;
  client_message_id: string | null;
  reply_to_id: string | null;
  author?: MessageAuthor | null;
  created_at: Date;
}): Message {
  return toMessage({
    id: row.id,
    conversationId: row.conversation_id,
    role: row.role,
    content: row.content,
    metadata: row.metadata,
    clientMessageId: row.client_message_id,
    replyToId: row.reply_to_id,
    author: row.author ?? null,
    createdAt: row.created_at,
  });
}

export function replyOf(message: Message): AssistantReply {
  const m = message.metadata as unknown as AssistantReply;
  return {
    responseText: message.content,
    agent: m.agent,
    conversationId: message.conversationId,
    recommendations: m.recommendations ?? [],
    appliedFilters: m.appliedFilters ?? {},
    // Replies stored before languages were recorded were all English.
    language: m.language ?? 'en',
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
