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
      apiKey?: never;
      clientSecret?: never;
    }
  | {
      /** An API key (`pk_live_...`) with the scopes the calls need. */
      apiKey: string;
      token?: never;
      refreshToken?: never;
      onTokens?: never;
      getToken?: never;
      clientSecret?: never;
    }
  | {
      /** A session client secret (`cs_...`): only that session's chat calls. */
      clientSecret: string;
      token?: never;
      refreshToken?: never;
      onTokens?: never;
      getToken?: never;
      apiKey?: never;
    };

/** Calls that must never trigger a refresh: their UNAUTHORIZED is the answer itself. */
const NO_RECOVERY = new Set(['auth.login', 'auth.register', 'auth.refresh']);

/**
 * Holds the credential, hands it to every transport, and recovers from an expired
 * access token: one `auth.refresh` at a time, shared by every call that needs it.
 */
export class CredentialStore {
  private accessToken: string | undefined;
  private refreshToken: string | undefined;
  private readonly getToken: (() => TokenValue | Promise<TokenValue>) | undefined;
  private readonly onTokens: ((tokens: ParleyTokens) => void) | undefined;
  private lastFetched: string | undefined;
  private refreshing: Promise<boolean> | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    credentials: ParleyCredentials,
    private readonly refresh: (refreshToken: string) => Promise<AuthResult>,
  ) {
    this.accessToken = credentials.token ?? credentials.apiKey ?? credentials.clientSecret;
    this.refreshToken = credentials.refreshToken;
    this.getToken = credentials.getToken;
    this.onTokens = credentials.onTokens;
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
    this.refreshToken = tokens?.refreshToken;
    this.changed();
  }

  /** Called whenever the credential changes, so open sockets reconnect with it. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  canRecover(path: string): boolean {
    if (NO_RECOVERY.has(path)) return false;
    return Boolean(this.getToken || this.refreshToken);
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
    if (!this.refreshToken) return false;
    this.refreshing ??= this.runRefresh(this.refreshToken).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async runRefresh(refreshToken: string): Promise<boolean> {
    let result: AuthResult;
    try {
      result = await this.refresh(refreshToken);
    } catch {
      return false;
    }
    this.accessToken = result.accessToken;
    this.refreshToken = result.refreshToken;
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

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
