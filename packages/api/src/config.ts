/** The api's settings, parsed once by the server's env.ts and passed in. */
export interface ApiConfig {
  production: boolean;
  jwt: {
    /** HS256 key material (at least 32 bytes). */
    secret: Uint8Array;
    issuer: string;
    audience: string;
    accessTtlSeconds: number;
  };
  refreshTtlSeconds: number;
  clientSecretTtlSeconds: number;
  sessionIdleSeconds: number;
  /** How often idle sessions are looked for and expired (default 60). */
  sessionSweepSeconds?: number;
  maxSubscriptionsPerSocket: number;
  /** How long a killed instance's alert matching waits before another does it (default 30). */
  alertsRecoverySeconds?: number;
  rateLimits: {
    loginPerIpPerMinute: number;
    loginFailuresPerAccountPerMinute: number;
    loginFailuresPerAccountPerHour: number;
    registerPerIpPerHour: number;
    /** Guests started per IP per hour: every new visitor who chats is one. */
    guestsPerIpPerHour: number;
    /** Sends and retries a minute by one guest or one widget session. */
    visitorSendsPerMinute: number;
    searchPerIpPerMinute: number;
    /** Pictures one person (or their keys) may upload a minute: each is decoded and resized. */
    uploadsPerUserPerMinute: number;
  };
  webhooks: WebhookConfig;
  /**
   * Saved searches one person may keep (`SAVED_SEARCHES_PER_USER`): each is matched
   * against every new listing, so one person's searches must not be able to turn one
   * listing into thousands of alerts and webhook deliveries.
   */
  savedSearchesPerUser: number;
}

/** How webhook deliveries are sent (docs/integrations.md). */
export interface WebhookConfig {
  /** Let webhooks reach private, loopback and link-local addresses (tests, a private network). */
  allowPrivate: boolean;
  /** A receiver must answer within this long (the response status is what counts). */
  timeoutMs: number;
  /** The first retry waits this long; each next one twice as long, up to `retryMaxMs`. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** How long a delivery is retried before it is `failed` (at least 24 h in production). */
  retryWindowMs: number;
  /** Consecutive failed attempts after which a webhook is shown as failing. */
  failingAfter: number;
  /** One owner's sends in flight at most, across instances (owner-share.ts). */
  sendsPerOwner: number;
  /** The AES-256 key (32 bytes) signing secrets are sealed with in the database (sealing.ts). */
  secretsKey: Uint8Array;
}
