import { type RefObject, useCallback, useLayoutEffect, useRef } from 'react';

/** How close to the bottom still counts as "reading the newest messages". */
const NEAR_BOTTOM_PX = 48;

/**
 * Keeps an agent's transcript at its newest message: when a conversation opens (its
 * history arrives after the first render) and whenever a message arrives or grows, as
 * long as the agent has not scrolled up to read older ones. Their own sends always
 * bring them back down. Returns the list's onScroll handler.
 */
export function useFollowNewest(
  list: RefObject<HTMLElement | null>,
  newest: { key: string; length: number; mine: boolean } | undefined,
): () => void {
  // True until the agent scrolls away from the bottom; again once they scroll back.
  const follow = useRef(true);
  const key = newest?.key;
  const length = newest?.length;
  const mine = newest?.mine ?? false;
  useLayoutEffect(() => {
    const node = list.current;
    if (!node || key === undefined) return;
    if (!follow.current && !mine) return;
    node.scrollTop = node.scrollHeight;
    follow.current = true;
    // On a phone the transcript sits below the waiting list, off screen: the page moves
    // too, as little as it takes to show the newest message (nothing when it shows).
    const last = node.lastElementChild;
    if (last && typeof last.scrollIntoView === 'function')
      last.scrollIntoView({ block: 'nearest' });
  }, [list, key, length, mine]);
  return useCallback(() => {
    const node = list.current;
    if (!node) return;
    follow.current = node.scrollHeight - node.scrollTop - node.clientHeight < NEAR_BOTTOM_PX;
  }, [list]);
}
