import { z } from 'zod';
import { statedFacts } from './alerts';
import { uuid } from './ids';
import type { Listing, SearchFacts } from './listings';
import { pageInput } from './pagination';
import { hasVisibleText, safeJsonObject, safeText } from './safe';

const metadata = safeJsonObject({ maxKeyLength: 100 }).refine(
  (value) => JSON.stringify(value).length <= 16_000,
  {
    message: 'must serialise to at most 16,000 characters',
  },
);

export const conversationCreateInput = z
  .object({
    title: safeText().trim().min(1).max(200).optional(),
    systemPrompt: safeText().max(8000).optional(),
    metadata: metadata.optional(),
  })
  .default({});
export const conversationListInput = pageInput
  .extend({
    search: safeText().trim().max(200).optional(),
    archived: z.boolean().optional(),
    /** Only the conversations of sessions created for this end user (widget chats). */
    endUserId: safeText().trim().min(1).max(200).optional(),
  })
  .default({ limit: 20 });
export const conversationUpdateInput = z.object({
  id: uuid(),
  title: safeText().trim().min(1).max(200).optional(),
  archived: z.boolean().optional(),
  metadata: metadata.optional(),
});
export const conversationMessagesInput = pageInput.extend({ conversationId: uuid() });

export const SESSION_STATUSES = ['active', 'ended', 'expired'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** A browser origin as the `Origin` header sends it: scheme, host and port, no path. */
export const browserOrigin = z
  .string()
  .max(300)
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return /^https?:$/.test(url.protocol) && url.origin === value;
      } catch {
        return false;
      }
    },
    { message: 'must be an origin such as https://shop.example (no path, no trailing slash)' },
  );

export const sessionCreateInput = z
  .object({
    conversationId: uuid().optional(),
    endUserId: safeText().trim().min(1).max(200).optional(),
    /** The client secret then works only from pages on these origins (a widget's). */
    allowedOrigins: z.array(browserOrigin).min(1).max(20).optional(),
  })
  .default({});
export const sessionListInput = pageInput
  .extend({ status: z.enum(SESSION_STATUSES).optional() })
  .default({ limit: 20 });
export const sessionSendInput = z.object({
  sessionId: uuid(),
  content: safeText()
    .min(1, { error: 'must not be empty' })
    .max(8000, { error: 'must be at most 8,000 characters' })
    .refine(hasVisibleText, { message: 'must not be blank' }),
  clientMessageId: uuid(),
  /** true (the default): answer when the run has finished; false: once the message is stored. */
  wait: z.boolean().optional(),
});
export const sessionCancelRunInput = z.object({ sessionId: uuid(), runId: uuid() });
export const sessionRetryInput = z.object({
  sessionId: uuid(),
  messageId: uuid(),
  clientMessageId: uuid(),
  wait: z.boolean().optional(),
});
export const sessionRunsInput = pageInput.extend({ sessionId: uuid() });
export const sessionTypingInput = z.object({ sessionId: uuid(), typing: z.boolean() });
export const sessionIdInput = z.object({ sessionId: uuid() });
export const sessionEventsInput = z.object({
  sessionId: uuid(),
  lastEventId: z.string().max(64).nullish(),
});
export const conversationEventsInput = z.object({
  conversationId: uuid(),
  lastEventId: z.string().max(64).nullish(),
});
export const conversationIdInput = z.object({ conversationId: uuid() });
export const conversationMemoryUpdateInput = z.object({
  conversationId: uuid(),
  facts: statedFacts,
});

export type MessageRole = 'user' | 'assistant' | 'agent' | 'system';

/** Who answers a conversation: the assistant, nobody yet (waiting for a person), an agent. */
export const CONVERSATION_MODES = ['assistant', 'waiting', 'agent'] as const;
export type ConversationMode = (typeof CONVERSATION_MODES)[number];

/** A person on the platform's staff, as customers see them. */
export interface AgentRef {
  id: string;
  name: string;
}

export interface Conversation {
  id: string;
  title: string | null;
  systemPrompt: string | null;
  metadata: Record<string, unknown>;
  archived: boolean;
  messageCount: number;
  lastMessageAt: Date | null;
  mode: ConversationMode;
  /** The agent holding the conversation (mode `agent`). */
  assignedAgent: AgentRef | null;
  /** When a person was last asked for; null if nobody ever was. */
  handoffRequestedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Who wrote a user or an agent message. */
export interface MessageAuthor {
  id: string;
  name: string;
  role: 'user' | 'agent' | 'admin' | 'guest';
}

export interface Message {
  id: string;
  conversationId: string;
  role: MessageRole;
  content: string;
  /** An assistant message cut short by a cancel has `metadata.interrupted: true`. */
  metadata: Record<string, unknown>;
  /** The sender's id for a user message (idempotency and matching); null otherwise. */
  clientMessageId: string | null;
  /** The user message an assistant message answers. */
  replyToId: string | null;
  /** Set for user and agent messages: who wrote it. */
  author: MessageAuthor | null;
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

/** The languages the assistant understands and answers in. */
export const LANGUAGES = ['en', 'tr', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The assistant's answer. Never empty: no match still explains itself. */
export interface AssistantReply {
  responseText: string;
  agent: AgentName;
  conversationId: string;
  recommendations: Listing[];
  appliedFilters: SearchFacts;
  /** The language the reply is written in: the language of the request. */
  language: Language;
}

export interface SessionMemory {
  summary: string;
  facts: SearchFacts;
}

export const RUN_STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** The assistant's work on one user message: a durable record with a status of its own. */
export interface Run {
  id: string;
  sessionId: string | null;
  conversationId: string;
  userMessageId: string;
  status: RunStatus;
  agent: AgentName;
  assistantMessageId: string | null;
  error: { code: string; message: string } | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/**
 * One event of a conversation's stream. Every session on the conversation gets the same
 * events; durable ones carry ordered ids (`"1"`, `"2"`, ...), `assistant.delta` and
 * `typing` are live only and never replayed.
 */
export type ConversationEvent =
  | { type: 'message.created'; message: Message }
  | { type: 'run.started'; run: Run }
  | {
      type: 'assistant.delta';
      /** The run writing this reply (absent from events of servers before runs). */
      runId?: string;
      /** The assistant message being written (its id once stored). */
      messageId: string;
      delta: string;
      /**
       * Characters (UTF-16 code units) of the reply written before this piece: the reply so
       * far is its first `offset` characters, then `delta`. A stream that joins while a reply
       * is being written gets one piece with offset 0 holding all written so far, which
       * other subscribers may receive too (placed by offset, it changes nothing). A piece
       * whose offset is past what a client holds follows text it missed: wait for the next
       * catch-up or the stored reply. Absent from servers before it.
       */
      offset?: number;
      /** The `clientMessageId` of the question this reply answers, to match it exactly. */
      clientMessageId: string;
    }
  | { type: 'assistant.completed'; message: Message; reply: AssistantReply; run?: Run }
  | { type: 'run.failed'; run: Run }
  | { type: 'run.cancelled'; run: Run }
  | { type: 'typing'; actor: 'user' | 'assistant' | 'agent'; typing: boolean; name?: string }
  /**
   * Someone asked for a person: the conversation waits in the agents' inbox.
   * `agentsOnline`: whether an agent had the inbox open at that moment (absent from events
   * stored before it was added).
   */
  | {
      type: 'handoff.requested';
      reason: string | null;
      brief: HandoffBrief;
      agentsOnline?: boolean;
    }
  /** An agent claimed it: the assistant starts no runs while they hold it. */
  | { type: 'handoff.assigned'; agent: AgentRef }
  /** The agent handed it back to the assistant, or back to the waiting list. */
  | { type: 'handoff.released'; agent: AgentRef; to: 'assistant' | 'waiting' }
  /**
   * Someone corrected what the assistant understood (`conversations.updateMemory`): the
   * memory as it is now, for every other screen on the conversation (its filter chips).
   */
  | { type: 'memory.updated'; memory: SessionMemory }
  /** A stream opened through `sessionId` ends after it; other sessions' streams go on. */
  | { type: 'session.ended'; sessionId: string; reason: string };

/** Another name for `ConversationEvent`, from when the session was the live unit. */
export type SessionEvent = ConversationEvent;

/**
 * What `sessions.send` and `sessions.retry` answer. With `wait` (the default) the run has
 * finished: `assistantMessage` and `reply` are set when it completed. Without, only the
 * user message and the queued run are known.
 */
export interface SendResult {
  userMessage: Message;
  run: Run | null;
  assistantMessage: Message | null;
  reply: AssistantReply | null;
}

export interface SessionCreated {
  session: Session;
  conversation: Conversation;
  clientSecret: string;
  clientSecretExpiresAt: Date;
}

/** What the assistant knows of a conversation, for the agent who takes it over. */
export interface HandoffBrief {
  summary: string;
  facts: SearchFacts;
  /** Listings the assistant showed, latest first, at most 10. */
  listingsShown: Listing[];
  /** The listing the person asked about, if any. */
  listing: Listing | null;
}

/** A conversation as the agents' inbox shows it. */
export interface InboxItem {
  conversation: Conversation;
  customer: { id: string; name: string; email: string; endUserId: string | null };
  brief: HandoffBrief;
  lastMessage: Message | null;
  /** The customer's own latest message (`lastMessage` may be a reply to it). */
  lastCustomerMessage: Message | null;
  /** The language the assistant last answered the customer in; null before any reply. */
  language: Language | null;
  /** Since when it waits for a person (mode `waiting`); null otherwise. */
  waitingSince: Date | null;
}

export const INBOX_EVENT_TYPES = [
  'handoff.requested',
  'handoff.assigned',
  'handoff.released',
  'message.created',
] as const;
export type InboxEventType = (typeof INBOX_EVENT_TYPES)[number];

/** One event of the agents' inbox: what happened to which conversation, and how it looks now. */
export interface InboxEvent {
  type: InboxEventType;
  conversationId: string;
  item: InboxItem;
}

export const sessionRequestAgentInput = z.object({
  sessionId: uuid(),
  /** In the person's words, for the agent. */
  reason: safeText().trim().min(1).max(500).optional(),
  /** The listing the person asks about. */
  listingId: uuid().optional(),
});
export const INBOX_FILTERS = ['waiting', 'mine', 'all'] as const;
export const inboxListInput = pageInput
  .extend({ filter: z.enum(INBOX_FILTERS).default('waiting') })
  .default({ filter: 'waiting', limit: 20 });
export const inboxConversationInput = z.object({ conversationId: uuid() });
export const inboxReleaseInput = z.object({
  conversationId: uuid(),
  /** `assistant` (default): the assistant answers again; `waiting`: back to the waiting list. */
  to: z.enum(['assistant', 'waiting']).default('assistant'),
});
export const inboxEventsInput = z.object({ lastEventId: z.string().max(64).nullish() }).default({});
