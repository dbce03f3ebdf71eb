/**
 * Where a person was going when they were asked to sign in, carried in the location
 * state through sign-in and sign-up: `from` (the page they opened, e.g. a conversation
 * link) and `request` (what they typed on the landing page, for the assistant to answer).
 */
export interface AuthRedirect {
  from?: string;
  request?: string;
  /** Why they were sent: `saveSearch` (alerts need an account), said on the form. */
  reason?: 'saveSearch';
}

/** A path on this site: `/chat/…`, never `//other.site` or a full URL. */
function localPath(value: unknown): string | undefined {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : undefined;
}

export function redirectOf(state: unknown): AuthRedirect {
  const s = (state ?? {}) as { from?: unknown; request?: unknown; reason?: unknown };
  const request = typeof s.request === 'string' && s.request.trim() ? s.request.trim() : undefined;
  const redirect: AuthRedirect = { from: localPath(s.from), request };
  if (s.reason === 'saveSearch') redirect.reason = 'saveSearch';
  return redirect;
}

/** Where to go once signed in: where they were going (the chat by default), request and all. */
export function afterSignIn(redirect: AuthRedirect): {
  to: string;
  state: { request: string } | null;
} {
  return {
    to: redirect.from ?? '/chat',
    state: redirect.request ? { request: redirect.request } : null,
  };
}
