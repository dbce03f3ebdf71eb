import { useCallback, useEffect, useRef, useState } from 'react';
import type { SessionEvent } from '../api';

/**
 * How long "Aylin is typing…" stays without news: typing events are live only (never
 * replayed, and one may be lost while a stream joins), so a `true` whose `false` never
 * came must not say so for good.
 */
export const PERSON_TYPING_MS = 6000;
/** After this long without a keystroke one is no longer typing. */
export const TYPING_IDLE_MS = 3000;
/**
 * While one keeps typing, `true` is said again at most this often: the other side
 * forgets a `true` after `PERSON_TYPING_MS`, and a key press each time would be a call
 * per key.
 */
export const TYPING_REPEAT_MS = 4000;

/**
 * The other person's "is typing", from the conversation's live `typing` events of
 * `actor` (the agent, on the customer's screen; the customer, `user`, on the agent's):
 * their name ('' when the event names nobody) while they type, null when they stop,
 * when their message arrives (a lost `false` on a flaky line), or after
 * `PERSON_TYPING_MS` without news. Only while `active`.
 */
export function usePersonTyping(
  actor: 'agent' | 'user',
  active = true,
): { name: string | null; onEvent: (event: SessionEvent) => void } {
  const [name, setName] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const clear = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    setName(null);
  }, []);
  useEffect(() => {
    if (!active) clear();
  }, [active, clear]);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onEvent = useCallback(
    (event: SessionEvent) => {
      if (event.type === 'typing' && event.actor === actor) {
        if (!event.typing) return clear();
        clearTimeout(timer.current);
        timer.current = setTimeout(clear, PERSON_TYPING_MS);
        setName(event.name ?? '');
        return;
      }
      // Their message is what they were typing.
      if (event.type === 'message.created' && event.message.role === actor) clear();
    },
    [actor, clear],
  );
  return { name: active ? name : null, onEvent };
}

/**
 * Tells the other person whether we are typing (`sessions.typing`): `true` when typing
 * starts (again at most every `TYPING_REPEAT_MS` while it goes on), `false` after
 * `TYPING_IDLE_MS` without a key, when the box is emptied, on send, when `enabled` goes
 * false (the agent left) and when the chat closes. Nothing at all while not enabled: the
 * assistant does not need it.
 */
export function useTypingSignal(
  enabled: boolean,
  send: (typing: boolean) => unknown,
): { onInput: (text: string) => void; onSent: () => void } {
  const typing = useRef(false);
  const lastTrue = useRef(0);
  const idle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const sendRef = useRef(send);
  sendRef.current = send;
  const stop = useCallback(() => {
    clearTimeout(idle.current);
    idle.current = undefined;
    if (!typing.current) return;
    typing.current = false;
    void sendRef.current(false);
  }, []);
  useEffect(() => {
    if (!enabled) stop();
  }, [enabled, stop]);
  useEffect(() => stop, [stop]);
  const onInput = useCallback(
    (text: string) => {
      if (!enabled) return;
      if (text.trim() === '') return stop();
      const now = Date.now();
      if (!typing.current || now - lastTrue.current >= TYPING_REPEAT_MS) {
        typing.current = true;
        lastTrue.current = now;
        void sendRef.current(true);
      }
      clearTimeout(idle.current);
      idle.current = setTimeout(stop, TYPING_IDLE_MS);
    },
    [enabled, stop],
  );
  return { onInput, onSent: stop };
}
