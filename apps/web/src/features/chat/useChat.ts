import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { api, type Session, useSessionEvents } from '../../api';
import { errorDetails } from '../../lib/errors';
import { newUuid } from '../../lib/ids';
import { type ChatEntry, chatReducer, initialChatState } from './chat-state';
import type { LiveSessions } from './live-sessions';

const HISTORY_PAGE = 100;

/**
 * One conversation, live: its stored history, a session over it with the event stream,
 * and `send` with an optimistic message. Mount it with `key={conversationId}`.
 */
export function useChat(conversationId: string, sessions: LiveSessions) {
  const [state, dispatch] = useReducer(chatReducer, initialChatState);
  const [session, setSession] = useState<Session>();
  const [sessionError, setSessionError] = useState<unknown>(null);
  const [inFlight, setInFlight] = useState(0);
  const utils = api.useUtils();
  const sendMutation = api.sessions.send.useMutation();
  const { mutateAsync: sendAsync } = sendMutation;

  const attach = useCallback(
    (created: Promise<{ session: Session }>) =>
      created.then(
        (c) => {
          setSession(c.session);
          setSessionError(null);
          return c.session;
        },
        (error: unknown) => {
          setSessionError(error);
          throw error;
        },
      ),
    [],
  );
  const sessionPromise = useRef<Promise<Session> | null>(null);
  useEffect(() => {
    const opened = attach(sessions.open(conversationId));
    opened.catch(() => {});
    sessionPromise.current = opened;
  }, [conversationId, sessions, attach]);

  const history = api.conversations.messages.useInfiniteQuery(
    { conversationId, limit: HISTORY_PAGE },
    {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
      staleTime: Number.POSITIVE_INFINITY,
      refetchOnWindowFocus: false,
    },
  );
  const { hasNextPage, isFetchingNextPage, fetchNextPage, data: historyData } = history;
  useEffect(() => {
    // Oldest first: keep reading until the newest page is in.
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  useEffect(() => {
    if (historyData)
      dispatch({ type: 'history', messages: historyData.pages.flatMap((p) => p.items) });
  }, [historyData]);

  // Transient drops resume by themselves (the SDK resubscribes from the last event id);
  // this reports a stream that stopped for good.
  const events = useSessionEvents(session?.id, {
    onEvent: (event) => dispatch({ type: 'event', event }),
  });

  /** The session to send to; a failed attempt to open one is tried again here. */
  const currentSession = useCallback(async () => {
    try {
      if (sessionPromise.current) return await sessionPromise.current;
    } catch {
      // fall through: open again
    }
    sessionPromise.current = attach(sessions.open(conversationId));
    return sessionPromise.current;
  }, [attach, sessions, conversationId]);

  const deliver = useCallback(
    async (clientMessageId: string, content: string) => {
      setInFlight((n) => n + 1);
      try {
        for (let attempt = 0; ; attempt++) {
          const current = await currentSession();
          try {
            const result = await sendAsync({ sessionId: current.id, content, clientMessageId });
            dispatch({ type: 'sent', clientMessageId, result });
            // The first message names the conversation; the sidebar re-sorts by activity.
            void utils.conversations.list.invalidate();
            void utils.conversations.get.invalidate({ id: conversationId });
            return;
          } catch (error) {
            // The session ended or expired while the page was open: open a new one, send again.
            if (errorDetails(error).code === 'PRECONDITION_FAILED' && attempt === 0) {
              sessionPromise.current = attach(sessions.renew(conversationId));
              continue;
            }
            throw error;
          }
        }
      } catch (error) {
        dispatch({ type: 'send-failed', clientMessageId, error: errorDetails(error).message });
      } finally {
        setInFlight((n) => n - 1);
      }
    },
    [conversationId, sessions, sendAsync, attach, utils, currentSession],
  );

  const send = useCallback(
    (content: string, clientMessageId = newUuid()) => {
      dispatch({ type: 'sending', clientMessageId, content, at: new Date() });
      void deliver(clientMessageId, content);
    },
    [deliver],
  );

  const retry = useCallback(
    (entry: ChatEntry) => {
      if (!entry.clientMessageId) return;
      dispatch({
        type: 'sending',
        clientMessageId: entry.clientMessageId,
        content: entry.content,
        at: entry.createdAt,
      });
      void deliver(entry.clientMessageId, entry.content);
    },
    [deliver],
  );

  const streaming = state.entries.some((e) => e.streaming);
  const awaitingReply = inFlight > 0 && state.entries.at(-1)?.role === 'user';
  return {
    entries: state.entries,
    ended: state.ended,
    /** The assistant is working on an answer and has not started writing it yet. */
    typing: (state.assistantTyping || awaitingReply) && !streaming,
    history,
    session,
    sessionError,
    eventsError: events.error,
    resumeEvents: events.reset,
    send,
    retry,
  };
}
