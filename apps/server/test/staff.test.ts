import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, httpClient, signUp, startTestServer, type TestServer, wsClient } from './harness';

/**
 * Staff: the first admin is made with `pnpm users:role EMAIL admin` (there are no default
 * users and no bypass), admins grant roles with admin.users.setRole, the last admin
 * cannot be demoted, and a change counts at the person's next call, on a socket that was
 * already open too.
 */

const run = promisify(execFile);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    label: 'staff',
    env: { RATE_LIMIT_REGISTER_PER_IP_PER_HOUR: '1000' },
  });
});
afterAll(() => server?.close());

/**
 * `pnpm users:role EMAIL ROLE` from the repository root, against the test database; or,
 * once that is shown to work, the script it runs directly (pnpm itself takes seconds).
 */
async function usersRole(...args: string[]) {
  return command(['pnpm', '--silent', 'users:role', ...args], repoRoot);
}
async function usersRoleScript(...args: string[]) {
  return command(
    ['node_modules/.bin/tsx', 'src/cli/users-role.ts', ...args],
    path.join(repoRoot, 'packages/db'),
  );
}

async function command([file, ...args]: string[], cwd: string) {
  try {
    const { stdout, stderr } = await run(file!, args, {
      cwd,
      env: { ...process.env, DATABASE_URL: server.db.url },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function person(label: string) {
  const signed = await signUp(httpClient(server.url), label);
  return { ...signed, client: httpClient(server.url, signed.accessToken) };
}

async function roleOf(userId: string) {
  const [row] = await server.db.query<{ role: string }>('SELECT role FROM users WHERE id = $1', [
    userId,
  ]);
  return row?.role;
}

const ROLE_FRESH_MS = 1_000;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('staff roles', () => {
  let admin: Awaited<ReturnType<typeof person>>;

  it('starts with no users at all, and nobody can reach admin.*', async () => {
    const [row] = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    expect(row?.n).toBe(0);
    admin = await person('first-admin');
    expect(admin.user.role).toBe('user');
    const refused = await errorOf(() => admin.client.admin.users.list.query({}));
    expect(refused.data.code).toBe('FORBIDDEN');
    expect((await errorOf(() => httpClient(server.url).admin.users.list.query({}))).data.code).toBe(
      'UNAUTHORIZED',
    );
    expect(
      (
        await errorOf(() =>
          admin.client.admin.users.setRole.mutate({ userId: admin.user.id, role: 'admin' }),
        )
      ).data.code,
    ).toBe('FORBIDDEN');
    expect(await roleOf(admin.user.id)).toBe('user');
  });

  it('makes the first admin with pnpm users:role, and says what it did', async () => {
    const socket = wsClient(server.url, admin.accessToken);
    try {
      // A socket opened before the promotion.
      expect((await socket.client.auth.me.query()).role).toBe('user');
      const made = await usersRole(admin.email.toUpperCase(), 'admin');
      expect(made.stderr).toBe('');
      expect(made.code).toBe(0);
      expect(made.stdout.trim()).toBe(`${admin.email} is now admin (was user)`);
      expect(await roleOf(admin.user.id)).toBe('admin');
      await pause(ROLE_FRESH_MS + 100);
      // The token issued before it and the socket opened before it both count the new role.
      expect((await socket.client.admin.users.list.query({})).items.map((u) => u.id)).toContain(
        admin.user.id,
      );
      expect((await admin.client.auth.me.query()).role).toBe('admin');
      const again = await usersRoleScript(admin.email, 'admin');
      expect(again.stdout.trim()).toBe(`${admin.email} is already admin`);
    } finally {
      await socket.close();
    }
  });

  it('refuses an unknown email, a role that does not exist, and missing arguments', async () => {
    const unknown = await usersRoleScript('nobody@example.com', 'admin');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no account with the email nobody@example.com: sign up first/);
    const badRole = await usersRoleScript(admin.email, 'superuser');
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toMatch(/ROLE must be one of user, agent, admin/);
    const guestRole = await usersRoleScript(admin.email, 'guest');
    expect(guestRole.code).toBe(1);
    const missing = await usersRoleScript(admin.email);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/usage: pnpm users:role EMAIL ROLE/);
    expect(await roleOf(admin.user.id)).toBe('admin');
  });

  it('lists accounts newest first, by search and role, page by page, without guests', async () => {
    const carol = await person('carol-list');
    const dave = await person('dave-list');
    await httpClient(server.url).auth.guest.mutate();
    const first = await admin.client.admin.users.list.query({ limit: 2 });
    expect(first.items.map((u) => u.id)).toEqual([dave.user.id, carol.user.id]);
    expect(first.nextCursor).toBeTruthy();
    const rest = await admin.client.admin.users.list.query({ limit: 2, cursor: first.nextCursor });
    expect(rest.items.map((u) => u.id)).toContain(admin.user.id);
    expect([...first.items, ...rest.items].every((u) => u.role !== 'guest')).toBe(true);
    const found = await admin.client.admin.users.list.query({ search: 'CAROL-LIST' });
    expect(found.items.map((u) => u.id)).toEqual([carol.user.id]);
    expect(found.items[0]).toEqual({
      id: carol.user.id,
      email: carol.email,
      name: 'carol-list',
      role: 'user',
      createdAt: expect.any(Date),
    });
    // A % or _ in the search is a character, not a pattern.
    expect((await admin.client.admin.users.list.query({ search: '%' })).items).toEqual([]);
    const admins = await admin.client.admin.users.list.query({ role: 'admin' });
    expect(admins.items.map((u) => u.id)).toEqual([admin.user.id]);
    expect((await admin.client.admin.users.list.query({ role: 'guest' })).items.length).toBe(1);
    const bad = await errorOf(() => admin.client.admin.users.list.query({ cursor: 'nope' }));
    expect(bad.data.fieldErrors).toHaveProperty('cursor');
  });

  it("grants and takes back a role; it counts at the person's next call, socket included", async () => {
    const erin = await person('erin-agent');
    const socket = wsClient(server.url, erin.accessToken);
    try {
      expect((await socket.client.auth.me.query()).role).toBe('user');
      const made = await admin.client.admin.users.setRole.mutate({
        userId: erin.user.id,
        role: 'agent',
      });
      expect(made).toMatchObject({ id: erin.user.id, role: 'agent', email: erin.email });
      // Another instance believes a role for at most a second; this one at once.
      await pause(ROLE_FRESH_MS + 100);
      expect((await socket.client.auth.me.query()).role).toBe('agent');
      expect((await erin.client.auth.me.query()).role).toBe('agent');
      // An agent is staff but not an admin.
      expect((await errorOf(() => erin.client.admin.users.list.query({}))).data.code).toBe(
        'FORBIDDEN',
      );
      await admin.client.admin.users.setRole.mutate({ userId: erin.user.id, role: 'user' });
      await pause(ROLE_FRESH_MS + 100);
      expect((await socket.client.auth.me.query()).role).toBe('user');
    } finally {
      await socket.close();
    }
  });

  it('names the field of bad input and refuses unknown users and guests', async () => {
    const bad = await errorOf(() =>
      admin.client.admin.users.setRole.mutate({ userId: 'undefined', role: 'agent' }),
    );
    expect(bad.data.code).toBe('BAD_REQUEST');
    expect(bad.data.fieldErrors).toHaveProperty('userId');
    const badRole = await errorOf(() =>
      admin.client.admin.users.setRole.mutate({
        userId: admin.user.id,
        role: 'guest' as never,
      }),
    );
    expect(badRole.data.fieldErrors).toHaveProperty('role');
    const missing = await errorOf(() =>
      admin.client.admin.users.setRole.mutate({
        userId: '00000000-0000-4000-8000-000000000000',
        role: 'agent',
      }),
    );
    expect(missing.data.code).toBe('NOT_FOUND');
    const guest = await httpClient(server.url).auth.guest.mutate();
    const refused = await errorOf(() =>
      admin.client.admin.users.setRole.mutate({ userId: guest.user.id, role: 'agent' }),
    );
    expect(refused.data.code).toBe('PRECONDITION_FAILED');
    expect(await roleOf(guest.user.id)).toBe('guest');
  });

  it('never demotes the last admin, even when two admins demote each other at once', async () => {
    const self = await errorOf(() =>
      admin.client.admin.users.setRole.mutate({ userId: admin.user.id, role: 'agent' }),
    );
    expect(self.data.code).toBe('PRECONDITION_FAILED');
    expect(self.message).toMatch(/last admin/);
    const cli = await usersRoleScript(admin.email, 'user');
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/last admin cannot be demoted/);
    expect(await roleOf(admin.user.id)).toBe('admin');

    const second = await person('second-admin');
    await admin.client.admin.users.setRole.mutate({ userId: second.user.id, role: 'admin' });
    await pause(ROLE_FRESH_MS + 100);
    const outcomes = await Promise.allSettled([
      admin.client.admin.users.setRole.mutate({ userId: second.user.id, role: 'user' }),
      second.client.admin.users.setRole.mutate({ userId: admin.user.id, role: 'user' }),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const [row] = await server.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM users WHERE role = 'admin'",
    );
    expect(row?.n).toBe(1);
  });
});
