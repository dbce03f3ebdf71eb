/**
 * Where the credentials live: the refresh token in localStorage (it survives a reload),
 * the access token only in memory (a reload gets a fresh one through the refresh token).
 */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: Date;
}

type TokenPairWithUser = TokenPair & { user: unknown };

const REFRESH_KEY = 'parley.refreshToken';

type Listener = () => void;

export class TokenStore {
  private access: { token: string; expiresAt: Date } | undefined;
  private readonly listeners = new Set<Listener>();
  private refreshing: Promise<TokenPairWithUser | undefined> | undefined;

  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>) {}

  get accessToken(): string | undefined {
    return this.access?.token;
  }

  get refreshToken(): string | undefined {
    try {
      return this.storage.getItem(REFRESH_KEY) ?? undefined;
    } catch {
      return undefined; // storage blocked (private mode): the session lasts until reload
    }
  }

  set(tokens: TokenPair): void {
    this.access = { token: tokens.accessToken, expiresAt: tokens.accessTokenExpiresAt };
    try {
      this.storage.setItem(REFRESH_KEY, tokens.refreshToken);
    } catch {
      // Storage unavailable: keep working with the access token in memory.
    }
    this.emit();
  }

  clear(): void {
    this.access = undefined;
    try {
      this.storage.removeItem(REFRESH_KEY);
    } catch {
      // nothing stored
    }
    this.emit();
  }

  /**
   * Exchanges the stored refresh token for a new pair, at most once at a time: a refresh
   * token works once, and a second use would revoke the whole session.
   */
  refreshOnce<T extends TokenPairWithUser>(
    refresh: (input: { refreshToken: string }) => Promise<T>,
  ): Promise<T | undefined> {
    const refreshToken = this.refreshToken;
    if (!refreshToken) return Promise.resolve(undefined);
    this.refreshing ??= refresh({ refreshToken })
      .then((result) => {
        this.set(result);
        return result;
      })
      .finally(() => {
        this.refreshing = undefined;
      });
    return this.refreshing as Promise<T | undefined>;
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
