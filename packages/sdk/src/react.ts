/**
 * @parley/sdk/react: React Query hooks for the Parley API through @trpc/react-query.
 *
 * The provider takes a client made by `createParleyClient`: the hooks use its links,
 * so credentials, token refresh, reconnection and ParleyError mapping are the same.
 */
import { type QueryClient, QueryClientProvider, skipToken } from '@tanstack/react-query';
import { type CreateTRPCReact, createTRPCReact } from '@trpc/react-query';
import { createElement, type ReactElement, type ReactNode, useEffect, useRef } from 'react';
import type { ParleyClient } from './client';
import type { ParleyError } from './errors';
import type { ParleyRouter, SessionEvent } from './generated/router';

export type { ParleyClient } from './client';
export type { ParleyError } from './errors';
export type { ParleyRouter, SessionEvent } from './generated/router';

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
}

const trpc: ParleyTRPCReact = /* @__PURE__ */ createTRPCReact<ParleyRouter>();

/** Provides the client and React Query to the hooks below it. */
export function ParleyProvider({
  client,
  queryClient,
  children,
}: ParleyProviderProps): ReactElement {
  return createElement(trpc.Provider, {
    client,
    queryClient,
    // biome-ignore lint/correctness/noChildrenProp: tRPC's Provider types `children` as a required prop
    children: createElement(QueryClientProvider, { client: queryClient }, children),
  });
}

/**
 * Subscribes to a session's events. An `undefined`/`null`/empty session id does not
 * subscribe (it waits, via React Query's `skipToken`), so a page whose id is still
 * loading never sends `sessionId: "undefined"` (LESSONS row 12).
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

/**
 * The hooks and provider, typed for the Parley API. One instance per app (the same one
 * on every call):
 *
 * ```tsx
 * export const { trpc, ParleyProvider, useSessionEvents } = createParleyReact();
 * ```
 */
export function createParleyReact(): ParleyReact {
  return { trpc, ParleyProvider, useSessionEvents };
}

export { trpc };
