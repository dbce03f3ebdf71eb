import { request } from 'node:http';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, httpClient, signUp, startTestServer, type TestServer, wsClient } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    label: 'auth',
    env: {
      RATE_LIMIT_LOGIN_PER_ACCOUNT_PER_MINUTE: '3',
      RATE_LIMIT_REGISTER_PER_IP_PER_HOUR: '1000',
    },
  });
});
afterAll(() => server?.close());

describe('accounts', () => {
  it('registers, normalises the email, and auth.me answers with a real token', async () => {
    const anon = httpClient(server.url);
    const email = `  Mixed.Case-${Date.now()}@Example.COM `;
    const result = await anon.auth.register.mutate({
      email,
      password: 'a sturdy passphrase',
      name: 'Ayşe',
    });
    expect(result.user.email).toBe(email.trim().toLowerCase());
    expect(result.accessTokenExpiresAt).toBeInstanceOf(Date);
    const me = await httpClient(server.url, result.accessToken).auth.me.query();
    expect(me).toMatchObject({
      id: result.user.id,
      email: email.trim().toLowerCase(),
      name: 'Ayşe',
      role: 'user',
    });
    expect(me.createdAt).toBeInstanceOf(Date);
    const [row] = await server.db.query('SELECT password_hash FROM users WHERE id = $1', [me.id]);
    expect(row?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('refuses a second registration of the same email with CONFLICT', async () => {
    const anon = httpClient(server.url);
    const first = await signUp(anon, 'dup');
    const error = await errorOf(() =>
      anon.auth.register.mutate({
        email: first.email.toUpperCase(),
        password: 'another good passphrase',
        name: 'x',
      }),
    );
    expect(error.data.code).toBe('CONFLICT');
  });

  it('refuses common and out-of-range passwords, naming the field', async () => {
    const anon = httpClient(server.url);
    for (const password of ['password123', 'Qwerty123', 'short', 'x'.repeat(129)]) {
      const error = await errorOf(() =>
        anon.auth.register.mutate({ email: `p${Math.random()}@example.com`, password, name: 'p' }),
      );
      expect(error.data.code).toBe('BAD_REQUEST');
      expect(error.data.fieldErrors?.password?.length).toBeGreaterThan(0);
    }
  });

  it('wrong email and wrong password give the same UNAUTHORIZED message', async () => {
    const anon = httpClient(server.url);
    const user = await signUp(anon, 'login');
    const wrongPassword = await errorOf(() =>
      anon.auth.login.mutate({ email: user.email, password: 'not it at all' }),
    );
    const wrongEmail = await errorOf(() =>
      anon.auth.login.mutate({
        email: `nobody${Date.now()}@example.com`,
        password: 'not it at all',
      }),
    );
    expect(wrongPassword.data.code).toBe('UNAUTHORIZED');
    expect(wrongEmail.data.code).toBe('UNAUTHORIZED');
    expect(wrongEmail.message).toBe(wrongPassword.message);
    const ok = await anon.auth.login.mutate({ email: user.email, password: user.password });
    expect(ok.user.id).toBe(user.user.id);
  });
});

describe('tokens', () => {
  it('rotates refresh tokens, and reusing a spent one revokes the whole family', async () => {
    const anon = httpClient(server.url);
    const user = await signUp(anon, 'rotate');
    const second = await anon.auth.refresh.mutate({ refreshToken: user.refreshToken });
    expect(second.refreshToken).not.toBe(user.refreshToken);
    const third = await anon.auth.refresh.mutate({ refreshToken: second.refreshToken });
    // The first token is spent: presenting it again is theft, so the family dies.
    expect(
      (await errorOf(() => anon.auth.refresh.mutate({ refreshToken: user.refreshToken }))).data
        .code,
    ).toBe('UNAUTHORIZED');
    expect(
      (await errorOf(() => anon.auth.refresh.mutate({ refreshToken: third.refreshToken }))).data
        .code,
    ).toBe('UNAUTHORIZED');
    expect(
      (await errorOf(() => httpClient(server.url, third.accessToken).auth.me.query())).data.code,
    ).toBe('UNAUTHORIZED');
    const rows = await server.db.query('SELECT revoked_at FROM refresh_tokens WHERE user_id = $1', [
      user.user.id,
    ]);
    expect(rows.length).toBe(3);
    expect(rows.every((r) => r.revoked_at)).toBe(true);
  });

  it('refuses tampered, alg:none, foreign-key and expired tokens', async () => {
    const anon = httpClient(server.url);
    const user = await signUp(anon, 'tamper');
    const [header, payload, signature] = user.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const promoted = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString(
      'base64url',
    );
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const foreign = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('some-other-secret-that-is-long-enough!!'));
    const expired = await new SignJWT({ ...claims, exp: Math.floor(Date.now() / 1000) - 10 })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(server.env.JWT_SECRET));
    for (const token of [
      `${header}.${promoted}.${signature}`,
      `${none}.${payload}.`,
      foreign,
      expired,
      'garbage',
    ]) {
      const error = await errorOf(() => httpClient(server.url, token).auth.me.query());
      expect(error.data.code).toBe('UNAUTHORIZED');
    }
  });

  it('logout revokes the session family: its access and refresh tokens stop working', async () => {
    const anon = httpClient(server.url);
    const user = await signUp(anon, 'logout');
    const client = httpClient(server.url, user.accessToken);
    expect(await client.auth.logout.mutate({ refreshToken: user.refreshToken })).toEqual({
      ok: true,
    });
    expect((await errorOf(() => client.auth.me.query())).data.code).toBe('UNAUTHORIZED');
    expect(
      (await errorOf(() => anon.auth.refresh.mutate({ refreshToken: user.refreshToken }))).data
        .code,
    ).toBe('UNAUTHORIZED');
  });
});

describe('API keys', () => {
  it('are shown once, stored hashed, listed with scopes and last use, and revoked', async () => {
    const anon = httpClient(server.url);
    const user = await signUp(anon, 'keys');
    const client = httpClient(server.url, user.accessToken);
    const created = await client.auth.apiKeys.create.mutate({
      name: 'integration',
      scopes: ['listings:read'],
    });
    expect(created.key).toMatch(/^pk_live_[\w-]{40,}$/);
    const [row] = await server.db.query('SELECT key_hash FROM api_keys WHERE id = $1', [
      created.id,
    ]);
    expect(row?.key_hash).not.toContain(created.key);
    const listed = await client.auth.apiKeys.list.query();
    expect(listed.items).toEqual([
      expect.objectContaining({ id: created.id, scopes: ['listings:read'], lastUsedAt: null }),
    ]);
    expect(JSON.stringify(listed)).not.toContain(created.key);
    // A key cannot manage keys (user only), and a revoked key is refused.
    const asKey = httpClient(server.url, created.key);
    expect((await errorOf(() => asKey.auth.apiKeys.list.query())).data.code).toBe('FORBIDDEN');
    // Use is recorded off the request's path.
    await expect
      .poll(async () => (await client.auth.apiKeys.list.query()).items[0]?.lastUsedAt)
      .toBeInstanceOf(Date);
    await client.auth.apiKeys.revoke.mutate({ id: created.id });
    expect((await errorOf(() => asKey.auth.apiKeys.list.query())).data.code).toBe('UNAUTHORIZED');
    expect((await client.auth.apiKeys.list.query()).items).toEqual([]);
  });

  it("another user's key id is NOT_FOUND", async () => {
    const anon = httpClient(server.url);
    const a = await signUp(anon, 'ka');
    const b = await signUp(anon, 'kb');
    const key = await httpClient(server.url, a.accessToken).auth.apiKeys.create.mutate({
      name: 'k',
      scopes: ['listings:read'],
    });
    const error = await errorOf(() =>
      httpClient(server.url, b.accessToken).auth.apiKeys.revoke.mutate({ id: key.id }),
    );
    expect(error.data.code).toBe('NOT_FOUND');
  });
});

describe('brute force', () => {
  it('throttles login per account with TOO_MANY_REQUESTS and retryAfter', async () => {
    const anon = httpClient(server.url);
    const user = await signUp(anon, 'brute');
    for (let i = 0; i < 3; i++) {
      expect(
        (await errorOf(() => anon.auth.login.mutate({ email: user.email, password: `guess ${i}` })))
          .data.code,
      ).toBe('UNAUTHORIZED');
    }
    const limited = await errorOf(() =>
      anon.auth.login.mutate({ email: user.email, password: user.password }),
    );
    expect(limited.data.code).toBe('TOO_MANY_REQUESTS');
    expect(limited.data.retryAfter).toBeGreaterThan(0);
    expect(limited.data.retryAfter).toBeLessThanOrEqual(60);
  });
});

/** `auth.login` over plain HTTP from `from`, one of the loopback addresses. */
function loginFrom(from: string, email: string, password: string): Promise<number> {
  const body = JSON.stringify({ json: { email, password } });
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.url}/trpc/auth.login`,
      { method: 'POST', localAddress: from, headers: { 'content-type': 'application/json' } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('guessing from many addresses', () => {
  it('one hourly budget for an account across the addresses it never signed in from; a known address keeps its own', async () => {
    const user = await signUp(httpClient(server.url), 'spread');
    expect(await loginFrom('127.0.0.1', user.email, user.password)).toBe(200);
    // That first sign-in, from an address not yet known, counted: 49 wrong guesses from
    // 25 addresses (two each, under each one's per-minute limit of 3) make the 50 of the
    // hourly budget.
    for (let i = 0; i < 49; i++) {
      const from = `127.0.1.${Math.floor(i / 2) + 1}`;
      expect(await loginFrom(from, user.email, `wrong ${i}`), from).toBe(401);
    }
    // The right password from yet another address is refused now too...
    expect(await loginFrom('127.0.2.1', user.email, user.password)).toBe(429);
    // ... but where the owner signed in before, they still can.
    expect(await loginFrom('127.0.0.1', user.email, user.password)).toBe(200);
  });
});

describe('WebSocket: the same credentials as HTTP', () => {
  it('authenticates with connectionParams.token; an anonymous socket gets UNAUTHORIZED and stays open', async () => {
    const anon = httpClient(server.url);
    const user = await signUp(anon, 'ws');
    const authed = wsClient(server.url, user.accessToken);
    const anonymous = wsClient(server.url);
    try {
      expect((await authed.client.auth.me.query()).id).toBe(user.user.id);
      const error = await errorOf(() => anonymous.client.auth.me.query());
      expect(error.data.code).toBe('UNAUTHORIZED');
      // Same socket, still usable for public calls.
      const login = await anonymous.client.auth.login.mutate({
        email: user.email,
        password: user.password,
      });
      expect(login.user.id).toBe(user.user.id);
    } finally {
      await authed.close();
      await anonymous.close();
    }
  });

  it('re-checks the token on every call: after logout the same socket is refused', async () => {
    const anon = httpClient(server.url);
    const user = await signUp(anon, 'wslogout');
    const socket = wsClient(server.url, user.accessToken);
    try {
      await socket.client.auth.me.query();
      await httpClient(server.url, user.accessToken).auth.logout.mutate({});
      expect((await errorOf(() => socket.client.auth.me.query())).data.code).toBe('UNAUTHORIZED');
    } finally {
      await socket.close();
    }
  });

  it('refuses a handshake from an Origin not on the allowlist', async () => {
    const { default: WebSocket } = await import('ws');
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${server.url.replace('http', 'ws')}/trpc`, {
        headers: { origin: 'https://evil.example' },
      });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
      ws.on('error', () => {});
    });
    expect(status).toBe(403);
  });
});
