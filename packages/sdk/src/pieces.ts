/**
 * The reply so far with a streamed piece placed at its `offset`: a piece repeating text
 * already held (a catch-up for a stream that joined late) changes nothing, one after text
 * this client missed is left for the catch-up. Without an offset (an older server) it is
 * appended.
 */
export function placePiece(text: string, piece: { offset?: number; delta: string }): string {
  const offset = piece.offset ?? text.length;
  if (offset > text.length) return text;
  const placed = text.slice(0, offset) + piece.delta;
  // A catch-up may hold less than a later piece already brought: keep the longer.
  return placed.length >= text.length ? placed : text;
}
