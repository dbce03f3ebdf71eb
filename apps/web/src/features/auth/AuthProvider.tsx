import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  type ReactNode,
  use,
  useCallback,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { type AuthResult, api, type User } from '../../api';
import { isAuthError } from '../../lib/errors';
import { clearDrafts } from '../chat/draft';
import type { TokenStore } from './tokens';

/**
 * `guest`: chatting without an account (`auth.guest`); sign-up or sign-in moves the
 * guest's conversations to the account. `unreachable`: we hold a credential but could
 * not check it (server down, offline).
 */
export type AuthStatus = 'loading' | 'signed-in' | 'guest' | 'signed-out' | 'unreachable';

/** A guest's access token this close to expiry is refreshed before it is handed over. */
const GUEST_TOKEN_MARGIN_MS = 60_000;

interface AuthValue {
  status: AuthStatus;
  /** The person signed in, or the guest (role `guest`). */
  user: User | undefined;
  error: unknown;
  retry(): void;
  /** After register or login: keep the tokens and show the user as signed in. */
  signedIn(result: AuthResult): void;
  /**
   * Starts a guest, so a visitor can chat and save favourites without an account; calls
   * made while one is being started share it.
   */
  startGuest(): Promise<void>;
  /**
   * The guest's access token for `auth.register`/`auth.login` (`guestToken`), refreshed
   * first when it is about to expire; undefined when this is not a guest.
   */
  guestToken(): Promise<string | undefined>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

type Boot = { state: 'pending' } | { state: 'done' } | { state: 'failed'; error: unknown };

/**
 * Who is signed in. After a reload only the refresh cookie is left (httpOnly, set by the
 * server): it is exchanged once for a new pair before anything that needs the user runs;
 * later expiries are handled silently by the SDK, which reports each new pair.
 */
export function AuthProvider({
  tokens,
  onCredentialsChanged,
  children,
}: {
  tokens: TokenStore;
  /** Called whenever the tokens are replaced here, to hand them to the SDK client. */
  onCredentialsChanged: () => void;
  children: ReactNode;
}) {
  const queryClient = useQueryClient();
  const utils = api.useUtils();
  const refresh = api.auth.refresh.useMutation();
  const logout = api.auth.logout.useMutation();
  const guest = api.auth.guest.useMutation();
  const [boot, setBoot] = useState<Boot>(() =>
    tokens.wasSignedIn && !tokens.accessToken ? { state: 'pending' } : { state: 'done' },
  );
  const hasAccess = useSyncExternalStore(
    (listener) => tokens.subscribe(listener),
    () => tokens.accessToken !== undefined,
  );

  const { mutateAsync: refreshAsync } = refresh;
  const bootstrap = useCallback(() => {
    setBoot({ state: 'pending' });
    tokens.refreshOnce(refreshAsync).then(
      (result) => {
        if (result) {
          // A person signed in with a password or a refresh token, never an API key.
          utils.auth.me.setData(undefined, { ...result.user, apiKey: null });
          onCredentialsChanged();
        }
        setBoot({ state: 'done' });
      },
      (error: unknown) => {
        // A revoked or expired refresh cookie: the user signs in again.
        if (isAuthError(error)) {
          tokens.clear();
          setBoot({ state: 'done' });
        } else setBoot({ state: 'failed', error });
      },
    );
  }, [tokens, refreshAsync, utils, onCredentialsChanged]);

  // Once, on start (bootstrap is stable; boot changes as a result of it).
  useEffect(() => {
    if (boot.state === 'pending') bootstrap();
  }, []);

  const me = api.auth.me.useQuery(undefined, {
    enabled: hasAccess && boot.state === 'done',
    staleTime: 5 * 60_000,
  });
  const rejected = hasAccess && me.error !== null && isAuthError(me.error);
  useEffect(() => {
    // The SDK could not refresh (the session was revoked elsewhere): sign out here too.
    if (rejected) {
      tokens.clear();
      onCredentialsChanged();
    }
  }, [rejected, tokens, onCredentialsChanged]);

  // A guest signing up keeps an access token throughout, so nothing else re-renders this
  // provider: without it, its auth.me observer would still hold the cleared guest's query.
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const signedIn = useCallback(
    (result: AuthResult, { fromVisitor = false }: { fromVisitor?: boolean } = {}) => {
      rerender();
      if (!fromVisitor) queryClient.clear();
      tokens.set(result);
      // A person signed in with a password or a refresh token, never an API key.
      utils.auth.me.setData(undefined, { ...result.user, apiKey: null });
      onCredentialsChanged();
      // A visitor becoming a guest had no data of their own: the page's data is read again,
      // with the guest's token, and stays drawn meanwhile (its cards, and the heart that
      // has the focus, are not drawn anew).
      if (fromVisitor) void queryClient.invalidateQueries();
    },
    [queryClient, tokens, utils, onCredentialsChanged],
  );

  const { mutateAsync: guestAsync } = guest;
  // One guest per visitor: whatever asks for one while it is being made (the chat, the
  // hearts of a page of cards pressed quickly) waits for that same one.
  const startingGuest = useRef<Promise<void> | undefined>(undefined);
  const startGuest = useCallback(() => {
    startingGuest.current ??= guestAsync()
      .then((result) => signedIn(result, { fromVisitor: true }))
      .finally(() => {
        startingGuest.current = undefined;
      });
    return startingGuest.current;
  }, [guestAsync, signedIn]);

  const isGuest = hasAccess && me.data?.role === 'guest';
  const guestToken = useCallback(async () => {
    if (!isGuest) return undefined;
    const expiresAt = tokens.accessTokenExpiresAt?.getTime() ?? 0;
    if (expiresAt - Date.now() < GUEST_TOKEN_MARGIN_MS) {
      await tokens.refreshOnce(refreshAsync);
      onCredentialsChanged();
    }
    return tokens.accessToken;
  }, [isGuest, tokens, refreshAsync, onCredentialsChanged]);

  // Signed out in another tab: the session is revoked there, so this tab shows the
  // signed-out state at once (with its Sign in) instead of failing call after call.
  // Signed in in another tab while this one is signed out: take up that session.
  useEffect(
    () =>
      tokens.watchOtherTabs(window, (signedInThere) => {
        if (!signedInThere) {
          if (tokens.accessToken === undefined) return;
          void queryClient.cancelQueries();
          tokens.clear();
          onCredentialsChanged();
          queryClient.clear();
        } else if (tokens.accessToken === undefined) bootstrap();
      }),
    [tokens, queryClient, onCredentialsChanged, bootstrap],
  );

  const { mutateAsync: logoutAsync } = logout;
  const signOut = useCallback(async () => {
    try {
      // Queries on their way would be refused once the session is revoked: stop them.
      await queryClient.cancelQueries();
      // The server revokes the cookie's session and clears the cookie.
      await logoutAsync({});
    } catch {
      // Signing out locally must work even when the server cannot be reached.
    } finally {
      tokens.clear();
      // Unsent words stay with their writer, not with the next person at this browser.
      clearDrafts();
      onCredentialsChanged();
      queryClient.clear();
    }
  }, [logoutAsync, tokens, queryClient, onCredentialsChanged]);

  const status: AuthStatus =
    boot.state === 'pending'
      ? 'loading'
      : boot.state === 'failed'
        ? 'unreachable'
        : !hasAccess || rejected
          ? 'signed-out'
          : me.data
            ? me.data.role === 'guest'
              ? 'guest'
              : 'signed-in'
            : me.error
              ? 'unreachable'
              : 'loading';
  const { refetch } = me;
  const retry = useCallback(() => {
    if (boot.state === 'failed') bootstrap();
    else void refetch();
  }, [boot.state, bootstrap, refetch]);
  const error = boot.state === 'failed' ? boot.error : me.error;

  const value = useMemo<AuthValue>(
    () => ({
      status,
      user: status === 'signed-in' || status === 'guest' ? me.data : undefined,
      error: status === 'unreachable' ? error : null,
      retry,
      signedIn,
      startGuest,
      guestToken,
      signOut,
    }),
    [status, me.data, error, retry, signedIn, startGuest, guestToken, signOut],
  );
  return <AuthContext value={value}>{children}</AuthContext>;
}

export function useAuth(): AuthValue {
  const value = use(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/**
 * The same, or null outside <AuthProvider>: for parts drawn on every page (a listing
 * card's heart) that should also render alone, as in a component test of one page.
 */
export function useMaybeAuth(): AuthValue | null {
  return use(AuthContext);
}
