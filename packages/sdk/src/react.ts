/**
 * @parley/sdk/react: React Query hooks for the Parley API through @trpc/react-query.
 *
 * The provider takes a client made by `createParleyClient`: the hooks use its links,
 * so credentials, token refresh, reconnection and ParleyError mapping are the same.
 */
import { type QueryClient, QueryClientProvider, skipToken } from '@tanstack/react-query';
import { type CreateTRPCReact, createTRPCReact } from '@trpc/react-query';
import {
  createContext,
  createElement,
  type ReactElement,
  type ReactNode,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import type { SessionEvent } from './chat';
import { type ChatState, ChatStore, type ChatStoreOptions, idleChatState } from './chat-store';
import type { ParleyClient } from './client';
import type { ParleyError } from './errors';
import type {
  Alert,
  AlertPage,
  ParleyRouter,
  Run,
  SearchFacts,
  SessionMemory,
} from './generated/router';

export type { SessionEvent } from './chat';
export type { ChatMessage, ChatMessageStatus } from './chat-model';
export type { ChatState, ChatStoreOptions } from './chat-store';
export type { ParleyClient } from './client';
export type { ParleyError } from './errors';
export type { ParleyRouter } from './generated/router';

/** The typed hooks: `trpc.listings.search.useQuery(...)`, `trpc.sessions.send.useMutation()`. */
export type ParleyTRPCReact = CreateTRPCReact<ParleyRouter, unknown>;

export interface ParleyProviderProps {
  /** A client from `createParleyClient` (one per app; it holds the socket). */
  client: ParleyClient;
  queryClient: QueryClient;
  children?: ReactNode;
}

export interface UseSessionEventsOptions {
  /** Called for every event, with its id (pass the last one as `lastEventId` to resume later). */
  onEvent: (event: SessionEvent, id: string) => void;
  /** Replay events after this id when the subscription starts (read once per session id). */
  lastEventId?: string | null | undefined;
  /** Called when the stream fails for good (NOT_FOUND, FORBIDDEN, ...); transient drops resume. */
  onError?: ((error: ParleyError) => void) | undefined;
}

export interface SessionEventsState {
  /** `idle` while there is no session id; `connecting`, then `pending` while live; `error`. */
  status: 'idle' | 'connecting' | 'pending' | 'error';
  error: ParleyError | null;
  /** Starts the subscription again (after an error). */
  reset: () => void;
}

export interface ParleyReact {
  trpc: ParleyTRPCReact;
  /** Provides the client and React Query to the hooks below it. */
  ParleyProvider: (props: ParleyProviderProps) => ReactElement;
  /**
   * Subscribes to a session's events. An `undefined`/`null`/empty session id does not
   * subscribe (it waits, via React Query's `skipToken`), so a page whose id is still
   * loading never sends `sessionId: "undefined"`.
   */
  useSessionEvents: (
    sessionId: string | null | undefined,
    options: UseSessionEventsOptions,
  ) => SessionEventsState;
  /** One conversation, live: messages, runs, send, stop, retry, regenerate, memory. */
  useChat: (options?: UseChatOptions) => UseChatResult;
  /** The person's alerts, newest first, with the unread count, live. */
  useAlerts: (options?: UseAlertsOptions) => UseAlertsResult;
  /** The client given to the provider. */
  useParleyClient: () => ParleyClient;
}

const trpc: ParleyTRPCReact = /* @__PURE__ */ createTRPCReact<ParleyRouter>();
const ClientContext = /* @__PURE__ */ createContext<ParleyClient | null>(null);

/** Provides the client and React Query to the hooks below it. */
export function ParleyProvider({
  client,
  queryClient,
  children,
}: ParleyProviderProps): ReactElement {
  return createElement(
    ClientContext.Provider,
    { value: client },
    createElement(trpc.Provider, {
      client,
      queryClient,
      // biome-ignore lint/correctness/noChildrenProp: tRPC's Provider types `children` as a required prop
      children: createElement(QueryClientProvider, { client: queryClient }, children),
    }),
  );
}

/** The client given to `ParleyProvider`. */
export function useParleyClient(): ParleyClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useParleyClient must be used inside <ParleyProvider>');
  return client;
}

export interface UseChatOptions extends ChatStoreOptions {
  /** False: no chat (an id still loading, say); the state stays `idle`. Default true. */
  enabled?: boolean | undefined;
  /** A client other than the provider's (the widget's, holding a client secret). */
  client?: ParleyClient | undefined;
}

export interface UseChatResult extends ChatState {
  /** Sends a message (shown at once); returns its clientMessageId. */
  send: (content: string, options?: { clientMessageId?: string | undefined }) => string;
  /** Sends one of our `failed` messages again (same clientMessageId). */
  resend: (clientMessageId: string) => void;
  /** "Stop": cancels the active run (or `runId`); the text written so far is kept. */
  cancel: (runId?: string) => Promise<Run | null>;
  /** Answers the user message `messageId` again (after a failure or a stop). */
  retry: (messageId: string) => Promise<Run | null>;
  /** Answers the last question again (`regenerable`). */
  regenerate: () => Promise<Run | null>;
  /** Corrects what the assistant understood (a filter chip removed, say). */
  updateMemory: (facts: SearchFacts) => Promise<SessionMemory | null>;
  typing: (typing: boolean) => Promise<void>;
  /** Opens the stream again after `status: 'offline'`. */
  reconnect: () => Promise<void>;
}

const IDLE = /* @__PURE__ */ idleChatState();
const noop = () => () => {};

/**
 * One conversation, live, with the chat logic of the SDK's `ChatStore`: our messages at
 * once (matched by clientMessageId), replies streaming in, runs that can be stopped,
 * retried and regenerated, other tabs' messages as they are sent, and the memory.
 *
 * ```tsx
 * const chat = useChat({ conversationId });
 * chat.messages.map((m) => <Message key={m.key} message={m} />);
 * {chat.activeRun && <button onClick={() => chat.cancel()}>Stop</button>}
 * ```
 *
 * A new conversation is made when neither `conversationId` nor `sessionId` is given.
 * The store lives while the component is mounted with the same ids.
 */
export function useChat(options: UseChatOptions = {}): UseChatResult {
  const contextClient = useContext(ClientContext);
  const client = options.client ?? contextClient;
  if (!client) throw new Error('useChat needs a client: use it inside <ParleyProvider>');
  const onEvent = useRef(options.onEvent);
  useEffect(() => {
    onEvent.current = options.onEvent;
  });
  const enabled = options.enabled ?? true;
  const { conversationId, sessionId, clientSecret, history } = options;
  const store = useMemo(
    () =>
      enabled
        ? new ChatStore(client, {
            conversationId,
            sessionId,
            clientSecret,
            history,
            onEvent: (event, id) => onEvent.current?.(event, id),
          })
        : null,
    [enabled, client, conversationId, sessionId, clientSecret, history],
  );
  useEffect(() => store?.retain(), [store]);
  const state = useSyncExternalStore(
    store ? store.subscribe : noop,
    store ? store.getState : () => IDLE,
    store ? store.getState : () => IDLE,
  );
  const actions = useMemo(() => {
    const none = async () => null;
    return {
      send: (content: string, o?: { clientMessageId?: string | undefined }) =>
        store ? store.send(content, o) : '',
      resend: (id: string) => store?.resend(id),
      cancel: store ? (runId?: string) => store.cancel(runId) : none,
      retry: store ? (messageId: string) => store.retry(messageId) : none,
      regenerate: store ? () => store.regenerate() : none,
      updateMemory: store ? (facts: SearchFacts) => store.updateMemory(facts) : none,
      typing: async (typing: boolean) => store?.typing(typing),
      reconnect: async () => store?.reconnect(),
    };
  }, [store]);
  return useMemo(() => ({ ...state, ...actions }), [state, actions]);
}

/**
 * Subscribes to a session's events. An `undefined`/`null`/empty session id does not
 * subscribe (it waits, via React Query's `skipToken`), so a page whose id is still
 * loading never sends `sessionId: "undefined"` (docs/design.md, ids are checked at every boundary).
 */
export function useSessionEvents(
  sessionId: string | null | undefined,
  options: UseSessionEventsOptions,
): SessionEventsState {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  // lastEventId is read when a session's stream starts; later ids come from the stream.
  const start = useRef<{ sessionId: string; lastEventId: string | null } | null>(null);
  const id = typeof sessionId === 'string' && sessionId.trim() !== '' ? sessionId : null;
  if (id && start.current?.sessionId !== id) {
    start.current = { sessionId: id, lastEventId: options.lastEventId ?? null };
  }
  const input = id && start.current ? start.current : skipToken;
  const result = trpc.sessions.events.useSubscription(input, {
    onData: ({ id: eventId, data }) => latest.current.onEvent(data, eventId),
    onError: (error) => latest.current.onError?.(error as ParleyError),
  });
  return {
    status: result.status,
    error: (result.error as ParleyError | null) ?? null,
    reset: result.reset,
  };
}

export interface UseAlertsOptions {
  /** False: nothing is read or subscribed (signed out, say). Default true. */
  enabled?: boolean | undefined;
  /** Alerts read at first (newest first); live ones are added on top. Default 20. */
  limit?: number | undefined;
  /** Only unread alerts in the list. */
  unreadOnly?: boolean | undefined;
  /** Called for every alert that arrives live (a toast, a sound). */
  onAlert?: ((alert: Alert) => void) | undefined;
}

export interface UseAlertsResult {
  /** Newest first: the first page, with alerts that arrived since on top. */
  alerts: Alert[];
  /** All of the person's unread alerts (not only those listed). */
  unread: number;
  /** `idle` when disabled, `loading` until the first page, then `live`; `error`. */
  status: 'idle' | 'loading' | 'live' | 'error';
  error: ParleyError | null;
  /** Marks these alerts (or all of them) read. */
  markRead: (ids: string[] | 'all') => Promise<void>;
}

/**
 * The signed-in person's alerts, live: `alerts.list` once, then `alerts.events` from the
 * position that answer reflects, so an alert created in between is neither lost nor
 * shown twice; a dropped connection resumes from the last alert received.
 *
 * ```tsx
 * const { unread, alerts, markRead } = useAlerts();
 * <Bell count={unread} />
 * ```
 */
export function useAlerts(options: UseAlertsOptions = {}): UseAlertsResult {
  const enabled = options.enabled ?? true;
  const onAlert = useRef(options.onAlert);
  useEffect(() => {
    onAlert.current = options.onAlert;
  });
  const input = { limit: options.limit ?? 20, unreadOnly: options.unreadOnly };
  const utils = trpc.useUtils();
  const list = trpc.alerts.list.useQuery(input, {
    enabled,
    // Live alerts keep it current; a refetch would move the stream's starting point.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
  // The stream starts once, where the first answer left off; later ids come from the stream.
  const start = useRef<string | null>(null);
  if (list.data && start.current === null) start.current = list.data.lastEventId;
  const [error, setError] = useState<ParleyError | null>(null);
  trpc.alerts.events.useSubscription(
    enabled && start.current !== null ? { lastEventId: start.current } : skipToken,
    {
      onData: ({ data }) => {
        const alert = data.alert;
        utils.alerts.list.setData(input, (page: AlertPage | undefined) =>
          page && !page.items.some((a) => a.id === alert.id)
            ? { ...page, items: [alert, ...page.items], unread: page.unread + 1 }
            : page,
        );
        onAlert.current?.(alert);
      },
      onError: (e) => setError(e as ParleyError),
    },
  );
  const markReadMutation = trpc.alerts.markRead.useMutation();
  const markRead = async (ids: string[] | 'all') => {
    const { unread } = await markReadMutation.mutateAsync(ids === 'all' ? { all: true } : { ids });
    utils.alerts.list.setData(input, (page: AlertPage | undefined) =>
      page
        ? {
            ...page,
            unread,
            items: page.items.map((a) =>
              ids === 'all' || ids.includes(a.id) ? { ...a, read: true } : a,
            ),
          }
        : page,
    );
    // Other lists of the same person (the bell's, a page's) read the new state again.
    await utils.alerts.list.invalidate();
  };
  const failure = error ?? ((list.error as ParleyError | null) || null);
  return {
    alerts: list.data?.items ?? [],
    unread: list.data?.unread ?? 0,
    status: !enabled ? 'idle' : failure ? 'error' : list.data ? 'live' : 'loading',
    error: failure,
    markRead,
  };
}

/**
 * The hooks and provider, typed for the Parley API. One instance per app (the same one
 * on every call):
 *
 * ```tsx
 * export const { trpc, ParleyProvider, useSessionEvents } = createParleyReact();
 * ```
 */
export function createParleyReact(): ParleyReact {
  return { trpc, ParleyProvider, useSessionEvents, useChat, useAlerts, useParleyClient };
}

export { trpc };
