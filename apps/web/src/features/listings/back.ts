/**
 * Where "Back" on a listing leads. Every link to a listing carries the page it was
 * followed from (`state.from`, a path with its query), so Back says and goes where the
 * person came from: the chat, the search with its filters, their favourites.
 */
export interface FromState {
  from?: string;
}

export type BackLabel =
  | 'chat'
  | 'listings'
  | 'favorites'
  | 'home'
  | 'listing'
  | 'mine'
  /** A page of the app that is none of the above (an alert, a saved search): plain "Back". */
  | 'back';

/**
 * `inApp`: the person got here from another page of this app (history has a page before
 * this one), even by a link that said nothing of where it was (an alert in the bell).
 */
export function backFrom(
  state: unknown,
  inApp = false,
): { to: string; label: BackLabel; known: boolean } {
  const from = (state as FromState | null)?.from;
  if (typeof from !== 'string' || !from.startsWith('/') || from.startsWith('//'))
    return inApp
      ? { to: '/listings', label: 'back', known: true }
      : { to: '/listings', label: 'listings', known: false };
  const path = from.split(/[?#]/)[0]!;
  const label: BackLabel = path.startsWith('/chat')
    ? 'chat'
    : path.startsWith('/favorites')
      ? 'favorites'
      : path.startsWith('/listings/')
        ? 'listing'
        : path === '/listings'
          ? 'listings'
          : path.startsWith('/my-listings')
            ? 'mine'
            : path === '/'
              ? 'home'
              : 'back';
  return { to: from, label, known: true };
}
