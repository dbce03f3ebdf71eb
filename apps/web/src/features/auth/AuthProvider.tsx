import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  type ReactNode,
  use,
  useCallback,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
} from 'react';
import { type AuthResult, api, type User } from '../../api';
import { isAuthError } from '../../lib/errors';
import type { TokenStore } from './tokens';

/** `unreachable`: we hold a credential but could not check it (server down, offline). */
export type AuthStatus = 'loading' | 'signed-in' | 'signed-out' | 'unreachable';

interface AuthValue {
  status: AuthStatus;
  user: User | undefined;
  error: unknown;
  retry(): void;
  /** After register or login: keep the tokens and show the user as signed in. */
  signedIn(result: AuthResult): void;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

type Boot = { state: 'pending' } | { state: 'done' } | { state: 'failed'; error: unknown };

/**
 * Who is signed in. After a reload only the refresh token is left (localStorage): it is
 * exchanged once for a new pair before anything that needs the user runs; later expiries
 * are handled silently by the SDK, which reports each new pair to the token store.
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
  const [boot, setBoot] = useState<Boot>(() =>
    tokens.refreshToken && !tokens.accessToken ? { state: 'pending' } : { state: 'done' },
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
          utils.auth.me.setData(undefined, result.user);
          onCredentialsChanged();
        }
        setBoot({ state: 'done' });
      },
      (error: unknown) => {
        // A revoked or expired refresh token: forget it, the user signs in again.
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

  const signedIn = useCallback(
    (result: AuthResult) => {
      queryClient.clear();
      tokens.set(result);
      utils.auth.me.setData(undefined, result.user);
      onCredentialsChanged();
    },
    [queryClient, tokens, utils, onCredentialsChanged],
  );

  const { mutateAsync: logoutAsync } = logout;
  const signOut = useCallback(async () => {
    const refreshToken = tokens.refreshToken;
    try {
      await logoutAsync(refreshToken ? { refreshToken } : {});
    } catch {
      // Signing out locally must work even when the server cannot be reached.
    } finally {
      tokens.clear();
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
            ? 'signed-in'
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
      user: status === 'signed-in' ? me.data : undefined,
      error: status === 'unreachable' ? error : null,
      retry,
      signedIn,
      signOut,
    }),
    [status, me.data, error, retry, signedIn, signOut],
  );
  return <AuthContext value={value}>{children}</AuthContext>;
}

export function useAuth(): AuthValue {
  const value = use(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}
