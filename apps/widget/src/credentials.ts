/** What the integrator's server hands the page: one session and its client secret. */
export interface WidgetSession {
  sessionId: string;
  clientSecret: string;
  clientSecretExpiresAt?: string | undefined;
}

// Renew a little before the secret expires; without an expiry, after this long.
const RENEW_MARGIN_MS = 60_000;
const RENEW_WITHOUT_EXPIRY_MS = 4 * 60_000;

/**
 * The widget's credential: the `session-id` and `client-secret` attributes, or the JSON
 * the integrator's own endpoint (`session-url`) answers. From an endpoint, the secret is
 * fetched again before it expires (the endpoint calls `sessions.refreshSecret`).
 */
export class WidgetCredentials {
  private session: WidgetSession | null = null;
  private renewAt = Number.POSITIVE_INFINITY;
  private pending: Promise<WidgetSession> | null = null;

  constructor(
    private readonly source: { sessionUrl: string | null; fixed: WidgetSession | null },
  ) {}

  async current(): Promise<WidgetSession> {
    if (this.source.fixed) return this.source.fixed;
    if (this.session && Date.now() < this.renewAt) return this.session;
    this.pending ??= this.fetchSession().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  async secret(): Promise<string> {
    return (await this.current()).clientSecret;
  }

  private async fetchSession(): Promise<WidgetSession> {
    const url = this.source.sessionUrl;
    if (!url) throw new Error('<parley-chat> needs session-url, or session-id and client-secret');
    const res = await fetch(url, {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    });
    if (!res.ok) throw new Error(`session-url answered ${res.status}`);
    const body = (await res.json()) as WidgetSession;
    if (!body.sessionId || !body.clientSecret)
      throw new Error('session-url must answer { sessionId, clientSecret }');
    const expires = body.clientSecretExpiresAt
      ? Date.parse(body.clientSecretExpiresAt)
      : Number.NaN;
    this.renewAt = Number.isFinite(expires)
      ? expires - RENEW_MARGIN_MS
      : Date.now() + RENEW_WITHOUT_EXPIRY_MS;
    // The endpoint answers the same session each time, with a fresh secret.
    this.session = body;
    return this.session;
  }
}
