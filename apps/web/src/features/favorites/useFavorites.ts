import { useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api, type Listing } from '../../api';
import { useMaybeAuth } from '../auth/AuthProvider';

/** The hearts read one page of the newest favourites: enough for what a person saves. */
const HEARTS = { limit: 100 } as const;

export interface Favorites {
  isFavorite(id: string): boolean;
  /** Saves or drops a listing at once on screen; a refused change is put back. */
  toggle(listing: Listing): void;
  pending: boolean;
}

/**
 * A person's favourites, for the hearts: a signed-in person's or a guest's. A visitor who
 * is neither becomes a guest at their first heart, as at their first chat message
 * (`startGuest`), and signing up or in later keeps what they saved. Only when no guest
 * can be started does a heart lead to sign-in and back to the page it was on.
 */
export function useFavorites(): Favorites {
  const auth = useMaybeAuth();
  const status = auth?.status;
  const known = status === 'signed-in' || status === 'guest';
  const navigate = useNavigate();
  const location = useLocation();
  const utils = api.useUtils();
  const [starting, setStarting] = useState(false);
  const list = api.favorites.list.useQuery(HEARTS, { enabled: known, staleTime: 60_000 });
  const ids = useMemo(() => new Set(list.data?.items.map((l) => l.id)), [list.data]);

  const optimistic = {
    onMutate: async () => {
      await utils.favorites.list.cancel();
      return { before: utils.favorites.list.getData(HEARTS) };
    },
    onError: (
      _e: unknown,
      _v: unknown,
      context?: { before?: ReturnType<typeof utils.favorites.list.getData> },
    ) => {
      if (context?.before) utils.favorites.list.setData(HEARTS, context.before);
    },
    onSettled: () => utils.favorites.list.invalidate(),
  };
  const add = api.favorites.add.useMutation(optimistic);
  const remove = api.favorites.remove.useMutation(optimistic);

  const save = (listing: Listing, saved: boolean) => {
    utils.favorites.list.setData(HEARTS, (page) => {
      const items = page?.items ?? [];
      return {
        nextCursor: page?.nextCursor ?? null,
        items: saved ? items.filter((l) => l.id !== listing.id) : [listing, ...items],
      };
    });
    (saved ? remove : add).mutate({ listingId: listing.id });
  };
  const signIn = () =>
    navigate('/signin', { state: { from: location.pathname + location.search } });

  return {
    isFavorite: (id) => ids.has(id),
    pending: starting || add.isPending || remove.isPending,
    toggle(listing) {
      if (known) {
        save(listing, ids.has(listing.id));
        return;
      }
      // Still finding out who this is (a reload's silent refresh): the press waits for nothing.
      if (status === 'loading' || starting) return;
      if (!auth || status !== 'signed-out') {
        signIn();
        return;
      }
      setStarting(true);
      auth
        .startGuest()
        .then(
          // A new guest has saved nothing yet.
          () => save(listing, false),
          () => signIn(),
        )
        .finally(() => setStarting(false));
    },
  };
}
