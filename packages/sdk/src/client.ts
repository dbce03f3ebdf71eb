import {
  createTRPCClient,
  createTRPCUntypedClient,
  createWSClient,
  httpBatchLink,
  httpLink,
  httpSubscriptionLink,
  splitLink,
  type TRPCClient,
  type TRPCLink,
  type TRPCWebSocketClient,
  wsLink,
} from '@trpc/client';
import superjson from 'superjson';
import { type ChatApi, createChatApi } from './chat';
import {
  ConnectionTracker,
  fromTrpcState,
  type ParleyConnection,
  type ParleyTransport,
  SubscriptionStates,
} from './connection';
import { CredentialStore, type ParleyCredentials, type ParleyTokens } from './credentials';
import { ParleyError } from './errors';
import type { AuthResult, ParleyRouter } from './generated/router';
import { defaultRetryDelayMs, errorLink, noSubscriptionsLink, recoveryLink } from './links';
import { createMediaApi, type MediaApi } from './media';

/** A `fetch` implementation (the global one by default). */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** A WebSocket class: the browser's, Node 22's, or `ws`. */
export type WebSocketLike = new (url: string, protocols?: string | string[]) => unknown;

/**
 * An EventSource class that accepts eventsource@3's `{ fetch }` option, so requests
 * can carry the Authorization header (the browser's own EventSource cannot).
 */
export type EventSourceLike = new (
  url: string,
  init?: { fetch?: FetchLike; withCredentials?: boolean },
) => unknown;

export interface ParleyConnectionOptions {
  /** The server's origin, e.g. `https://chat.example.com` (`/trpc` is added). */
  url: string;
  /**
   * How subscriptions travel: `'ws'` (default where a WebSocket exists), `'sse'`, or
   * `'http'` (no subscriptions). Queries and mutations always go over HTTP, batched.
   */
  transport?: ParleyTransport | undefined;
  WebSocket?: WebSocketLike | undefined;
  EventSource?: EventSourceLike | undefined;
  fetch?: FetchLike | undefined;
  /** Delay before the n-th attempt to reconnect or resume (0-based). */
  retryDelayMs?: ((attempt: number) => number) | undefined;
}

/** Options of `createParleyClient`: where, how, and exactly one kind of credential. */
export type ParleyClientOptions = ParleyConnectionOptions & ParleyCredentials;

/** What a Parley client adds to the typed procedure calls. */
export interface ParleyClientExtras {
  /** Chat sessions with streamed replies: `await client.chat.open()`. */
  readonly chat: ChatApi;
  /** Listing photos: `await client.media.upload(file)` answers the URL for `images`. */
  readonly media: MediaApi;
  /** The live connection's state, to show "reconnecting..." and such. */
  readonly connection: ParleyConnection;
  /**
   * Use these tokens from now on (after `auth.login`, say), or none (`null`). An open
   * socket reconnects with them; subscriptions resume.
   */
  setTokens(tokens: { accessToken: string; refreshToken?: string | undefined } | null): void;
  /** Ends subscriptions and chats, closes the socket; the client refuses calls afterwards. */
  close(): Promise<void>;
}

/**
 * The typed client of the whole Parley API (`client.listings.search.query(...)`,
 * `client.sessions.events.subscribe(...)`) plus chat, connection state and close.
 */
export type ParleyClient = TRPCClient<ParleyRouter> & ParleyClientExtras;

/** What an entry point supplies: the platform's WebSocket and EventSource. */
export interface Platform {
  WebSocket: WebSocketLike | undefined;
  EventSource: EventSourceLike | undefined;
}

function origin(url: string): string {
  const trimmed = url.trim().replace(/\/+$/, '');
  if (!/^https?:\/\//i.test(trimmed)) {
    throw new TypeError(`Parley client: url must be an http(s) origin, got ${JSON.stringify(url)}`);
  }
  return trimmed.replace(/\/trpc$/, '');
}

function pickTransport(
  requested: ParleyTransport | undefined,
  platform: Platform,
  fetchImpl: FetchLike | undefined,
): ParleyTransport {
  if (requested) return requested;
  if (platform.WebSocket) return 'ws';
  if (platform.EventSource && fetchImpl) return 'sse';
  return 'http';
}

const EXTRA_KEYS = new Set(['chat', 'media', 'connection', 'setTokens', 'close']);

export function createClient(options: ParleyClientOptions, platform: Platform): ParleyClient {
  const base = origin(options.url);
  const httpUrl = `${base}/trpc`;
  const fetchImpl: FetchLike | undefined =
    options.fetch ??
    (typeof globalThis.fetch === 'function' ? globalThis.fetch.bind(globalThis) : undefined);
  const WebSocketImpl = options.WebSocket ?? platform.WebSocket;
  const EventSourceImpl = options.EventSource ?? platform.EventSource;
  const transport = pickTransport(
    options.transport,
    { WebSocket: WebSocketImpl, EventSource: EventSourceImpl },
    fetchImpl,
  );
  const retryDelayMs = options.retryDelayMs ?? defaultRetryDelayMs;
  let closed = false;

  // auth.refresh goes through a bare link: it must not itself trigger a refresh.
  // Cookie mode: every HTTP call says so, and the server then keeps the refresh token in
  // its httpOnly cookie (a custom header: other sites cannot send it without CORS).
  const cookieHeaders: Record<string, string> =
    'refreshCookie' in options && options.refreshCookie ? { 'x-parley-refresh': 'cookie' } : {};
  const bare = createTRPCUntypedClient<ParleyRouter>({
    links: [
      httpLink({ url: httpUrl, transformer: superjson, fetch: fetchImpl, headers: cookieHeaders }),
    ],
  });
  const credentials = new CredentialStore(options, async (refreshToken) => {
    try {
      return (await bare.mutation(
        'auth.refresh',
        refreshToken ? { refreshToken } : {},
      )) as AuthResult;
    } catch (error) {
      throw ParleyError.from(error);
    }
  });
  const authHeaders = async (): Promise<Record<string, string>> => {
    const bearer = await credentials.bearer();
    return bearer ? { ...cookieHeaders, authorization: `Bearer ${bearer}` } : cookieHeaders;
  };

  const tracker = new ConnectionTracker(transport);
  const active = new Set<() => void>();
  let ws: TRPCWebSocketClient | null = null;
  let subscriptionLink: TRPCLink<ParleyRouter>;

  if (transport === 'ws') {
    if (!WebSocketImpl) {
      throw new TypeError(
        "Parley client: transport 'ws' needs a WebSocket implementation (pass `WebSocket`)",
      );
    }
    const socket = createWSClient({
      url: `${base.replace(/^http/i, 'ws')}/trpc`,
      WebSocket: WebSocketImpl as typeof WebSocket,
      // Re-read on every (re)connect, so a refreshed token is what the new socket presents.
      connectionParams: async () => {
        const bearer = await credentials.bearer();
        return bearer ? { token: bearer } : {};
      },
      retryDelayMs,
      // A plain close (lazy close, token change without subscriptions) reports no state of
      // its own; a reconnect reports `connecting` right after this callback.
      onClose: () => {
        queueMicrotask(() => {
          if (!closed && tracker.state === 'open') tracker.set('idle');
        });
      },
      // Opened by the first subscription; closed again a while after the last one ends.
      lazy: { enabled: true, closeMs: 10_000 },
      keepAlive: { enabled: true, intervalMs: 15_000, pongTimeoutMs: 5_000 },
    });
    socket.connectionState.subscribe({
      next: (state) => {
        if (!closed) tracker.set(fromTrpcState(state));
      },
    });
    ws = socket;
    subscriptionLink = wsLink<ParleyRouter>({ client: socket, transformer: superjson });
    // The server reads the credential once per socket: a new one needs a new socket.
    // Closing it makes tRPC reconnect and re-send live subscriptions with their last ids.
    credentials.onChange(() => {
      const connection = socket.connection;
      if (connection && connection.state !== 'closed') connection.ws.close();
    });
  } else if (transport === 'sse') {
    if (!EventSourceImpl || !fetchImpl) {
      throw new TypeError(
        "Parley client: transport 'sse' needs fetch and an EventSource implementation",
      );
    }
    const fetchWithAuth: FetchLike = async (input, init) => {
      const headers = new Headers(init?.headers);
      for (const [key, value] of Object.entries(await authHeaders())) headers.set(key, value);
      return fetchImpl(input, { ...init, headers });
    };
    subscriptionLink = httpSubscriptionLink<ParleyRouter, typeof EventSource>({
      url: httpUrl,
      transformer: superjson,
      EventSource: EventSourceImpl as unknown as typeof EventSource,
      // eventsource@3 takes `fetch`; the DOM's EventSourceInit type does not know it.
      eventSourceOptions: () => ({ fetch: fetchWithAuth }) as EventSourceInit,
    });
  } else {
    subscriptionLink = noSubscriptionsLink();
  }

  const links: TRPCLink<ParleyRouter>[] = [
    errorLink(() => closed),
    recoveryLink({
      credentials,
      sseStates: transport === 'sse' ? new SubscriptionStates(tracker) : null,
      retryDelayMs,
      active,
    }),
    splitLink({
      condition: (op) => op.type === 'subscription',
      true: subscriptionLink,
      false: httpBatchLink({
        url: httpUrl,
        transformer: superjson,
        fetch: fetchImpl,
        headers: authHeaders,
        maxURLLength: 4_000,
        maxItems: 25,
      }),
    }),
  ];

  const trpc = createTRPCClient<ParleyRouter>({ links });
  let client: ParleyClient;
  const chat = createChatApi({
    client: () => client,
    streaming: transport !== 'http',
    // The widget flow: a chat that acts with a session's client secret gets a client of its own.
    withClientSecret: (clientSecret) =>
      createClient(
        {
          url: options.url,
          transport: options.transport,
          WebSocket: options.WebSocket,
          EventSource: options.EventSource,
          fetch: options.fetch,
          retryDelayMs: options.retryDelayMs,
          clientSecret,
        },
        platform,
      ),
  });

  const extras: ParleyClientExtras = {
    chat: chat.api,
    media: createMediaApi({ base, fetch: fetchImpl, credentials }),
    connection: tracker,
    setTokens: (tokens) => credentials.set(tokens),
    async close() {
      if (closed) return;
      await chat.closeAll();
      closed = true;
      for (const end of [...active]) end();
      tracker.set('closed');
      credentials.close();
      await ws?.close();
    },
  };

  client = new Proxy(trpc as object, {
    get(target, key, receiver) {
      if (typeof key === 'string' && EXTRA_KEYS.has(key)) {
        return extras[key as keyof ParleyClientExtras];
      }
      return Reflect.get(target, key, receiver);
    },
  }) as ParleyClient;
  return client;
}

export type { ParleyTokens };
