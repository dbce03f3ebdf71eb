import { useCallback, useMemo, useRef } from 'react';
import { api, type SessionCreated } from '../../api';

export interface LiveSessions {
  /** The live session over a conversation, created once and shared (also under StrictMode). */
  open(conversationId: string): Promise<SessionCreated>;
  /** A new session after the old one ended or expired. */
  renew(conversationId: string): Promise<SessionCreated>;
  /** A new conversation and its session, in one call. */
  startNew(): Promise<SessionCreated>;
}

/** `sessions.create` behind a small cache: opening a conversation twice reuses its session. */
export function useLiveSessions(): LiveSessions {
  const create = api.sessions.create.useMutation();
  const { mutateAsync } = create;
  const cache = useRef(new Map<string, Promise<SessionCreated>>());

  const remember = useCallback((conversationId: string, created: Promise<SessionCreated>) => {
    cache.current.set(conversationId, created);
    created.catch(() => {
      if (cache.current.get(conversationId) === created) cache.current.delete(conversationId);
    });
    return created;
  }, []);

  const renew = useCallback(
    (conversationId: string) => remember(conversationId, mutateAsync({ conversationId })),
    [mutateAsync, remember],
  );
  const open = useCallback(
    (conversationId: string) => cache.current.get(conversationId) ?? renew(conversationId),
    [renew],
  );
  const startNew = useCallback(async () => {
    const created = await mutateAsync({});
    remember(created.conversation.id, Promise.resolve(created));
    return created;
  }, [mutateAsync, remember]);

  return useMemo(() => ({ open, renew, startNew }), [open, renew, startNew]);
}
