import type { AuthResult } from './generated/router';

/** A signed-in user's token pair, as `auth.login`, `auth.register` and `auth.refresh` return it. */
export interface ParleyTokens {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: Date;
}

type TokenValue = string | null | undefined;

/**
 * How the client proves who it is: exactly one kind of credential, or none (public
 * calls only, such as `auth.register` and `listings.search`).
 */
export type ParleyCredentials =
  | {
      /** An access token (JWT). With `refreshToken` it is refreshed when it expires. */
      token?: string | undefined;
      /**
       * Refresh token: on `UNAUTHORIZED` the client calls `auth.refresh` once (shared by
       * concurrent calls), retries the call and reconnects its socket with the new token.
       */
      refreshToken?: string | undefined;
      /** Called with every new token pair; store it, the old refresh token no longer works. */
      onTokens?: ((tokens: ParleyTokens) => void) | undefined;
      /**
       * Browsers on the server's own origin: the refresh token lives in an httpOnly
       * cookie the server sets on `auth.login`/`register`/`refresh` (their answers carry
       * an empty `refreshToken`), out of reach of the page's scripts. The client refreshes
       * with the cookie, one tab at a time (Web Locks), and tabs share the new access token
       * (BroadcastChannel). Leave `refreshToken` unset.
       */
      refreshCookie?: boolean | undefined;
      getToken?: never;
      apiKey?: never;
      clientSecret?: never;
    }
  | {
      /**
       * Called before every request and socket connection; return the current access
       * token or client secret (e.g. from your own auth layer). After an `UNAUTHORIZED`
       * the call is retried once if it returns a different value.
       */
      getToken: () => TokenValue | Promise<TokenValue>;
      token?: never;
      refreshToken?: never;
      onTokens?: never;
      refreshCookie?: never;
      apiKey?: never;
      clientSecret?: never;
    }
  | {
      /** An API key (`pk_live_...`) with the scopes the calls need. */
      apiKey: string;
      token?: never;
      refreshToken?: never;
      onTokens?: never;
      refreshCookie?: never;
      getToken?: never;
      clientSecret?: never;
    }
  | {
      /** A session client secret (`cs_...`): only that session's chat calls. */
      clientSecret: string;
      token?: never;
      refreshToken?: never;
      onTokens?: never;
      refreshCookie?: never;
      getToken?: never;
      apiKey?: never;
    };

/** Calls that must never trigger a refresh: their UNAUTHORIZED is the answer itself. */
const NO_RECOVERY = new Set(['auth.login', 'auth.register', 'auth.refresh']);

/** Where tabs of one origin tell each other about a new access token (cookie mode). */
const TAB_CHANNEL = 'parley:tokens';
const TAB_LOCK = 'parley:auth.refresh';

interface TabMessage {
  accessToken: string;
  accessTokenExpiresAt: string;
}

type LockManager = { request<T>(name: string, callback: () => Promise<T>): Promise<T> };

/** Runs `work` while holding a lock shared by every tab of the origin, where there are locks. */
function acrossTabs<T>(work: () => Promise<T>): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  return locks?.request ? locks.request(TAB_LOCK, work) : work();
}

/**
 * Holds the credential, hands it to every transport, and recovers from an expired
 * access token: one `auth.refresh` at a time, shared by every call that needs it (and,
 * in cookie mode, by every tab).
 */
export class CredentialStore {
  private accessToken: string | undefined;
  private refreshToken: string | undefined;
  private readonly getToken: (() => TokenValue | Promise<TokenValue>) | undefined;
  private readonly onTokens: ((tokens: ParleyTokens) => void) | undefined;
  private readonly cookie: boolean;
  private readonly tabs: BroadcastChannel | undefined;
  private lastFetched: string | undefined;
  private refreshing: Promise<boolean> | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    credentials: ParleyCredentials,
    private readonly refresh: (refreshToken: string | undefined) => Promise<AuthResult>,
  ) {
    this.accessToken = credentials.token ?? credentials.apiKey ?? credentials.clientSecret;
    this.refreshToken = credentials.refreshToken;
    this.getToken = credentials.getToken;
    this.onTokens = credentials.onTokens;
    this.cookie = credentials.refreshCookie === true;
    if (this.cookie && typeof BroadcastChannel === 'function') {
      this.tabs = new BroadcastChannel(TAB_CHANNEL);
      this.tabs.onmessage = (event: MessageEvent<TabMessage>) => {
        // Another tab refreshed: its access token is as good here (same user, same cookie).
        if (!this.accessToken || typeof event.data?.accessToken !== 'string') return;
        this.accessToken = event.data.accessToken;
        this.changed();
      };
    }
  }

  /** Whether this client refreshes with the browser's httpOnly cookie (cookie mode). */
  get usesCookie(): boolean {
    return this.cookie;
  }

  /** The bearer value for the next request or connection. */
  async bearer(): Promise<string | undefined> {
    if (!this.getToken) return this.accessToken;
    this.lastFetched = (await this.getToken()) ?? undefined;
    return this.lastFetched;
  }

  /** The value most recently handed out, to tell later whether it has changed since. */
  snapshot(): string | undefined {
    return this.getToken ? this.lastFetched : this.accessToken;
  }

  /** Replaces the credential (after `auth.login`, say, or `null` after logout). */
  set(tokens: { accessToken: string; refreshToken?: string | undefined } | null): void {
    this.accessToken = tokens?.accessToken;
    this.refreshToken = tokens?.refreshToken || undefined;
    this.changed();
  }

  /** Called whenever the credential changes, so open sockets reconnect with it. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  canRecover(path: string): boolean {
    if (NO_RECOVERY.has(path)) return false;
    return Boolean(this.getToken || this.refreshToken || (this.cookie && this.accessToken));
  }

  /**
   * After an UNAUTHORIZED on a call made with `used`: true when a different credential
   * is now available and the call should be retried (once).
   */
  async recover(used: string | undefined): Promise<boolean> {
    if (this.getToken) {
      const previous = this.lastFetched;
      const next = await this.bearer();
      if (next !== previous) this.changed();
      return next !== undefined && next !== used;
    }
    // Someone else refreshed while this call was in flight: just retry with the new token.
    if (this.accessToken !== used && this.accessToken !== undefined) return true;
    if (!this.refreshToken && !this.cookie) return false;
    this.refreshing ??= acrossTabs(async () => {
      // Another tab may have refreshed while this one waited for the lock.
      if (this.accessToken !== used && this.accessToken !== undefined) return true;
      return this.runRefresh(this.cookie ? undefined : this.refreshToken);
    }).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async runRefresh(refreshToken: string | undefined): Promise<boolean> {
    let result: AuthResult;
    try {
      result = await this.refresh(refreshToken);
    } catch {
      return false;
    }
    this.accessToken = result.accessToken;
    this.refreshToken = result.refreshToken || undefined;
    this.tabs?.postMessage({
      accessToken: result.accessToken,
      accessTokenExpiresAt: result.accessTokenExpiresAt.toISOString(),
    } satisfies TabMessage);
    try {
      this.onTokens?.({
        accessToken: result.accessToken,
        refreshToken: result.refreshToken,
        accessTokenExpiresAt: result.accessTokenExpiresAt,
      });
    } finally {
      this.changed();
    }
    return true;
  }

  /** Stops listening to other tabs. */
  close(): void {
    this.tabs?.close();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
