import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type E2EServer,
  eventually,
  launchChromium,
  openSession,
  type Session,
  startGuestChat,
  startServer,
  uniqueEmail,
} from './support';

const WIDTH = 375;

/** Nothing sticks out sideways: the page never scrolls horizontally at phone width. */
async function fitsWidth(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(overflow).toBeLessThanOrEqual(WIDTH);
}

describe('Parley on a phone (375x812)', () => {
  let server: E2EServer;
  let browser: Browser;
  let s: Session;
  let page: Page;

  beforeAll(async () => {
    server = await startServer('web_phone');
    browser = await launchChromium();
    s = await openSession(browser, {
      prefix: 'phone',
      viewport: { width: WIDTH, height: 812 },
      isMobile: true,
    });
    page = s.page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signs up', async () => {
    await page.goto(`${server.url}/signup`);
    await page.getByLabel('Name').fill('Deniz');
    await page.getByLabel('Email').fill(uniqueEmail('deniz'));
    await page.getByLabel('Password').fill('lemon orchard 7731');
    await s.shot('signup');
    await fitsWidth(page);
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.waitForURL(/\/chat$/);
    await page.getByRole('heading', { name: 'Find a home in North Cyprus' }).waitFor();
    await fitsWidth(page);
    await s.shot('chat-welcome');
  });

  it('chats: the reply and its cards fit the screen', async () => {
    const box = page.getByRole('textbox', { name: 'Message' });
    await box.fill('2 bedroom apartment in Girne for long-term rent under 1000');
    await box.press('Enter');
    await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
    const cards = page.getByRole('log', { name: 'Messages' }).getByRole('article');
    await cards.first().waitFor();
    // On a phone the open conversation takes the whole screen; the list is one tap away.
    expect(await page.getByRole('complementary', { name: 'Conversations' }).isVisible()).toBe(
      false,
    );
    const card = await cards.first().boundingBox();
    expect(card!.x).toBeGreaterThanOrEqual(0);
    expect(card!.x + card!.width).toBeLessThanOrEqual(WIDTH);
    await fitsWidth(page);
    await eventually(async () =>
      expect(
        await page.getByRole('log').locator(':scope > ol > li').last().getAttribute('aria-busy'),
      ).toBeNull(),
    );
    // A new answer is taller than the pane: it is shown from its first line, not its end.
    const placement = await page.evaluate(() => {
      const scroller = document.querySelector<HTMLElement>('.chat-scroll')!;
      const answer = [...scroller.querySelectorAll('[role="log"] > ol > li')].at(-1)!;
      const view = scroller.getBoundingClientRect();
      const box = answer.getBoundingClientRect();
      return {
        top: box.top - view.top,
        bottom: box.bottom - view.top,
        height: view.height,
        below: scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight,
      };
    });
    expect(placement.bottom).toBeGreaterThan(placement.height);
    expect(placement.top).toBeGreaterThanOrEqual(0);
    expect(placement.top).toBeLessThan(40);
    expect(placement.below).toBeGreaterThan(100);
    await s.shot('chat-reply');
    await cards.first().scrollIntoViewIfNeeded();
    await s.shot('chat-cards');
    await page.getByRole('link', { name: 'Back to conversations' }).click();
    await page.getByRole('complementary', { name: 'Conversations' }).waitFor();
    await s.shot('conversations');
  });

  it('browses listings with the filters folded away', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Listings' })
      .click();
    const results = page.getByRole('region', { name: /listings?$/ });
    await results.getByRole('article').first().waitFor();
    expect(await page.getByLabel('Location').isVisible()).toBe(false);
    await fitsWidth(page);
    await s.shot('listings');
    await page.getByRole('button', { name: /^Filters/ }).click();
    await page.getByLabel('Rent or buy').selectOption('short_term');
    await page.waitForURL(/rentType=short_term/);
    await s.shot('listings-filters');
    await page.getByRole('button', { name: 'Hide filters' }).click();
    await results.getByRole('article').first().waitFor();
    const first = results.getByRole('article').first();
    expect(await first.textContent()).toMatch(/£[\d,]+(\.\d\d)?\/night/);
    await s.shot('listings-filtered');
    const title = (await first.getByRole('heading').textContent()) ?? '';
    await first.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await fitsWidth(page);
    await s.shot('listing-detail');
  });

  it('shows the API keys page', async () => {
    await page.getByRole('button', { name: 'Account: Deniz' }).click();
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByLabel('Key name').fill('Phone key');
    await page.getByRole('button', { name: 'Create key' }).click();
    await page.getByRole('textbox', { name: 'New API key' }).waitFor();
    await fitsWidth(page);
    await s.shot('keys');
  });

  it('wrote no console error or warning', () => {
    expect(s.problems).toEqual([]);
  });
});

/**
 * The smallest common phones, as a guest (the most chrome: the sign-up invitation too):
 * the conversation keeps room for at least one whole listing card.
 */
describe.each([
  { width: 360, height: 640 },
  { width: 390, height: 844 },
])('a guest chatting on a small phone ($width x $height)', (viewport) => {
  let server: E2EServer;
  let browser: Browser;
  let s: Session;
  let page: Page;

  beforeAll(async () => {
    server = await startServer(`web_small_${viewport.width}`);
    browser = await launchChromium();
    s = await openSession(browser, {
      prefix: `small-${viewport.width}`,
      viewport,
      isMobile: true,
    });
    page = s.page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('fits a whole listing card under the chat chrome', async () => {
    await startGuestChat(page, server.url, {
      request: '2 bedroom apartment in Girne for long-term rent under 1000, with parking',
      from: 'landing',
    });
    const cards = page.getByRole('log', { name: 'Messages' }).getByRole('article');
    const memory = page.getByRole('region', { name: 'Searching for' });
    await s.shot('reply');
    const sizes = await page.evaluate(() => {
      const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
      return {
        scroller: box('.chat-scroll').height,
        card: box('.chat-scroll article').height,
        memory: box('.memory').height,
        chips: box('.memory .chips').right,
        save: box('.memory .save-search').left,
        width: document.documentElement.scrollWidth,
      };
    });
    // A whole card fits in the conversation, with the chrome all there.
    expect(sizes.card).toBeLessThanOrEqual(sizes.scroller);
    // "Searching for" is one line, and no chip hides behind "Save".
    expect(sizes.memory).toBeLessThan(48);
    expect(sizes.chips).toBeLessThanOrEqual(sizes.save);
    expect(sizes.width).toBeLessThanOrEqual(viewport.width);
    await cards.first().scrollIntoViewIfNeeded();
    await s.shot('card');

    // The invitation, read once, can go: the message box takes the focus, and more room.
    await page.getByRole('button', { name: 'Hide this note' }).click();
    expect(await page.getByText('You are chatting as a guest.').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('composer-message');
    await s.shot('banner-hidden');

    // A chip removed says what happens next, in the same small room.
    await memory.getByRole('button', { name: 'Remove Parking' }).click();
    await page.getByText('The next answer will search without Parking.').waitFor();
    await s.shot('chip-removed');
    // Hidden for the visit: a reload does not bring it back.
    await page.reload();
    await cards.first().waitFor();
    expect(await page.getByText('You are chatting as a guest.').count()).toBe(0);
  });

  it('wrote no console error or warning', () => {
    expect(s.problems).toEqual([]);
  });
});
