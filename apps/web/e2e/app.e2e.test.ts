import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient } from '../../server/test/harness';
import {
  type E2EServer,
  eventually,
  launchChromium,
  openSession,
  type Session,
  startServer,
  uniqueEmail,
} from './support';

const QUESTION = '2 bedroom apartment in Girne for long-term rent under 1000';
const PASSWORD = 'violet harbour 4217';
const email = uniqueEmail('ayla');

/** The messages themselves (not the lists of chips and facts inside them). */
const messages = (page: Page) =>
  page.getByRole('log', { name: 'Messages' }).locator(':scope > ol > li');
const connection = (page: Page) => page.getByRole('status', { name: 'Connection' });

describe('Parley in a desktop browser', () => {
  let server: E2EServer;
  let browser: Browser;
  let s: Session;
  let page: Page;

  beforeAll(async () => {
    server = await startServer('web_e2e');
    browser = await launchChromium();
    s = await openSession(browser, { prefix: 'desktop', viewport: { width: 1280, height: 800 } });
    page = s.page;
    await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signs up, with field errors from the server shown beside the field', async () => {
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: /Find a home in North Cyprus/ }).waitFor();
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
    await page.waitForURL(/\/signin$/);
    // Pages are loaded on demand: wait for the page's chunk, then for its heading.
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await s.shot('signin');
    await page.getByRole('link', { name: 'Create an account' }).click();
    // Empty: one message per field, each the app's own words (never the server's English
    // beside them: "Name is required; Name must not be blank").
    await page.getByRole('button', { name: 'Sign up' }).click();
    const nameError = page.locator('.field').filter({ has: page.getByLabel('Name') });
    await eventually(async () =>
      expect(await nameError.locator('.field-error').textContent()).toBe('Name is required'),
    );
    expect(
      await page
        .locator('.field')
        .filter({ has: page.getByLabel('Email') })
        .locator('.field-error')
        .textContent(),
    ).toBe('Email is required');
    await s.shot('signup-empty');
    await page.getByLabel('Name').fill('Ayla');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Sign up' }).click();
    const password = page.getByLabel('Password');
    // The empty submission above left the field invalid ("is required"): wait for this
    // answer's message, read through the field's own description.
    await eventually(async () => {
      expect(await password.getAttribute('aria-invalid')).toBe('true');
      const describedBy = await password.getAttribute('aria-describedby');
      const error = await page.locator(`[id="${describedBy?.split(' ').at(-1)}"]`).textContent();
      expect(error).toMatch(/Password must be at least 8 characters/);
    });
    // The field in error has the focus (so its message is read out), not the page.
    await eventually(async () =>
      expect(await password.evaluate((el) => el === document.activeElement)).toBe(true),
    );
    expect(s.allow(/status of 400/)).toHaveLength(2);
    await s.shot('signup-field-error');
    await password.fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.waitForURL(/\/chat$/);
    await page.getByRole('heading', { name: 'Find a home in North Cyprus' }).waitFor();
    await s.shot('chat-welcome');
  });

  it('asks for a listing and sees the reply stream in with cards and filter chips', async () => {
    const box = page.getByRole('textbox', { name: 'Message' });
    await box.fill(QUESTION);
    await box.press('Enter');
    // The user's message is on screen before the reply.
    await messages(page).filter({ hasText: QUESTION }).first().waitFor();
    await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
    const cards = page.getByRole('log', { name: 'Messages' }).getByRole('article');
    await cards.first().waitFor();
    expect(await cards.count()).toBeGreaterThan(0);
    const first = cards.first();
    expect(await first.getByRole('heading').count()).toBe(1);
    expect(await first.textContent()).toMatch(/£[\d,]+(\.\d\d)?\/month/);
    expect(await first.textContent()).toMatch(/2 bedrooms/);
    const href = await first.getByRole('heading').getByRole('link').getAttribute('href');
    expect(href).toMatch(/^\/listings\/[0-9a-f-]{36}$/);
    const chips = page.getByRole('list', { name: 'Applied filters' }).first();
    const chipText = await chips.textContent();
    expect(chipText).toContain('Girne');
    expect(chipText).toContain('Long-term rent');
    expect(chipText).toContain('Up to £1,000');
    await eventually(async () => expect(await connection(page).textContent()).toContain('Live'));
    expect(await messages(page).count()).toBe(2);
    // The sidebar lists the new conversation, titled from the first message.
    const sidebar = page.getByRole('complementary', { name: 'Conversations' });
    await sidebar.getByRole('link', { name: new RegExp(QUESTION.slice(0, 30)) }).waitFor();
    await s.shot('chat-reply');
  });

  it('finds the whole conversation again after a reload', async () => {
    await page.reload();
    await page.getByRole('log', { name: 'Messages' }).getByRole('article').first().waitFor();
    expect(await messages(page).count()).toBe(2);
    expect(await messages(page).first().textContent()).toContain(QUESTION);
    await eventually(async () => expect(await connection(page).textContent()).toContain('Live'));
    await s.shot('chat-after-reload');
  });

  it('has room in the sidebar at 1280 wide: the whole search placeholder, a wide rename box', async () => {
    const sidebar = page.getByRole('complementary', { name: 'Conversations' });
    const search = sidebar.getByRole('searchbox', { name: 'Search conversations' });
    const fits = await search.evaluate((input: HTMLInputElement) => {
      const style = getComputedStyle(input);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = style.font;
      const text = context.measureText(input.placeholder).width;
      const padding = Number.parseFloat(style.paddingLeft) + Number.parseFloat(style.paddingRight);
      return text + padding <= input.clientWidth;
    });
    expect(fits).toBe(true);
    await sidebar
      .getByRole('button', { name: /^Rename / })
      .first()
      .click();
    const title = sidebar.getByRole('textbox', { name: 'Title' });
    const width = (await title.boundingBox())!.width;
    expect(width).toBeGreaterThan(220);
    await s.shot('sidebar-rename');
    await title.press('Escape');
    await sidebar
      .getByRole('button', { name: /^Rename / })
      .first()
      .waitFor();
  });

  it('shows reconnecting while the server restarts, then live, and loses nothing', async () => {
    expect(s.problems).toEqual([]);
    const conversationId = new URL(page.url()).pathname.split('/').at(-1)!;
    await server.stop();
    await eventually(async () =>
      expect(await connection(page).textContent()).toMatch(/Reconnecting/),
    );
    await s.shot('chat-reconnecting');
    // The browser goes offline too, so it cannot reconnect before the next step.
    await s.context.setOffline(true);
    await eventually(async () => expect(await connection(page).textContent()).toContain('Offline'));
    await s.shot('chat-offline');
    await server.restart();
    // While this page is away, the same user writes from another device: the page must
    // get that whole turn when it resumes from its last event id.
    const other = httpClient(server.url);
    const { accessToken } = await other.auth.login.mutate({ email, password: PASSWORD });
    const device = httpClient(server.url, accessToken);
    const sessions = await device.sessions.list.query({ status: 'active' });
    // The page's own session: the newest one over this conversation (a reload opened it).
    const live = sessions.items
      .filter((x) => x.conversationId === conversationId)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
    expect(live).toBeDefined();
    await device.sessions.send.mutate({
      sessionId: live!.id,
      content: 'sent from my phone',
      clientMessageId: randomUUID(),
    });
    expect(await messages(page).count()).toBe(2);
    await s.context.setOffline(false);
    await eventually(
      async () => expect(await connection(page).textContent()).toContain('Live'),
      30_000,
    );
    await eventually(async () => expect(await messages(page).count()).toBe(4));
    await s.shot('chat-live-again');
    // Refused connection attempts while the server was down are Chromium's own log lines.
    s.allow(/ERR_CONNECTION_REFUSED|ERR_INTERNET_DISCONNECTED|WebSocket connection to .* failed/);
    expect(s.problems).toEqual([]);

    const box = page.getByRole('textbox', { name: 'Message' });
    await box.fill('any with a pool?');
    await box.press('Enter');
    await eventually(async () => expect(await messages(page).count()).toBe(6));
    await eventually(async () => {
      const last = messages(page).last();
      expect(await last.getAttribute('aria-busy')).toBeNull();
      expect((await last.textContent())?.length).toBeGreaterThan(20);
    });
    // Nothing lost, nothing twice: three questions, three answers, in order.
    const texts = await messages(page).allTextContents();
    expect(texts[0]).toContain(QUESTION);
    expect(texts[2]).toContain('sent from my phone');
    expect(texts[4]).toContain('any with a pool?');
    expect(texts.filter((t) => t.startsWith('You:')).length).toBe(3);
    expect(texts.filter((t) => t.startsWith('Assistant:')).length).toBe(3);
    await page.reload();
    // After a reload the history comes first, then the runs that tell "Regenerate" apart.
    await eventually(async () => expect(await messages(page).allTextContents()).toEqual(texts));
    await s.shot('chat-after-restart');
  });

  it('browses listings with filters kept in the URL, across a reload', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Listings' })
      .click();
    await page.waitForURL(/\/listings$/);
    const results = page.getByRole('region', { name: /listings?$/ });
    await results.getByRole('article').first().waitFor();
    await s.shot('listings');
    await page.getByLabel('Location').fill('Kyrenia');
    await page.getByLabel('Rent or buy').selectOption('long_term');
    await page.waitForURL(/rentType=long_term/);
    await page.getByLabel('Max price').fill('1000');
    await page.getByRole('checkbox', { name: 'Sea view' }).check();
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/maxPrice=1000/);
    const url = new URL(page.url());
    expect(url.searchParams.get('location')).toBe('Kyrenia');
    expect(url.searchParams.get('rentType')).toBe('long_term');
    expect(url.searchParams.get('features')).toBe('sea_view');
    await page.getByRole('checkbox', { name: 'Sea view' }).uncheck();
    await page.waitForURL((u) => !u.searchParams.has('features'));
    await page.getByLabel('Sort by').selectOption('price_asc');
    await page.waitForURL(/sort=price_asc/);
    await eventually(async () => {
      const cards = await results.getByRole('article').allTextContents();
      expect(cards.length).toBeGreaterThan(0);
      for (const card of cards) {
        expect(card).toMatch(/Long-term rent/);
        expect(card).toMatch(/Girne/);
      }
      const prices = cards.map((c) => Number(/£([\d,]+)/.exec(c)?.[1]?.replace(/,/g, '')));
      for (const p of prices) expect(p).toBeLessThanOrEqual(1000);
      expect([...prices].sort((a, b) => a - b)).toEqual(prices);
    });
    await s.shot('listings-filtered');
    const filteredUrl = page.url();
    await page.reload();
    expect(page.url()).toBe(filteredUrl);
    expect(await page.getByLabel('Location').inputValue()).toBe('Kyrenia');
    expect(await page.getByLabel('Rent or buy').inputValue()).toBe('long_term');
    expect(await page.getByLabel('Max price').inputValue()).toBe('1000');
    expect(await page.getByLabel('Sort by').inputValue()).toBe('price_asc');
    await results.getByRole('article').first().waitFor();

    // Cursor paging: everything, then "Load more".
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await page.waitForURL(/\/listings$/);
    await results.getByRole('article').first().waitFor();
    const shown = await results.getByRole('article').count();
    await page.getByRole('button', { name: 'Load more' }).click();
    await eventually(async () =>
      expect(await results.getByRole('article').count()).toBeGreaterThan(shown),
    );

    const card = results.getByRole('article').first();
    const title = (await card.getByRole('heading').textContent()) ?? '';
    await card.getByRole('link', { name: title }).click();
    await page.waitForURL(/\/listings\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await s.shot('listing-detail');
  });

  it('creates an API key (shown once, copyable), lists it and revokes it', async () => {
    // Developer pages live in the account menu, not the main navigation.
    expect(
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'API keys' })
        .count(),
    ).toBe(0);
    await page.getByRole('button', { name: 'Account: Ayla' }).click();
    await s.shot('account-menu');
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByRole('heading', { name: 'API keys', level: 1 }).waitFor();
    // A name of spaces only: said once, not once per check it failed.
    await page.getByLabel('Key name').fill('   ');
    await page.getByRole('button', { name: 'Create key' }).click();
    const nameError = page.locator('.field-error').filter({ hasText: 'Key name' });
    await nameError.waitFor();
    expect(await nameError.textContent()).toBe('Key name is required');
    expect(s.allow(/status of 400/)).toHaveLength(1);
    await s.shot('key-name-empty');
    await page.getByLabel('Key name').fill('E2E widget');
    await page.getByLabel(/Read conversations/).check();
    await page.getByRole('button', { name: 'Create key' }).click();
    const keyBox = page.getByRole('textbox', { name: 'New API key' });
    await keyBox.waitFor();
    const key = await keyBox.inputValue();
    expect(key).toMatch(/^pk_/);
    await page.getByRole('button', { name: 'Copy' }).click();
    await page.getByText('Copied to the clipboard.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    const row = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'E2E widget' }) });
    await row.waitFor();
    expect(await row.textContent()).toContain('listings:read');
    expect(await row.textContent()).toContain('conversations:read');
    expect(await row.textContent()).toContain('Never used');
    await s.shot('keys-created');

    // The key works (with its scope) until it is revoked.
    const listConversations = (apiKey: string) =>
      page.evaluate(async (k) => {
        const input = encodeURIComponent(JSON.stringify({ json: { limit: 1 } }));
        const r = await fetch(`/trpc/conversations.list?input=${input}`, {
          headers: { 'x-api-key': k },
        });
        return r.status;
      }, apiKey);
    expect(await listConversations(key)).toBe(200);
    await page.getByRole('button', { name: 'Done' }).click();
    await page.reload();
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Last used/);

    await page.getByRole('button', { name: 'Revoke E2E widget' }).click();
    await page.getByRole('button', { name: 'Confirm revoke' }).click();
    await row.waitFor({ state: 'detached' });
    expect(await listConversations(key)).toBe(401);
    expect(s.allow(/status of 401/)).toHaveLength(1);
    await s.shot('keys-revoked');
  });

  it('signs out, and the refresh cookie is gone', async () => {
    const refreshCookie = async () =>
      (await s.context.cookies()).find((c) => c.name === '__Host-parley-refresh');
    expect(await refreshCookie()).toMatchObject({
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
    });
    await page.getByRole('button', { name: 'Account: Ayla' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin$/);
    expect(await refreshCookie()).toBeUndefined();
    // Signed out, /chat is a guest's chat: Ayla's account is not there any more.
    await page.goto(`${server.url}/chat`);
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();
    expect(await page.getByRole('button', { name: 'Account: Ayla' }).count()).toBe(0);
    // A request on its way while the server revoked the session is refused (401): the
    // revocation is immediate, and on a busy machine one sometimes races the sign-out.
    expect(s.allow(/status of 401/).length).toBeLessThanOrEqual(1);
  });

  it('wrote no console error or warning', () => {
    expect(s.problems).toEqual([]);
  });
});
