import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, httpClient, startTestServer, type TestServer } from './harness';

/** Passwords guessed at once are refused at registration, naming the field. */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    label: 'passwords',
    env: { RATE_LIMIT_REGISTER_PER_IP_PER_HOUR: '1000' },
  });
});
afterAll(() => server?.close());

describe('auth.register passwords', () => {
  it('refuses repeated, sequential and email- or name-built passwords; stores nothing', async () => {
    const client = httpClient(server.url);
    const tag = randomBytes(3).toString('hex');
    const email = `jane.doe.${tag}@example.com`;
    for (const password of [
      'aaaaaaaa',
      'abcdefgh',
      '87654321',
      'abababab',
      `janedoe${tag}1`,
      email,
      'Jane Doe 2024',
      'Doe Jane 1234',
    ]) {
      const error = await errorOf(() =>
        client.auth.register.mutate({ email, password, name: 'Jane Doe' }),
      );
      expect(error.data.code, password).toBe('BAD_REQUEST');
      expect(Object.keys(error.data.fieldErrors ?? {}), password).toEqual(['password']);
    }
    const rows = await server.db.query('SELECT id FROM users WHERE email = $1', [email]);
    expect(rows).toHaveLength(0);
    const ok = await client.auth.register.mutate({
      email,
      password: 'lantern quietly 7 orchards',
      name: 'Jane Doe',
    });
    expect(ok.user.email).toBe(email);
  });
});
