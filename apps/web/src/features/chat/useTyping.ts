import { useCallback, useEffect, useRef, useState } from 'react';
import type { SessionEvent } from '../../api';

/**
 * How long "Aylin is typing…" stays without news: typing events are live only (never
 * replayed, and one may be lost while a stream joins), so a `true` whose `false` never
 * came must not say so for good.
 */
export const PERSON_TYPING_MS = 6000;
/** After this long without a keystroke the customer is no longer typing. */
export const TYPING_IDLE_MS = 3000;
/**
 * While the customer keeps typing, `true` is said again at most this often: the agent's
 * side forgets a `true` after a few seconds, and a key press each time would be a call
 * per key.
 */
export const TYPING_REPEAT_MS = 4000;

/**
 * The agent's "is typing", from the conversation's `typing` events with actor `agent`:
 * their name while they type, null when they stop, send, or say nothing for
 * `PERSON_TYPING_MS`. Only while `active` (an agent holds the conversation).
 */
export function useAgentTyping(active: boolean): {
  name: string | null;
  onEvent: (event: SessionEvent) => void;
} {
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
      if (event.type === 'typing' && event.actor === 'agent') {
        if (!event.typing) return clear();
        clearTimeout(timer.current);
        timer.current = setTimeout(clear, PERSON_TYPING_MS);
        setName(event.name ?? '');
        return;
      }
      // Their message is what they were typing.
      if (event.type === 'message.created' && event.message.role === 'agent') clear();
    },
    [clear],
  );
  return { name: active ? name : null, onEvent };
}

/**
 * Tells the agent whether the customer is typing (`sessions.typing`): `true` when typing
 * starts (again at most every `TYPING_REPEAT_MS` while it goes on), `false` after
 * `TYPING_IDLE_MS` without a key, when the box is emptied, on send, when the agent
 * leaves (`enabled` false) and when the chat closes. Nothing at all while not enabled:
 * the assistant does not need it.
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
