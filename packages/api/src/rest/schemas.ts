import {
  ALERT_REASONS,
  type Alert,
  type AlertPage,
  type ApiKeySummary,
  type AssistantReply,
  type Conversation,
  type CreatedApiKey,
  type CreatedWebhook,
  CURRENCIES,
  type Delivery,
  FEATURES,
  type HandoffBrief,
  type InboxItem,
  LANGUAGES,
  type Listing,
  type ListingPage,
  type Me,
  type Message,
  PROPERTY_TYPES,
  RENT_TYPES,
  ROLES,
  type Run,
  type SavedSearch,
  SCOPES,
  SESSION_STATUSES,
  type SendResult,
  type Session,
  type SessionCreated,
  type SessionMemory,
  searchFacts,
  type User,
  WEBHOOK_EVENT_TYPES,
  type Webhook,
} from '@parley/validators';
import { z } from 'zod';

/**
 * What the REST surface answers, as zod schemas: tRPC checks every REST response against
 * them and the OpenAPI document is generated from them. Dates travel as ISO 8601 strings.
 */
const at = z.date().meta({ description: 'ISO 8601 date-time' });
const id = z.string().meta({ format: 'uuid' });
const metadata = z.record(z.string(), z.unknown());

export const userOutput = z
  .object({
    id,
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    createdAt: at,
  })
  .meta({ id: 'User' });

/** `auth.me`: the user, and the API key that made the call (null for other credentials). */
export const meOutput = userOutput
  .extend({
    apiKey: z.object({ id, name: z.string(), scopes: z.array(z.enum(SCOPES)) }).nullable(),
  })
  .meta({ id: 'Me' });

export const conversationOutput = z
  .object({
    id,
    title: z.string().nullable(),
    systemPrompt: z.string().nullable(),
    metadata,
    archived: z.boolean(),
    messageCount: z.number().int(),
    lastMessageAt: at.nullable(),
    mode: z.enum(['assistant', 'waiting', 'agent']),
    assignedAgent: z.object({ id, name: z.string() }).nullable(),
    handoffRequestedAt: at.nullable(),
    createdAt: at,
    updatedAt: at,
  })
  .meta({ id: 'Conversation' });

export const listingOutput = z
  .object({
    id,
    title: z.string(),
    description: z.string(),
    location: z.string(),
    district: z.string(),
    rentType: z.enum(RENT_TYPES),
    propertyType: z.enum(PROPERTY_TYPES),
    bedrooms: z.number().int(),
    bathrooms: z.number().int(),
    areaSqm: z.number(),
    price: z.number(),
    currency: z.enum(CURRENCIES),
    pricePeriod: z.enum(['month', 'night']).nullable(),
    features: z.array(z.enum(FEATURES)),
    images: z.array(z.string()),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    agent: z.object({ id, name: z.string() }).nullable(),
    createdAt: at,
    updatedAt: at,
  })
  .meta({ id: 'Listing' });

export const messageOutput = z
  .object({
    id,
    conversationId: id,
    role: z.enum(['user', 'assistant', 'agent', 'system']),
    content: z.string(),
    metadata,
    clientMessageId: id.nullable(),
    replyToId: id.nullable(),
    author: z
      .object({ id, name: z.string(), role: z.enum(['user', 'agent', 'admin', 'guest']) })
      .nullable(),
    createdAt: at,
  })
  .meta({ id: 'Message' });

export const sessionOutput = z
  .object({
    id,
    conversationId: id,
    endUserId: z.string().nullable(),
    status: z.enum(SESSION_STATUSES),
    lastActivityAt: at,
    expiresAt: at,
    createdAt: at,
    updatedAt: at,
  })
  .meta({ id: 'Session' });

export const clientSecretOutput = z.object({
  clientSecret: z.string(),
  clientSecretExpiresAt: at,
});

export const sessionCreatedOutput = clientSecretOutput
  .extend({ session: sessionOutput, conversation: conversationOutput })
  .meta({ id: 'SessionCreated' });

export const assistantReplyOutput = z
  .object({
    responseText: z.string(),
    agent: z.enum(['rules', 'openai']),
    conversationId: id,
    recommendations: z.array(listingOutput),
    appliedFilters: searchFacts,
    language: z.enum(LANGUAGES),
  })
  .meta({ id: 'AssistantReply' });

export const runOutput = z
  .object({
    id,
    sessionId: id.nullable(),
    conversationId: id,
    userMessageId: id,
    status: z.enum(['queued', 'running', 'completed', 'failed', 'cancelled']),
    agent: z.enum(['rules', 'openai']),
    assistantMessageId: id.nullable(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    createdAt: at,
    startedAt: at.nullable(),
    finishedAt: at.nullable(),
  })
  .meta({ id: 'Run' });

export const sendResultOutput = z
  .object({
    userMessage: messageOutput,
    run: runOutput.nullable(),
    assistantMessage: messageOutput.nullable(),
    reply: assistantReplyOutput.nullable(),
  })
  .meta({ id: 'SendResult' });

/** What the assistant understood of a conversation: every session of it shares one. */
export const memoryOutput = z
  .object({ summary: z.string(), facts: searchFacts })
  .meta({ id: 'Memory' });

export const okOutput = z.object({ ok: z.literal(true) });

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const listingPageOutput = pageOf(listingOutput).extend({ total: z.number().int() });

export const webhookOutput = z
  .object({
    id,
    url: z.string(),
    events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
    description: z.string().nullable(),
    enabled: z.boolean(),
    createdAt: at,
    lastDeliveryAt: at.nullable(),
    failingSince: at.nullable(),
  })
  .meta({ id: 'Webhook' });

/** `webhooks.create`: the signing secret (`whsec_...`) is in this answer only. */
export const createdWebhookOutput = z
  .object({ webhook: webhookOutput, secret: z.string() })
  .meta({ id: 'CreatedWebhook' });

export const deliveryOutput = z
  .object({
    id,
    webhookId: id,
    event: z.enum(WEBHOOK_EVENT_TYPES),
    status: z.enum(['pending', 'succeeded', 'failed']),
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable(),
    nextAttemptAt: at.nullable(),
    createdAt: at,
  })
  .meta({ id: 'Delivery' });

export const savedSearchOutput = z
  .object({
    id,
    name: z.string(),
    query: searchFacts,
    conversationId: id.nullable(),
    paused: z.boolean(),
    lastAlertAt: at.nullable(),
    createdAt: at,
  })
  .meta({ id: 'SavedSearch' });

export const alertOutput = z
  .object({
    id,
    savedSearchId: id,
    listing: listingOutput,
    reason: z.enum(ALERT_REASONS),
    previousPrice: z.string().nullable().meta({ description: 'exact decimal, e.g. "950.00"' }),
    read: z.boolean(),
    createdAt: at,
  })
  .meta({ id: 'Alert' });

/** `alerts.list`: a page, the person's unread count and the stream position it reflects. */
export const alertPageOutput = pageOf(alertOutput)
  .extend({ unread: z.number().int(), lastEventId: z.string() })
  .meta({ id: 'AlertPage' });

/**
 * `alerts.markRead` as a request body: `{ ids }` or `{ all: true }`. The document cannot
 * describe the router's union as one body; the router still checks the exact shape.
 */
export const markReadBody = z.object({
  ids: z.array(id).min(1).max(100).optional(),
  all: z.literal(true).optional(),
});

/** `auth.apiKeys.list`: a person's active keys (never the keys themselves). */
export const apiKeyOutput = z
  .object({
    id,
    name: z.string(),
    scopes: z.array(z.enum(SCOPES)),
    lastUsedAt: at.nullable(),
    createdAt: at,
  })
  .meta({ id: 'ApiKey' });

/** `auth.apiKeys.create`: the key (`pk_...`) is in this answer only. */
export const createdApiKeyOutput = z
  .object({
    id,
    name: z.string(),
    scopes: z.array(z.enum(SCOPES)),
    key: z.string(),
    createdAt: at,
  })
  .meta({ id: 'CreatedApiKey' });

export const handoffBriefOutput = z
  .object({
    summary: z.string(),
    facts: searchFacts,
    listingsShown: z.array(listingOutput),
    listing: listingOutput.nullable(),
  })
  .meta({ id: 'HandoffBrief' });

/** A conversation as the agents' inbox shows it. */
export const inboxItemOutput = z
  .object({
    conversation: conversationOutput,
    customer: z.object({
      id,
      name: z.string(),
      email: z.string(),
      endUserId: z.string().nullable(),
    }),
    brief: handoffBriefOutput,
    lastMessage: messageOutput.nullable(),
    lastCustomerMessage: messageOutput.nullable(),
    language: z.enum(LANGUAGES).nullable(),
    waitingSince: at.nullable(),
  })
  .meta({ id: 'InboxItem' });

/** `inbox.claim`: the conversation, and the agent's own session on it. */
export const claimedOutput = z
  .object({ conversation: conversationOutput, session: sessionOutput })
  .meta({ id: 'Claimed' });

/*
 * Each schema against the type its procedures return. tRPC strips what an output schema
 * does not name, so a field missing here would vanish from REST answers without a word
 * (`AssistantReply.language` did); this fails to compile instead.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Agrees<S extends z.ZodType, T> = Same<z.output<S>, T>;
true satisfies Agrees<typeof userOutput, User>;
true satisfies Agrees<typeof meOutput, Me>;
true satisfies Agrees<typeof conversationOutput, Conversation>;
true satisfies Agrees<typeof listingOutput, Listing>;
true satisfies Agrees<typeof messageOutput, Message>;
true satisfies Agrees<typeof sessionOutput, Session>;
true satisfies Agrees<typeof sessionCreatedOutput, SessionCreated>;
true satisfies Agrees<typeof assistantReplyOutput, AssistantReply>;
true satisfies Agrees<typeof runOutput, Run>;
true satisfies Agrees<typeof sendResultOutput, SendResult>;
true satisfies Agrees<typeof memoryOutput, SessionMemory>;
true satisfies Agrees<typeof listingPageOutput, ListingPage>;
true satisfies Agrees<typeof webhookOutput, Webhook>;
true satisfies Agrees<typeof createdWebhookOutput, CreatedWebhook>;
true satisfies Agrees<typeof deliveryOutput, Delivery>;
true satisfies Agrees<typeof savedSearchOutput, SavedSearch>;
true satisfies Agrees<typeof alertOutput, Alert>;
true satisfies Agrees<typeof alertPageOutput, AlertPage>;
true satisfies Agrees<typeof apiKeyOutput, ApiKeySummary>;
true satisfies Agrees<typeof createdApiKeyOutput, CreatedApiKey>;
true satisfies Agrees<typeof handoffBriefOutput, HandoffBrief>;
true satisfies Agrees<typeof inboxItemOutput, InboxItem>;
true satisfies Agrees<typeof claimedOutput, { conversation: Conversation; session: Session }>;
