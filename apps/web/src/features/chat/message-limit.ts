/** The longest message the API takes (`sessions.send`'s content). */
export const MESSAGE_MAX = 8000;

/** From this length on the message box counts the characters: the limit is near. */
export const COUNT_FROM = MESSAGE_MAX - 1000;

/**
 * Text pasted into the message box at a selection, kept within `max`: the browser would
 * cut a paste at the box's maxLength without a word, so the box does it itself and says
 * so. `cut` is true when part of the pasted text did not fit.
 */
export function pasteWithin(
  text: string,
  pasted: string,
  selectionStart: number,
  selectionEnd: number,
  max = MESSAGE_MAX,
): { text: string; caret: number; cut: boolean } {
  const before = text.slice(0, selectionStart);
  const after = text.slice(selectionEnd);
  const room = Math.max(0, max - before.length - after.length);
  const kept = pasted.slice(0, room);
  return {
    text: before + kept + after,
    caret: before.length + kept.length,
    cut: kept.length < pasted.length,
  };
}
