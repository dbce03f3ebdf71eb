import { z } from 'zod';
import { uuid } from './ids';
import type { Listing, SearchFacts } from './listings';
import { pageInput } from './pagination';

const metadata = z
  .record(z.string().max(100), z.unknown())
  .refine((value) => JSON.stringify(value).length <= 16_000, {
    message: 'must serialise to at most 16,000 characters',
  });

export const conversationCreateInput = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    systemPrompt: z.string().max(8000).optional(),
    metadata: metadata.optional(),
  })
  .default({});
export const conversationListInput = pageInput
  .extend({
    search: z.string().trim().max(200).optional(),
    archived: z.boolean().optional(),
  })
  .default({ limit: 20 });
export const conversationUpdateInput = z.object({
  id: uuid(),
  title: z.string().trim().min(1).max(200).optional(),
  archived: z.boolean().optional(),
  metadata: metadata.optional(),
});
export const conversationMessagesInput = pageInput.extend({ conversationId: uuid() });

export const SESSION_STATUSES = ['active', 'ended', 'expired'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const sessionCreateInput = z
  .object({
    conversationId: uuid().optional(),
    endUserId: z.string().trim().min(1).max(200).optional(),
  })
  .default({});
export const sessionListInput = pageInput
  .extend({ status: z.enum(SESSION_STATUSES).optional() })
  .default({ limit: 20 });
export const sessionSendInput = z.object({
  sessionId: uuid(),
  content: z
    .string()
    .min(1, { error: 'must not be empty' })
    .max(8000, { error: 'must be at most 8,000 characters' })
    .refine((s) => s.trim().length > 0, { message: 'must not be blank' }),
  clientMessageId: uuid(),
});
export const sessionTypingInput = z.object({ sessionId: uuid(), typing: z.boolean() });
export const sessionIdInput = z.object({ sessionId: uuid() });
export const sessionEventsInput = z.object({
  sessionId: uuid(),
  lastEventId: z.string().max(64).nullish(),
});

export type MessageRole = 'user' | 'assistant' | 'system';

export interface Conversation {
  id: string;
  title: string | null;
  systemPrompt: string | null;
  metadata: Record<string, unknown>;
  archived: boolean;
  messageCount: number;
  lastMessageAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface Message {
  id: string;
  conversationId: string;
  role: MessageRole;
  content: string;
  metadata: Record<string, unknown>;
  createdAt: Date;
}

export interface Session {
  id: string;
  conversationId: string;
  endUserId: string | null;
  status: SessionStatus;
  lastActivityAt: Date;
  expiresAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

/** Which agent wrote a reply: the rule-based one, or an LLM provider. */
export type AgentName = 'rules' | 'openai';

/** The assistant's answer. Never empty: no match still explains itself. */
export interface AssistantReply {
  responseText: string;
  agent: AgentName;
  conversationId: string;
  recommendations: Listing[];
  appliedFilters: SearchFacts;
}

export interface SessionMemory {
  summary: string;
  facts: SearchFacts;
}

export type SessionEvent =
  | { type: 'message.created'; message: Message }
  | {
      type: 'assistant.delta';
      /** The assistant message being written (its id once stored). */
      messageId: string;
      delta: string;
      /** The `clientMessageId` of the question this reply answers, to match it exactly. */
      clientMessageId: string;
    }
  | { type: 'assistant.completed'; message: Message; reply: AssistantReply }
  | { type: 'typing'; actor: 'user' | 'assistant'; typing: boolean }
  | { type: 'session.ended'; reason: string };

export interface SendResult {
  userMessage: Message;
  assistantMessage: Message;
  reply: AssistantReply;
}

export interface SessionCreated {
  session: Session;
  conversation: Conversation;
  clientSecret: string;
  clientSecretExpiresAt: Date;
}
