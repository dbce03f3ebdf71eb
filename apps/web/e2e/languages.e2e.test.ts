import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient, signUp } from '../../server/test/harness';
import {
  type E2EServer,
  eventually,
  launchChromium,
  openSession,
  type Session,
  startServer,
} from './support';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

// The chat's messages: the log's list items (the log may be the list or a box around it).
const messages = (page: Page) => page.getByRole('log').first().locator(':scope > ol > li');
const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);
/** Intl groups digits with no-break spaces; compare them as plain spaces. */
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

describe('the front door', () => {
  let server: E2EServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer('web_front');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows a signed-out visitor what Parley is, listings, and answers a request as a guest, kept on sign-up', async () => {
    const s = await openSession(browser, { prefix: 'landing', viewport: DESKTOP });
    const { page } = s;
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: /Find a home in North Cyprus/ }).waitFor();
    expect(await page.getByText(/Parley is an assistant for renting and buying/).isVisible()).toBe(
      true,
    );
    const recent = page.getByRole('region', { name: 'Recently listed' });
    await recent.getByRole('article').first().waitFor();
    expect(await recent.getByRole('article').count()).toBe(6);
    expect(await recent.getByRole('article').first().textContent()).toMatch(/£[\d,.]+/);
    // "API keys" is nowhere in a home-seeker's navigation.
    expect(await page.getByRole('link', { name: 'API keys' }).count()).toBe(0);
    await s.shot('en-desktop');
    await page.setViewportSize(PHONE);
    await s.shot('en-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
    await page.setViewportSize(DESKTOP);

    // A request typed here is answered in the chat at once, as a guest: no account needed.
    const request = '2 bedroom apartment in Girne for long-term rent under 1000';
    expect(await page.getByText('No account needed').count()).toBe(1);
    await page.getByRole('searchbox', { name: 'What are you looking for?' }).fill(request);
    await page.getByRole('searchbox', { name: 'What are you looking for?' }).press('Enter');
    await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
    await messages(page).filter({ hasText: request }).first().waitFor();
    // The home page's box is gone: the chat's message box has the focus, ready for more.
    await eventually(async () =>
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('composer-message'),
    );
    await page.getByRole('log').getByRole('article').first().waitFor();
    expect(await messages(page).count()).toBe(2);
    const banner = page.getByText('You are chatting as a guest.');
    await banner.waitFor();
    const conversationUrl = page.url();
    await s.shot('guest-chat');
    await page.setViewportSize(PHONE);
    await s.shot('guest-chat-phone');
    await page.setViewportSize(DESKTOP);
    // Back does not ask it again.
    await page.goBack();
    await page.waitForURL(/\/chat$/);
    await page.waitForTimeout(500);
    await page.goForward();
    await eventually(async () => expect(await messages(page).count()).toBe(2));
    // A reload keeps the guest and its conversation.
    await page.reload();
    await eventually(async () => expect(await messages(page).count()).toBe(2));
    await banner.waitFor();
    // Signing up keeps the conversation: it moves to the new account.
    await page.getByRole('main').getByRole('link', { name: 'Sign up' }).click();
    await page.waitForURL(/\/signup$/);
    await page.getByLabel('Name').fill('Selin');
    await page.getByLabel('Email').fill(`selin-${Date.now()}@example.com`);
    await page.getByLabel('Password').fill('olive grove 5512');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.waitForURL(conversationUrl);
    await eventually(async () => expect(await messages(page).count()).toBe(2));
    expect(await messages(page).first().textContent()).toContain(request);
    await s.shot('guest-signed-up');
    await page.getByRole('button', { name: 'Account: Selin' }).waitFor();
    expect(await page.getByText('You are chatting as a guest.').count()).toBe(0);
    const sidebar = page.getByRole('complementary', { name: 'Conversations' });
    await sidebar.getByRole('link', { name: new RegExp(request.slice(0, 30)) }).waitFor();
    // Signed in, `/` is the chat.
    await page.goto(server.url);
    await page.waitForURL(/\/chat$/);
    expect(s.problems).toEqual([]);
    await s.context.close();
  });

  it.each([
    ['tr-TR', 'tr', /Kuzey Kıbrıs'ta evinizi sorarak bulun/],
    ['ru-RU', 'ru', /Найдите жильё на Северном Кипре/],
    ['de-DE', 'en', /Find a home in North Cyprus/],
  ])('speaks the browser language by default (%s: %s)', async (locale, language, heading) => {
    const s = await openSession(browser, {
      prefix: `browser-${locale}`,
      viewport: DESKTOP,
      locale,
    });
    // Only the language on screen is fetched: each is a chunk of its own (assets/<language>-*.js).
    const fetched: string[] = [];
    s.page.on('request', (request) => {
      const chunk = /\/assets\/(en|tr|ru)-[\w-]+\.js$/.exec(new URL(request.url()).pathname);
      if (chunk) fetched.push(chunk[1]!);
    });
    await s.page.goto(server.url);
    await s.page.getByRole('heading', { level: 1, name: heading }).waitFor();
    expect(await htmlLang(s.page)).toBe(language);
    expect(fetched).toEqual([language]);
    expect(s.problems).toEqual([]);
    await s.context.close();
  });

  it('after sign-in, lands on the conversation link that was opened while signed out', async () => {
    const api = httpClient(server.url);
    const account = await signUp(api, 'Kerem');
    const owner = httpClient(server.url, account.accessToken);
    const { conversation } = await owner.sessions.create.mutate({});
    await owner.conversations.update.mutate({ id: conversation.id, title: 'Sea-view flats' });

    const s = await openSession(browser, { prefix: 'redirect', viewport: DESKTOP });
    const { page } = s;
    await page.goto(`${server.url}/chat/${conversation.id}`);
    await page.waitForURL(/\/signin$/);
    // Through "create an account" and back to sign in: where they were going is kept.
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.waitForURL(/\/signup$/);
    // The page's chunk first: until it renders, the last "Sign in" link is the header's.
    await page.getByRole('button', { name: 'Sign up' }).waitFor();
    await page.getByRole('link', { name: 'Sign in' }).last().click();
    await page.waitForURL(/\/signin$/);
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Password').fill(account.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(new RegExp(`/chat/${conversation.id}$`));
    await page.getByRole('heading', { level: 1, name: 'Sea-view flats' }).waitFor();
    await page.waitForTimeout(300);
    expect(new URL(page.url()).pathname).toBe(`/chat/${conversation.id}`);
    expect(s.problems).toEqual([]);
    await s.context.close();
  });
});

interface LanguageCase {
  language: 'tr' | 'ru';
  name: string;
  heading: RegExp;
  signIn: string;
  signInHeading: string;
  email: string;
  password: string;
  listings: string;
  period: RegExp;
  count: RegExp;
  request: string;
  messageLabel: string;
  messages: string;
  live: string;
  account: string;
}

const CASES: LanguageCase[] = [
  {
    language: 'tr',
    name: 'Türkçe',
    heading: /Kuzey Kıbrıs'ta evinizi sorarak bulun/,
    signIn: 'Giriş yap',
    signInHeading: 'Giriş yap',
    email: 'E-posta',
    password: 'Şifre',
    listings: 'İlanlar',
    period: /£[\d.]+(,\d\d)? (aylık|gecelik)/,
    count: /^[\d.]+ ilan$/,
    request: "Girne'de kiralık 2+1 daire",
    messageLabel: 'Mesaj',
    messages: 'Mesajlar',
    live: 'Canlı',
    account: 'Hesap',
  },
  {
    language: 'ru',
    name: 'Русский',
    heading: /Найдите жильё на Северном Кипре/,
    signIn: 'Войти',
    signInHeading: 'Вход',
    email: 'Электронная почта',
    password: 'Пароль',
    listings: 'Объявления',
    period: /[\d ]+(,\d\d)? £ (в месяц|за ночь)/,
    count: /^[\d ]+ объявлени(е|я|й)$/,
    request: '2-комнатная квартира в Кирении до £800',
    messageLabel: 'Сообщение',
    messages: 'Сообщения',
    live: 'В сети',
    account: 'Аккаунт',
  },
];

describe.each(CASES)('Parley in $name', (c) => {
  let server: E2EServer;
  let browser: Browser;
  let s: Session;
  let page: Page;
  let account: { email: string; password: string };

  beforeAll(async () => {
    server = await startServer(`web_${c.language}`);
    browser = await launchChromium();
    s = await openSession(browser, { prefix: c.language, viewport: DESKTOP });
    page = s.page;
    account = await signUp(httpClient(server.url), 'Aylin');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('switches from the browser language (English) and remembers the choice after a reload', async () => {
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: /Find a home/ }).waitFor();
    expect(await htmlLang(page)).toBe('en');
    await page.getByRole('button', { name: 'Language: English' }).click();
    await s.shot('language-menu');
    await page.getByRole('button', { name: c.name }).click();
    await page.getByRole('heading', { level: 1, name: c.heading }).waitFor();
    expect(await htmlLang(page)).toBe(c.language);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: c.heading }).waitFor();
    expect(await htmlLang(page)).toBe(c.language);
    expect(await page.title()).not.toMatch(/Find a home/);
    const recent = page
      .getByRole('region')
      .filter({ has: page.getByRole('article') })
      .last();
    await recent.getByRole('article').first().waitFor();
    expect(plain(await recent.textContent())).toMatch(c.period);
    await s.shot('landing-desktop');
    await page.setViewportSize(PHONE);
    await s.shot('landing-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
    await page.setViewportSize(DESKTOP);
  });

  it('shows the listings with prices and periods in the language', async () => {
    await page.getByRole('navigation').getByRole('link', { name: c.listings }).click();
    await page.getByRole('heading', { level: 1, name: c.listings }).waitFor();
    const results = page.getByRole('region').filter({ has: page.getByRole('article') });
    await results.getByRole('article').first().waitFor();
    expect(plain(await results.getByRole('heading', { level: 2 }).textContent())).toMatch(c.count);
    expect(plain(await results.textContent())).toMatch(c.period);
    await s.shot('listings');
  });

  it('signs in and chats, with the interface in the language', async () => {
    await page.getByRole('banner').getByRole('link', { name: c.signIn }).click();
    await page.getByRole('heading', { level: 1, name: c.signInHeading }).waitFor();
    await page.getByLabel(c.email).fill(account.email);
    await page.getByLabel(c.password).fill(account.password);
    await page.getByRole('button', { name: c.signIn }).click();
    await page.waitForURL(/\/chat$/);
    expect(await htmlLang(page)).toBe(c.language);
    const box = page.getByRole('textbox', { name: c.messageLabel });
    await box.fill(c.request);
    await box.press('Enter');
    await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
    const log = page.getByRole('log', { name: c.messages });
    await eventually(async () => {
      expect(await messages(page).count()).toBe(2);
      expect(await messages(page).last().getAttribute('aria-busy')).toBeNull();
    }, 30_000);
    await eventually(async () =>
      expect(
        await page.getByRole('status', { name: /Bağlantı|Соединение/ }).textContent(),
      ).toContain(c.live),
    );
    expect(
      await page.getByRole('button', { name: new RegExp(`^${c.account}: Aylin$`) }).count(),
    ).toBe(1);
    expect(await log.isVisible()).toBe(true);
    await s.shot('chat-desktop');
    await page.setViewportSize(PHONE);
    await s.shot('chat-phone');
    await page.setViewportSize(DESKTOP);
    expect(s.problems).toEqual([]);
  });
});
