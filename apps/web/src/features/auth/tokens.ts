/**
 * Where the credentials live: the refresh token in an httpOnly cookie the server sets
 * (no script of the page can read it, so an injected script cannot steal a 30-day
 * credential), the access token only in memory. Storage keeps one non-secret hint,
 * "this browser was signed in", so a reload knows to ask the server for a new access
 * token (with the cookie) and a first-time visitor's page makes no such call.
 */
export interface TokenPair {
  accessToken: string;
  /** Empty in cookie mode: the server keeps the refresh token in its cookie. */
  refreshToken: string;
  accessTokenExpiresAt: Date;
}

type TokenPairWithUser = TokenPair & { user: unknown };

const SIGNED_IN_KEY = 'parley.signedIn';

type Listener = () => void;

export class TokenStore {
  private access: { token: string; expiresAt: Date } | undefined;
  private readonly listeners = new Set<Listener>();
  private refreshing: Promise<TokenPairWithUser | undefined> | undefined;

  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>) {}

  get accessToken(): string | undefined {
    return this.access?.token;
  }

  get accessTokenExpiresAt(): Date | undefined {
    return this.access?.expiresAt;
  }

  /** Whether this browser was signed in when last seen (the cookie may still be valid). */
  get wasSignedIn(): boolean {
    try {
      return this.storage.getItem(SIGNED_IN_KEY) === '1';
    } catch {
      return false; // storage blocked (private mode): the session lasts until reload
    }
  }

  set(tokens: TokenPair): void {
    this.access = { token: tokens.accessToken, expiresAt: tokens.accessTokenExpiresAt };
    try {
      this.storage.setItem(SIGNED_IN_KEY, '1');
    } catch {
      // Storage unavailable: keep working with the access token in memory.
    }
    this.emit();
  }

  clear(): void {
    this.access = undefined;
    try {
      this.storage.removeItem(SIGNED_IN_KEY);
    } catch {
      // nothing stored
    }
    this.emit();
  }

  /**
   * Asks the server for a new pair with the refresh cookie, at most once at a time in
   * this tab (the SDK coordinates tabs, and the server gives concurrent refreshes the
   * same pair).
   */
  refreshOnce<T extends TokenPairWithUser>(
    refresh: (input: Record<string, never>) => Promise<T>,
  ): Promise<T | undefined> {
    if (!this.wasSignedIn) return Promise.resolve(undefined);
    this.refreshing ??= refresh({})
      .then((result) => {
        this.set(result);
        return result;
      })
      .finally(() => {
        this.refreshing = undefined;
      });
    return this.refreshing as Promise<T | undefined>;
  }

  /**
   * Another tab of this browser signed out (`false`: it removed the hint) or in (`true`),
   * told by the storage event, which fires in every tab but the one that wrote.
   */
  watchOtherTabs(
    target: Pick<Window, 'addEventListener' | 'removeEventListener'>,
    onChange: (signedIn: boolean) => void,
  ): () => void {
    const listener = (event: StorageEvent) => {
      // `key === null`: the other tab cleared all of storage.
      if (event.key !== SIGNED_IN_KEY && event.key !== null) return;
      onChange(event.key !== null && event.newValue === '1');
    };
    target.addEventListener('storage', listener);
    return () => target.removeEventListener('storage', listener);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

/** A store over nothing, for tests and for browsers without storage. */
export function memoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  const map = new Map<string, string>();
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}
