/**
 * How the built app reaches a browser: under the server's strict CSP the pages render
 * and work with no violation (sign-in shot at desktop and phone width, a chat over the
 * WebSocket), scripts arrive brotli-compressed, each page's code loads only when its
 * route is shown, and the build publishes no source maps. Credentials: no script of the
 * page can read the refresh token, and two tabs refreshing at once stay signed in.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  distDir,
  type E2EServer,
  launchChromium,
  openSession,
  startServer,
  uniqueEmail,
} from './support';

let server: E2EServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer('web_delivery');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the build', () => {
  it('has no source maps and a .br and .gz copy of every script and stylesheet', async () => {
    const assets = await readdir(path.join(distDir, 'assets'));
    expect(assets.filter((f) => f.endsWith('.map'))).toEqual([]);
    const code = assets.filter((f) => /\.(js|css)$/.test(f));
    expect(code.length).toBeGreaterThan(5);
    for (const file of code) {
      const text = await readFile(path.join(distDir, 'assets', file), 'utf8');
      expect(text, file).not.toMatch(/sourceMappingURL/);
      if (text.length >= 1024) {
        expect(assets, file).toContain(`${file}.br`);
        expect(assets, file).toContain(`${file}.gz`);
      }
    }
  });
});

describe.each([
  { name: 'desktop', viewport: { width: 1280, height: 800 }, isMobile: false },
  { name: 'phone', viewport: { width: 375, height: 812 }, isMobile: true },
])('sign-in under the CSP ($name)', ({ name, viewport, isMobile }) => {
  it('renders with no CSP violation, compressed, loading only its own page chunk', async () => {
    const s = await openSession(browser, { prefix: `csp-${name}`, viewport, isMobile });
    const scripts: { url: string; encoding: string | undefined }[] = [];
    s.page.on('response', (res) => {
      if (res.url().endsWith('.js'))
        scripts.push({ url: res.url(), encoding: res.headers()['content-encoding'] });
    });
    const document = await s.page.goto(`${server.url}/signin`);
    expect(document?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(document?.headers()['x-frame-options']).toBe('DENY');
    await s.page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await s.page.getByRole('button', { name: 'Sign in' }).waitFor();
    await s.shot('signin');
    expect(s.problems).toEqual([]);
    const names = scripts.map((r) => path.basename(new URL(r.url).pathname));
    expect(names.some((n) => n.startsWith('SignInPage-'))).toBe(true);
    for (const page of ['ChatPage-', 'KeysPage-', 'ListingsPage-'])
      expect(
        names.some((n) => n.startsWith(page)),
        page,
      ).toBe(false);
    // Chromium accepts br: every script large enough to have a copy came compressed.
    const entry = scripts.find((r) => /\/assets\/index-[\w-]{8}\.js$/.test(r.url));
    expect(entry?.encoding).toBe('br');
    await s.context.close();
  });
});

describe('a signed-in chat under the CSP', () => {
  it('signs up and chats over the WebSocket with no violation', async () => {
    const s = await openSession(browser, {
      prefix: 'csp-chat',
      viewport: { width: 1280, height: 800 },
    });
    await s.page.goto(`${server.url}/signup`);
    await s.page.getByLabel('Name').fill('Selin');
    await s.page.getByLabel('Email').fill(uniqueEmail('selin'));
    await s.page.getByLabel('Password').fill('walnut harbour 5120');
    await s.page.getByRole('button', { name: 'Sign up' }).click();
    await s.page.waitForURL(/\/chat$/);
    const box = s.page.getByRole('textbox', { name: 'Message' });
    await box.fill('3 bedroom villa in Kyrenia for sale');
    await box.press('Enter');
    await s.page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
    await s.page.getByRole('log', { name: 'Messages' }).getByRole('article').first().waitFor();
    await s.shot('chat');
    expect(s.problems).toEqual([]);
    await s.context.close();
  });

  it('a missing asset is a 404, not the app', async () => {
    const res = await fetch(`${server.url}/assets/index-missing0.js`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('<div id="root">');
  });
});

describe('credentials in the browser', () => {
  it('keeps the refresh token out of scripts, and two tabs reloading at once stay signed in', async () => {
    const s = await openSession(browser, {
      prefix: 'tabs',
      viewport: { width: 1280, height: 800 },
    });
    const first = s.page;
    await first.goto(`${server.url}/signup`);
    await first.getByLabel('Name').fill('Mert');
    await first.getByLabel('Email').fill(uniqueEmail('mert'));
    await first.getByLabel('Password').fill('copper lantern 9043');
    await first.getByRole('button', { name: 'Sign up' }).click();
    await first.waitForURL(/\/chat$/);
    // Nothing a script can read holds a token: storage has a hint only, the cookie is httpOnly.
    const readable = await first.evaluate(() => ({
      storage: JSON.stringify({ ...localStorage, ...sessionStorage }),
      cookie: document.cookie,
    }));
    expect(readable.storage).not.toMatch(/rt_|eyJ/);
    expect(readable.cookie).toBe('');
    const cookies = await s.context.cookies();
    expect(cookies.find((c) => c.name === '__Host-parley-refresh')).toMatchObject({
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
    });

    // A second tab; then both reload at the same moment: both refresh with one cookie.
    const second = await s.context.newPage();
    await second.goto(`${server.url}/chat`);
    await second.getByRole('textbox', { name: 'Message' }).waitFor();
    const refreshes: string[] = [];
    for (const tab of [first, second])
      tab.on('response', (res) => {
        if (res.url().includes('auth.refresh')) refreshes.push(String(res.status()));
      });
    await Promise.all([first.reload(), second.reload()]);
    for (const tab of [first, second]) {
      await tab.getByRole('textbox', { name: 'Message' }).waitFor();
      expect(new URL(tab.url()).pathname).toBe('/chat');
    }
    expect(refreshes.length).toBeGreaterThanOrEqual(2);
    expect(refreshes.every((status) => status === '200')).toBe(true);
    // The family was not revoked: one more reload still finds the user signed in.
    await second.reload();
    await second.getByRole('textbox', { name: 'Message' }).waitFor();
    expect(new URL(second.url()).pathname).toBe('/chat');
    expect(s.problems).toEqual([]);

    // Signing out in one tab signs the other out too: it shows Sign in, not "Live".
    await first.getByRole('textbox', { name: 'Message' }).fill('a flat in Girne');
    await first.getByRole('textbox', { name: 'Message' }).press('Enter');
    await first.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
    await second.goto(first.url());
    await second.getByText('Live', { exact: true }).waitFor();
    await first.getByRole('button', { name: 'Account: Mert' }).click();
    await first.getByRole('button', { name: 'Sign out' }).click();
    await first.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();
    await second.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();
    expect(await second.getByRole('button', { name: 'Account: Mert' }).count()).toBe(0);
    expect(await second.getByText('Live', { exact: true }).count()).toBe(0);
    await second.getByRole('heading', { name: 'Sign in' }).waitFor();
    await s.shot('other-tab-signed-out');
    s.allow(/status of 401/);
    expect(s.problems).toEqual([]);
    await s.context.close();
  });
});
