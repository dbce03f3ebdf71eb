import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type E2EServer,
  launchChromium,
  openSession,
  type Session,
  SMALL_PHONE,
  signUp,
  startGuestChat,
  startServer,
  uniqueEmail,
} from './support';

const REQUEST = '2 bedroom apartment in Girne for long-term rent under 1000, with parking';

/** How far the page scrolls sideways (0: not at all). */
const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/**
 * The narrowest common phone (360 wide) in every language: Turkish and Russian words are
 * longer ("Зарегистрироваться"), and no page may scroll sideways or push a control off
 * the screen.
 */
describe('360 wide, in every language', () => {
  let server: E2EServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer('web_small_screens');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each([
    ['en-US', 'en'],
    ['tr-TR', 'tr'],
    ['ru-RU', 'ru'],
  ])('no page scrolls sideways (%s)', async (locale, language) => {
    const s = await openSession(browser, {
      prefix: `narrow-${language}`,
      viewport: SMALL_PHONE.viewport,
      isMobile: true,
      locale,
    });
    const { page } = s;
    const width = SMALL_PHONE.viewport.width;

    await startGuestChat(page, server.url, { request: REQUEST });
    await s.shot('chat');
    expect(await sideways(page)).toBe(0);
    // The invitation's × stays on the screen, beside its button or under the words.
    const close = await page.locator('.guest-banner-close').boundingBox();
    expect(close!.x + close!.width).toBeLessThanOrEqual(width);

    await page.goto(`${server.url}/listings`);
    const card = page.getByRole('main').getByRole('article').first();
    await card.waitFor();
    await s.shot('listings');
    expect(await sideways(page)).toBe(0);
    await card.getByRole('heading').getByRole('link').click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.locator('.gallery, .listing-detail').first().waitFor();
    await s.shot('listing');
    expect(await sideways(page)).toBe(0);

    await page.goto(`${server.url}/favorites`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await s.shot('favorites');
    expect(await sideways(page)).toBe(0);

    // Saved searches and alerts need an account: signed up in English, then back.
    await page.evaluate(() => localStorage.setItem('parley.language', 'en'));
    await signUp(s, server.url, 'Deniz', uniqueEmail(`narrow-${language}`));
    await page.evaluate((l) => localStorage.setItem('parley.language', l), language);
    for (const path of ['/searches', '/alerts']) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      await s.shot(path.slice(1));
      expect(await sideways(page)).toBe(0);
    }
    expect(s.problems).toEqual([]);
    await s.context.close();
  });
});

/**
 * A laptop at 200% zoom is a 640x400 window: the chat's bars each take one slim line, so
 * the conversation keeps about half the height, and Sign up stays in the header.
 */
describe('a short window (640x400, a laptop at 200% zoom)', () => {
  let server: E2EServer;
  let browser: Browser;
  let s: Session;

  beforeAll(async () => {
    server = await startServer('web_short_screen');
    browser = await launchChromium();
    s = await openSession(browser, { prefix: 'short', viewport: { width: 640, height: 400 } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('keeps half the height for the conversation', async () => {
    const { page } = s;
    await startGuestChat(page, server.url, { request: REQUEST });
    await page.getByRole('button', { name: 'Talk to an agent' }).waitFor();
    await s.shot('chat');
    const sizes = await page.evaluate(() => {
      const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
      return {
        scroller: box('.chat-scroll').height,
        memory: box('.memory').height,
        banner: box('.guest-banner').height,
        bottom: box('.composer').bottom,
        width: document.documentElement.scrollWidth,
      };
    });
    expect(sizes.scroller).toBeGreaterThanOrEqual(190);
    // The chips are one line that scrolls sideways, the invitation one line.
    expect(sizes.memory).toBeLessThan(40);
    expect(sizes.banner).toBeLessThan(40);
    // The message box is on the screen, nothing scrolls sideways.
    expect(sizes.bottom).toBeLessThanOrEqual(400);
    expect(sizes.width).toBeLessThanOrEqual(640);
    // Sign up is in the header too, not only in the invitation.
    expect(await page.getByRole('banner').getByRole('link', { name: 'Sign up' }).isVisible()).toBe(
      true,
    );
    expect(s.problems).toEqual([]);
  });
});
