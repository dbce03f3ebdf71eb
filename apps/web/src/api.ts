/**
 * The web app's one door to the API: everything goes through @parley/sdk and its React
 * hooks (`@parley/sdk/react`). Components import from here, never from tRPC directly.
 */
import { createParleyClient, type ParleyClient } from '@parley/sdk';
import { createParleyReact } from '@parley/sdk/react';
import type { QueryClient } from '@tanstack/react-query';
import { createContext, createElement, type ReactNode, use, useSyncExternalStore } from 'react';

export type {
  Alert,
  ApiKeySummary,
  AssistantReply,
  AuthResult,
  ChatMessage,
  ChatState,
  Conversation,
  CreatedApiKey,
  CreatedWebhook,
  Delivery,
  Feature,
  InboxItem,
  Listing,
  ListingQuery,
  Message,
  ParleyClient,
  ParleyTokens,
  PropertyType,
  RentType,
  RouterInputs,
  Run,
  SavedSearch,
  Scope,
  SearchFacts,
  SendResult,
  Session,
  SessionCreated,
  SessionEvent,
  User,
  Webhook,
  WebhookEventType,
} from '@parley/sdk';
export { isParleyError, ParleyError } from '@parley/sdk';
export { skipToken } from '@tanstack/react-query';
export type ListingSort = NonNullable<import('@parley/sdk').ListingQuery['sort']>;
/** A map's box, as `ListingQuery.bounds` takes it. */
export type Bounds = NonNullable<import('@parley/sdk').ListingQuery['bounds']>;

const parley = createParleyReact();

/** Typed hooks for every procedure: `api.listings.search.useInfiniteQuery(...)`. */
export const api = parley.trpc;

/** Subscribes to a session's events; waits (skipToken) while the id is undefined. */
export const useSessionEvents = parley.useSessionEvents;

/**
 * One conversation, live (the SDK's chat logic): messages, runs, send, stop, retry,
 * regenerate, memory. See `@parley/sdk/react`'s `useChat`.
 */
export const useChat = parley.useChat;
export type { UseChatResult } from '@parley/sdk/react';
/** The signed-in person's alerts and unread count, live (the bell, the alerts page). */
export const useAlerts = parley.useAlerts;

export interface WebClientOptions {
  /** The server's origin; the page's own by default (the server serves this app). */
  url?: string;
  /** Every new token pair (after a silent refresh); its refreshToken is empty (cookie). */
  onTokens: (tokens: {
    accessToken: string;
    refreshToken: string;
    accessTokenExpiresAt: Date;
  }) => void;
}

/** The app's one client: HTTP batching for calls, a WebSocket for session events. */
export function createWebClient(options: WebClientOptions): ParleyClient {
  return createParleyClient({
    url: options.url ?? window.location.origin,
    transport: 'ws',
    // The refresh token stays in the server's httpOnly cookie, never in this page.
    refreshCookie: true,
    onTokens: options.onTokens,
  });
}

const ClientContext = createContext<ParleyClient | null>(null);

/** Provides the client and React Query to everything below. */
export function ApiProvider({
  client,
  queryClient,
  children,
}: {
  client: ParleyClient;
  queryClient: QueryClient;
  children: ReactNode;
}) {
  return createElement(
    ClientContext,
    { value: client },
    createElement(parley.ParleyProvider, { client, queryClient }, children),
  );
}

export function useParleyClient(): ParleyClient {
  const client = use(ClientContext);
  if (!client) throw new Error('useParleyClient must be used inside <ApiProvider>');
  return client;
}

/** What the connection indicator shows. */
export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

function subscribeOnline(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

/** The socket's state for people: live, reconnecting (resuming), or offline. */
export function useConnectionStatus(): ConnectionStatus {
  const { connection } = useParleyClient();
  const state = useSyncExternalStore(
    (listener) => connection.subscribe(listener),
    () => connection.state,
  );
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine);
  if (!online || state === 'closed') return 'offline';
  if (state === 'open') return 'live';
  if (state === 'reconnecting') return 'reconnecting';
  return 'connecting';
}
