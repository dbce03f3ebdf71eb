import { type RefObject, type UIEvent, useCallback, useLayoutEffect, useRef } from 'react';
import type { ChatMessage } from '../../api';

/** How close to the bottom still counts as "reading the newest". */
const NEAR_BOTTOM_PX = 80;
/** Room left above an answer's first line when it is scrolled to. */
const ANSWER_MARGIN_PX = 12;

/**
 * Keeps the newest message in view as a person chats, without skipping a long answer:
 * a question they send scrolls to the bottom; an answer to it (or a message from someone
 * new, such as an agent who joined) scrolls in until its start reaches the top of the pane and then stays there while the rest (text, cards) arrives
 * below, so it is read from its first line. A person who has scrolled up to read history
 * is left where they are. Returns the scroll container's onScroll handler.
 */
export function useReplyScroll(
  scroller: RefObject<HTMLElement | null>,
  entries: readonly ChatMessage[],
  typing: boolean,
): (event: UIEvent<HTMLElement>) => void {
  /** False once the person scrolls away from the newest messages. */
  const follow = useRef(true);
  /** The answer whose first line must stay in view. */
  const anchor = useRef<string | undefined>(undefined);
  const previousLast = useRef<string | undefined>(undefined);
  /** Where this hook last scrolled to: its own scroll events say nothing about the person. */
  const ownScrollTop = useRef<number | undefined>(undefined);

  const last = entries.at(-1);
  const previous = entries.at(-2);
  useLayoutEffect(() => {
    const node = scroller.current;
    if (last && last.key !== previousLast.current) {
      previousLast.current = last.key;
      if (last.role === 'user') {
        anchor.current = undefined;
        // A message sent from here: the person wants to see it and the answer coming.
        if (last.status === 'sending') follow.current = true;
      } else if (previous?.role !== last.role) {
        // An answer to the person, or someone else speaking (an agent after the
        // assistant): read from its first line. More from the same speaker keeps the anchor.
        anchor.current = last.key;
      }
    }
    if (!node || !follow.current) return;
    const bottom = node.scrollHeight - node.clientHeight;
    let target = bottom;
    const answer = anchor.current
      ? node.querySelector<HTMLElement>(`[data-entry="${anchor.current}"]`)
      : null;
    if (answer) {
      const start =
        answer.getBoundingClientRect().top -
        node.getBoundingClientRect().top +
        node.scrollTop -
        ANSWER_MARGIN_PX;
      // Past the start already (the person scrolled on): follow the bottom again.
      if (node.scrollTop <= start + 1) target = Math.min(bottom, start);
    }
    if (Math.abs(node.scrollTop - target) < 1) return;
    node.scrollTop = target;
    ownScrollTop.current = node.scrollTop;
  }, [scroller, last, previous?.role, typing]);

  return useCallback((event: UIEvent<HTMLElement>) => {
    const n = event.currentTarget;
    if (ownScrollTop.current !== undefined && Math.abs(n.scrollTop - ownScrollTop.current) < 1)
      return;
    ownScrollTop.current = undefined;
    follow.current = n.scrollHeight - n.scrollTop - n.clientHeight < NEAR_BOTTOM_PX;
  }, []);
}
