import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort } from '@parley/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient, signUp, startTestServer, type TestServer } from './harness';

/**
 * docs/integrations.md is kept honest: its examples (curl, the Node and the Python
 * receivers, the widget's session endpoint) run here as written, against a real server.
 */
const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
// Inside apps/server's node_modules, so `import '@parley/sdk'` resolves as in a project.
const scratch = path.join(here, '../node_modules/.integrations-guide');

/** The fenced block of the guide whose first line is `<comment> example: <name>`. */
function example(guide: string, name: string): string {
  for (const match of guide.matchAll(/```[a-z]*\n([\s\S]*?)```/g)) {
    const [first, ...rest] = match[1]!.split('\n');
    if (first!.replace(/^(#|\/\/|<!--)\s*/, '').startsWith(`example: ${name}`))
      return rest.join('\n');
  }
  throw new Error(`docs/integrations.md has no example named ${name}`);
}

interface Running {
  child: ChildProcess;
  lines: string[];
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
}

/** Starts a program and collects its output lines. */
function start(command: string, args: string[], env: Record<string, string>): Running {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: 'pipe' });
  const lines: string[] = [];
  const listeners = new Set<() => void>();
  const take = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    for (const listener of listeners) listener();
  };
  child.stdout!.on('data', take);
  child.stderr!.on('data', take);
  return {
    child,
    lines,
    waitFor(pattern, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const line = lines.find((l) => pattern.test(l));
          if (!line) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve(line);
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no line matching ${pattern} in: ${lines.join(' | ')}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
  };
}

async function waitForPort(port: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    // A bare TCP connection: a request would reach the receiver and be logged.
    const up = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (up) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing listens on ${port}`);
}

let server: TestServer;
let guide: string;
let env: Record<string, string>;
const running: Running[] = [];

beforeAll(async () => {
  guide = await readFile(path.join(repo, 'docs/integrations.md'), 'utf8');
  server = await startTestServer({ label: 'guide', env: { WEBHOOK_ALLOW_PRIVATE: 'true' } });
  const user = await signUp(httpClient(server.url), 'guide');
  const owner = httpClient(server.url, user.accessToken);
  const key = await owner.auth.apiKeys.create.mutate({
    name: 'guide',
    scopes: ['conversations:read', 'sessions:write', 'webhooks:write'],
  });
  await owner.conversations.create.mutate({ title: 'From the guide' });
  env = { PARLEY_URL: server.url, PARLEY_API_KEY: key.key };
  await mkdir(scratch, { recursive: true });
});
afterAll(async () => {
  for (const r of running) r.child.kill();
  await server?.close();
  await rm(scratch, { recursive: true, force: true });
});

const sh = async (script: string, extra: Record<string, string> = {}) =>
  JSON.parse(
    (
      await run('bash', ['-euo', 'pipefail', '-c', script], {
        env: { ...process.env, ...env, ...extra },
      })
    ).stdout,
  );

describe('docs/integrations.md', () => {
  it('REST with curl lists conversations as the guide says', async () => {
    const page = await sh(example(guide, 'rest-list'));
    expect(page.items.map((c: { title: string }) => c.title)).toEqual(['From the guide']);
    expect(page).toHaveProperty('nextCursor', null);
  });

  for (const language of ['node', 'python'] as const) {
    it(`a webhook made with curl reaches the ${language} receiver, which verifies it`, async () => {
      const port = await freePort();
      const hook = await sh(example(guide, 'webhook-create'), {
        RECEIVER_URL: `http://127.0.0.1:${port}/parley`,
      });
      expect(hook.secret).toMatch(/^whsec_/);
      const receiverEnv = { PARLEY_WEBHOOK_SECRET: hook.secret, PORT: String(port) };
      let receiver: Running;
      if (language === 'node') {
        const file = path.join(scratch, 'receiver.mjs');
        await writeFile(file, example(guide, 'node-receiver'));
        receiver = start(process.execPath, [file], receiverEnv);
      } else {
        receiver = start('python3', ['-c', example(guide, 'python-receiver')], receiverEnv);
      }
      running.push(receiver);
      await waitForPort(port);
      const delivery = await sh(example(guide, 'webhook-test'), { WEBHOOK_ID: hook.webhook.id });
      expect(delivery).toMatchObject({ event: 'ping', status: 'pending' });
      await receiver.waitFor(new RegExp(`^verified ping ${delivery.id}$`));
      // A delivery signed with another secret is refused.
      const forged = await fetch(`http://127.0.0.1:${port}/parley`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'parley-signature': `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}`,
        },
        body: JSON.stringify({ id: 'x', type: 'ping', createdAt: '', data: {} }),
      });
      expect(forged.status).toBe(400);
      await receiver.waitFor(/^refused: /);
    });
  }

  it("the widget's session endpoint answers what <parley-chat> asks for", async () => {
    const html = example(guide, 'widget-page');
    expect(html).toContain('/widget.js');
    expect(html).toMatch(/<parley-chat session-url="\/parley-session"/);
    expect(
      guide.split('example: widget-page')[1]!.split('```')[0]!.split('\n').length,
    ).toBeLessThan(5);
    const port = await freePort();
    const file = path.join(scratch, 'session-endpoint.mjs');
    await writeFile(file, example(guide, 'session-endpoint'));
    const endpoint = start(process.execPath, [file], {
      ...env,
      PORT: String(port),
      SITE_ORIGIN: 'https://shop.example.com',
    });
    running.push(endpoint);
    await waitForPort(port);
    const res = await fetch(`http://127.0.0.1:${port}/parley-session`);
    const body = (await res.json()) as Record<string, string>;
    expect(body).toEqual({
      sessionId: expect.any(String),
      clientSecret: expect.stringMatching(/^cs_/),
      clientSecretExpiresAt: expect.any(String),
    });
    // The widget asks again before its secret expires: the same visitor (its cookie) gets
    // the same session with a fresh secret, another visitor a session of their own.
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const again = (await fetch(`http://127.0.0.1:${port}/parley-session`, {
      headers: { cookie },
    }).then((r) => r.json())) as Record<string, string>;
    expect(again.sessionId).toBe(body.sessionId);
    expect(again.clientSecret).toMatch(/^cs_/);
    expect(again.clientSecret).not.toBe(body.clientSecret);
    const stranger = (await fetch(`http://127.0.0.1:${port}/parley-session`).then((r) =>
      r.json(),
    )) as Record<string, string>;
    expect(stranger.sessionId).not.toBe(body.sessionId);
    body.clientSecret = again.clientSecret!;
    // The secret works from the allowed origin only.
    const fromShop = await fetch(`${server.url}/api/v1/sessions/${body.sessionId}`, {
      headers: { authorization: `Bearer ${body.clientSecret}`, origin: 'https://shop.example.com' },
    });
    expect(fromShop.status).toBe(200);
    // Made for the visitor (the cookie's id), so it stays out of the owner's own list.
    expect(((await fromShop.json()) as { endUserId: string }).endUserId).toBe(cookie.split('=')[1]);
    const fromElsewhere = await fetch(`${server.url}/api/v1/sessions/${body.sessionId}`, {
      headers: { authorization: `Bearer ${body.clientSecret}`, origin: 'https://evil.example.com' },
    });
    expect(fromElsewhere.status).toBe(403);
    // Once the session has ended (412 on a new secret) the visitor gets a new one.
    await fetch(`${server.url}/api/v1/sessions/${body.sessionId}/end`, {
      method: 'POST',
      headers: { 'x-api-key': env.PARLEY_API_KEY! },
    });
    const after = await fetch(`http://127.0.0.1:${port}/parley-session`, { headers: { cookie } });
    expect(after.status).toBe(200);
    expect(((await after.json()) as { sessionId: string }).sessionId).not.toBe(body.sessionId);
  });

  it("the widget's session endpoint answers a refusal with 502 or 503 and keeps running", async () => {
    // A Parley that is busy: 429 with Retry-After, as a limit answers.
    const busy = createServer((_req, res) => {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '7' });
      res.end(JSON.stringify({ code: 'TOO_MANY_REQUESTS', message: 'Slow down' }));
    });
    const busyPort = await freePort();
    await new Promise<void>((resolve) => busy.listen(busyPort, '127.0.0.1', resolve));
    const file = path.join(scratch, 'session-endpoint.mjs');
    await writeFile(file, example(guide, 'session-endpoint'));
    try {
      for (const [parleyUrl, apiKey, status] of [
        [server.url, 'pk_live_revoked', 502], // refused: the real server's 401
        [`http://127.0.0.1:${busyPort}`, env.PARLEY_API_KEY!, 503],
        ['http://127.0.0.1:1', env.PARLEY_API_KEY!, 502], // unreachable
      ] as const) {
        const port = await freePort();
        const endpoint = start(process.execPath, [file], {
          ...env,
          PARLEY_URL: parleyUrl,
          PARLEY_API_KEY: apiKey,
          PORT: String(port),
          SITE_ORIGIN: 'https://shop.example.com',
        });
        running.push(endpoint);
        await waitForPort(port);
        for (let i = 0; i < 2; i++) {
          const res = await fetch(`http://127.0.0.1:${port}/parley-session`);
          expect(res.status, parleyUrl).toBe(status);
          expect(await res.json()).toEqual({ error: expect.any(String) });
          expect(res.headers.get('retry-after')).toBe(status === 503 ? '7' : null);
        }
        // Still running after two refusals, with Parley's code in its log.
        expect(endpoint.child.exitCode).toBeNull();
        if (parleyUrl === server.url) await endpoint.waitFor(/UNAUTHORIZED/);
        if (status === 503) await endpoint.waitFor(/429 TOO_MANY_REQUESTS: Slow down/);
      }
    } finally {
      busy.close();
    }
  });
});
