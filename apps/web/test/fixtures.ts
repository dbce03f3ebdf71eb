import type { AssistantReply, Conversation, Listing, Message, Run, Session } from '../src/api';

const at = new Date('2025-05-01T10:00:00Z');
let n = 0;
/** A UUID-shaped id, different every call (enough for tests). */
export function id(): string {
  n += 1;
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export const conversationId = '11111111-1111-4111-8111-111111111111';
export const sessionId = '22222222-2222-4222-8222-222222222222';

export function conversation(over: Partial<Conversation> = {}): Conversation {
  return {
    id: conversationId,
    title: 'Flat in Girne',
    systemPrompt: null,
    metadata: {},
    archived: false,
    messageCount: 0,
    lastMessageAt: null,
    mode: 'assistant',
    assignedAgent: null,
    handoffRequestedAt: null,
    createdAt: at,
    updatedAt: at,
    ...over,
  };
}

export function session(over: Partial<Session> = {}): Session {
  return {
    id: sessionId,
    conversationId,
    endUserId: null,
    status: 'active',
    lastActivityAt: at,
    expiresAt: new Date(at.getTime() + 30 * 60_000),
    createdAt: at,
    updatedAt: at,
    ...over,
  };
}

export function listing(over: Partial<Listing> = {}): Listing {
  return {
    id: id(),
    title: 'Bright 2-bedroom flat near the harbour',
    description: 'Walk to the harbour.',
    location: 'Girne',
    district: 'Girne',
    rentType: 'long_term',
    propertyType: 'apartment',
    bedrooms: 2,
    bathrooms: 1,
    areaSqm: 90,
    price: 750,
    currency: 'GBP',
    pricePeriod: 'month',
    features: ['sea_view', 'parking'],
    images: [],
    lat: 35.3364,
    lng: 33.3182,
    agent: null,
    createdAt: at,
    updatedAt: at,
    ...over,
  };
}

export function message(over: Partial<Message> = {}): Message {
  return {
    id: id(),
    conversationId,
    role: 'user',
    content: 'hello',
    metadata: {},
    clientMessageId: null,
    replyToId: null,
    author: null,
    createdAt: new Date(),
    ...over,
  };
}

export function run(userMessageId: string, over: Partial<Run> = {}): Run {
  return {
    id: id(),
    sessionId,
    conversationId,
    userMessageId,
    status: 'running',
    agent: 'rules',
    assistantMessageId: null,
    error: null,
    createdAt: new Date(),
    startedAt: new Date(),
    finishedAt: null,
    ...over,
  };
}

export function reply(over: Partial<AssistantReply> = {}): AssistantReply {
  return {
    responseText: 'Here are 2 homes that match.',
    agent: 'rules',
    conversationId,
    recommendations: [],
    appliedFilters: {},
    language: 'en',
    ...over,
  };
}

/** A promise with its resolve/reject outside, to hold a call open. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
