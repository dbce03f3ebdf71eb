import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type E2EServer,
  eventually,
  launchChromium,
  openSession,
  signUp,
  startGuestChat,
  startServer,
  uniqueEmail,
  VIEWPORTS,
} from './support';

const messageBox = (page: Page) => page.getByRole('textbox', { name: 'Message' });

/**
 * The message box's edges (a draft kept across a reload, the length limit), a first-time
 * visitor asking about a listing, and the bell's "Mark all read" on a page that is not
 * the listings page.
 */
describe('chat details', () => {
  let server: E2EServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer('web_chat_details');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const { name, viewport, isMobile } of VIEWPORTS) {
    it(`a first-time visitor asks about a listing with no account, and sees it at the chat's head (${name})`, async () => {
      const s = await openSession(browser, { prefix: `first-ask-${name}`, viewport, isMobile });
      const { page } = s;
      // Whether the empty conversation's words were ever on screen, however briefly
      // (between the chat opening and the hand-off arriving, say).
      await page.addInitScript(() => {
        const w = window as unknown as { sawEmpty?: boolean };
        new MutationObserver(() => {
          if (document.body?.textContent?.includes('No messages yet')) w.sawEmpty = true;
        }).observe(document, { childList: true, subtree: true, characterData: true });
      });
      await page.goto(`${server.url}/listings`);
      const card = page.getByRole('main').getByRole('article').first();
      await card.waitFor();
      const title = (await card.getByRole('heading').textContent()) ?? '';
      const price = (await card.locator('.listing-price').textContent()) ?? '';
      const town = ((await card.locator('.listing-facts').textContent()) ?? '').split(' · ')[1];
      const href = await card.getByRole('heading').getByRole('link').getAttribute('href');
      await card.getByRole('heading').getByRole('link').click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await s.shot('listing');
      // A button, as for a guest: pressing it makes one and asks, no sign-in on the way.
      await page.getByRole('button', { name: 'Ask about this listing' }).click();
      await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
      await page.getByText(/Waiting for an agent/).waitFor();
      await page.getByText('You are chatting as a guest.').waitFor();
      // The question's subject heads the conversation: its picture, title (a link to
      // it), price and town, not "No messages yet".
      const asked = page.getByRole('region', { name: 'You asked about this listing' });
      const expectAsked = async () => {
        await asked.getByRole('heading', { name: title }).waitFor();
        expect(await asked.getByRole('link', { name: title }).getAttribute('href')).toBe(href);
        await asked.getByText(price, { exact: true }).waitFor();
        expect(town).toBeTruthy();
        await asked.getByText(new RegExp(`· ${town}$`)).waitFor();
        await eventually(async () =>
          expect(
            await asked.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth),
          ).toBeGreaterThan(0),
        );
      };
      await expectAsked();
      await s.shot('waiting');
      // Still there after a reload: the hand-off, replayed, names the listing.
      await page.reload();
      await page.getByText(/Waiting for an agent/).waitFor();
      await expectAsked();
      expect(await page.getByText('No messages yet').count()).toBe(0);
      expect(await page.evaluate(() => (window as { sawEmpty?: boolean }).sawEmpty)).toBeFalsy();
      expect(s.problems).toEqual([]);
      await s.context.close();
    });
  }

  it('keeps an unsent message across a reload, in the message box', async () => {
    const s = await openSession(browser, { prefix: 'draft', viewport: VIEWPORTS[0].viewport });
    const { page, context } = s;
    await startGuestChat(page, server.url);
    // Typed, not sent. (A message that failed for want of a connection is sent by itself
    // when the connection returns: chat-runs tests that.)
    await messageBox(page).fill('with a pool?');
    await s.shot('typed');
    await page.reload();
    await page.getByRole('log').getByRole('article').first().waitFor();
    await eventually(async () => expect(await messageBox(page).inputValue()).toBe('with a pool?'));
    await s.shot('restored');
    // Still kept after another reload, and gone once sent.
    await page.reload();
    await eventually(async () => expect(await messageBox(page).inputValue()).toBe('with a pool?'));
    await messageBox(page).press('Enter');
    await page.getByRole('log').getByText('with a pool?').waitFor();
    await page.reload();
    await page.getByRole('log').getByText('with a pool?').waitFor();
    await page.waitForTimeout(500);
    expect(await messageBox(page).inputValue()).toBe('');
    s.allow(/Failed to fetch|WebSocket/);
    expect(s.problems).toEqual([]);
    await context.close();
  });

  it('says when a pasted text was cut to the limit, and counts near it', async () => {
    const s = await openSession(browser, { prefix: 'limit', viewport: VIEWPORTS[1].viewport });
    const { page, context } = s;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: server.url,
    });
    await startGuestChat(page, server.url);
    await page.evaluate(() => navigator.clipboard.writeText('a'.repeat(20_000)));
    await messageBox(page).focus();
    await page.keyboard.press('Control+V');
    await page.getByText('Too long: only the first 8,000 characters were kept.').waitFor();
    expect((await messageBox(page).inputValue()).length).toBe(8000);
    await s.shot('cut');
    await messageBox(page).fill('b'.repeat(7500));
    await page.getByText('7,500 of 8,000 characters').waitFor();
    await s.shot('count');
    await messageBox(page).fill('short');
    expect(await page.getByText(/of 8,000 characters/).count()).toBe(0);
    expect(s.problems).toEqual([]);
    await context.close();
  });

  it('draws the bell\'s "Mark all read" as a link-styled button on any page', async () => {
    const s = await openSession(browser, { prefix: 'bell', viewport: VIEWPORTS[0].viewport });
    const { page } = s;
    await signUp(s, server.url, 'Deniz', uniqueEmail('bell'));
    await page.goto(`${server.url}/listings?location=Girne&rentType=long_term&maxPrice=1500`);
    await page.getByRole('button', { name: 'Save this search' }).click();
    await page.getByRole('status').filter({ hasText: 'Search saved' }).waitFor();
    // A fresh page that is not the listings page: its stylesheet is not loaded.
    await page.goto(`${server.url}/favorites`);
    await server.query(
      `INSERT INTO listings (id, title, description, location, district, rent_type, property_type,
         bedrooms, bathrooms, area_sqm, price)
       VALUES (gen_random_uuid(), 'Harbour flat', 'Two bedrooms by the harbour.', 'Girne',
               'Girne', 'long_term', 'apartment', 2, 1, 80, 875)`,
    );
    const bell = page.getByRole('button', { name: 'Alerts: 1 unread' });
    await bell.waitFor({ timeout: 30_000 });
    await bell.click();
    const markAll = page.getByRole('button', { name: 'Mark all read' });
    await markAll.waitFor();
    await s.shot('panel');
    const look = await markAll.evaluate((button) => {
      const style = getComputedStyle(button);
      return {
        background: style.backgroundColor,
        border: style.borderTopWidth,
        color: style.color,
      };
    });
    // Not the browser's grey button: no face, no border, the app's green.
    expect(look).toEqual({
      background: 'rgba(0, 0, 0, 0)',
      border: '0px',
      color: expect.not.stringMatching(/^rgb\(0, 0, 0\)$/),
    });
    expect(s.problems).toEqual([]);
    await s.context.close();
  });
});
