/**
 * Refreshing as browsers do it, against the real server over HTTP: two tabs refreshing
 * with the same token at once both get the same new pair (no one is signed out), a reuse
 * after the grace window is still theft, and cookie mode keeps the refresh token in an
 * httpOnly cookie that the answer never carries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, httpClient, signUp, startTestServer, type TestServer } from './harness';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ label: 'refresh' });
});
afterAll(() => server?.close());

/** One tRPC mutation as a browser page sends it (no batching), with its cookie jar. */
async function call(
  path: string,
  input: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; data: Record<string, unknown>; cookies: string[] }> {
  const res = await fetch(`${server.url}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ json: input }),
  });
  const body = (await res.json()) as {
    result?: { data: { json: Record<string, unknown> } };
    error?: { json: Record<string, unknown> };
  };
  return {
    status: res.status,
    data: body.result?.data.json ?? body.error?.json ?? {},
    cookies: res.headers.getSetCookie(),
  };
}

const cookieValue = (setCookie: string) => setCookie.split(';')[0]!;

describe('token mode (servers, apps)', () => {
  it('two refreshes with the same token at once get the same new pair, and it works', async () => {
    const user = await signUp(httpClient(server.url), 'tabs');
    const [a, b] = await Promise.all([
      httpClient(server.url).auth.refresh.mutate({ refreshToken: user.refreshToken }),
      httpClient(server.url).auth.refresh.mutate({ refreshToken: user.refreshToken }),
    ]);
    expect(a.refreshToken).toBe(b.refreshToken);
    expect(a.accessToken).toBe(b.accessToken);
    expect(a.refreshToken).not.toBe(user.refreshToken);
    const me = await httpClient(server.url, a.accessToken).auth.me.query();
    expect(me.id).toBe(user.user.id);
    // The family lives on: the new token rotates as usual.
    const next = await httpClient(server.url).auth.refresh.mutate({ refreshToken: a.refreshToken });
    expect(next.refreshToken).not.toBe(a.refreshToken);
  });

  it('a reuse after the new token was used is theft, even within the window', async () => {
    const user = await signUp(httpClient(server.url), 'moved-on');
    const next = await httpClient(server.url).auth.refresh.mutate({
      refreshToken: user.refreshToken,
    });
    await httpClient(server.url).auth.refresh.mutate({ refreshToken: next.refreshToken });
    const stolen = await errorOf(() =>
      httpClient(server.url).auth.refresh.mutate({ refreshToken: user.refreshToken }),
    );
    expect(stolen.data.code).toBe('UNAUTHORIZED');
  });

  it('a reuse after the grace window is theft: the whole family is revoked', async () => {
    const user = await signUp(httpClient(server.url), 'thief');
    const rotated = await httpClient(server.url).auth.refresh.mutate({
      refreshToken: user.refreshToken,
    });
    await new Promise((resolve) => setTimeout(resolve, 10_500));
    const stolen = await errorOf(() =>
      httpClient(server.url).auth.refresh.mutate({ refreshToken: user.refreshToken }),
    );
    expect(stolen.data.code).toBe('UNAUTHORIZED');
    // The legitimate holder's newer token died with the family.
    const legit = await errorOf(() =>
      httpClient(server.url).auth.refresh.mutate({ refreshToken: rotated.refreshToken }),
    );
    expect(legit.data.code).toBe('UNAUTHORIZED');
  }, 30_000);
});

describe('cookie mode (browsers)', () => {
  const COOKIE_MODE = { 'x-parley-refresh': 'cookie' };

  it('keeps the refresh token in an httpOnly, Secure, SameSite=Strict cookie only', async () => {
    const user = await signUp(httpClient(server.url), 'cookie');
    const login = await call(
      'auth.login',
      { email: user.email, password: user.password },
      COOKIE_MODE,
    );
    expect(login.status).toBe(200);
    expect(login.data.refreshToken).toBe('');
    expect(login.data.accessToken).toEqual(expect.any(String));
    expect(login.cookies).toHaveLength(1);
    const [setCookie] = login.cookies;
    expect(setCookie).toMatch(/^__Host-parley-refresh=rt_[\w-]+;/);
    for (const attribute of ['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/'])
      expect(setCookie).toContain(attribute);

    // Refresh with the cookie alone; two at once (two tabs) get the same pair.
    const cookie = cookieValue(setCookie!);
    const [a, b] = await Promise.all([
      call('auth.refresh', {}, { ...COOKIE_MODE, cookie }),
      call('auth.refresh', {}, { ...COOKIE_MODE, cookie }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.data.accessToken).toBe(b.data.accessToken);
    expect(a.data.refreshToken).toBe('');
    expect(cookieValue(a.cookies[0]!)).toBe(cookieValue(b.cookies[0]!));
    expect(cookieValue(a.cookies[0]!)).not.toBe(cookie);
    const me = await httpClient(server.url, String(a.data.accessToken)).auth.me.query();
    expect(me.id).toBe(user.user.id);

    // Sign-out revokes the cookie's family and clears the cookie.
    const fresh = cookieValue(a.cookies[0]!);
    const out = await call(
      'auth.logout',
      {},
      { ...COOKIE_MODE, cookie: fresh, authorization: `Bearer ${a.data.accessToken}` },
    );
    expect(out.status).toBe(200);
    expect(out.cookies[0]).toMatch(/^__Host-parley-refresh=; Max-Age=0;/);
    const after = await call('auth.refresh', {}, { ...COOKIE_MODE, cookie: fresh });
    expect(after.status).toBe(401);
  });

  it('no cookie without the header, and no refresh without a token', async () => {
    const user = await signUp(httpClient(server.url), 'plain');
    const login = await call('auth.login', { email: user.email, password: user.password });
    expect(login.cookies).toEqual([]);
    expect(login.data.refreshToken).toMatch(/^rt_/);
    const none = await call('auth.refresh', {}, COOKIE_MODE);
    expect(none.status).toBe(401);
  });
});
