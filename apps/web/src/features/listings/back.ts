/**
 * Where "Back" on a listing leads. Every link to a listing carries the page it was
 * followed from (`state.from`, a path with its query), so Back says and goes where the
 * person came from: the chat, the search with its filters, their favourites.
 */
export interface FromState {
  from?: string;
}

export type BackLabel = 'chat' | 'listings' | 'favorites' | 'home' | 'listing';

export function backFrom(state: unknown): { to: string; label: BackLabel; known: boolean } {
  const from = (state as FromState | null)?.from;
  if (typeof from !== 'string' || !from.startsWith('/') || from.startsWith('//'))
    return { to: '/listings', label: 'listings', known: false };
  const path = from.split(/[?#]/)[0]!;
  const label: BackLabel = path.startsWith('/chat')
    ? 'chat'
    : path.startsWith('/favorites')
      ? 'favorites'
      : path.startsWith('/listings/')
        ? 'listing'
        : path === '/'
          ? 'home'
          : 'listings';
  return { to: from, label, known: true };
}
