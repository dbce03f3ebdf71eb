import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient, signUp } from '../../server/test/harness';
import {
  type E2EServer,
  eventually,
  launchChromium,
  openSession,
  type Session,
  startServer,
  uniqueEmail,
  VIEWPORTS,
} from './support';

const results = (page: Page) => page.getByRole('region', { name: /listings?$/ });
// The chat's messages: the log's list items (the log may be the list or a box around it).
const messages = (page: Page) => page.getByRole('log').first().locator(':scope > ol > li');
const favouritesLink = (page: Page) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Favourites' });
const savedTitles = (page: Page) =>
  page.getByRole('article').getByRole('heading').allTextContents();

/** Presses a card's heart and waits until it shows the listing saved; returns the title. */
async function heart(card: Locator): Promise<string> {
  const title = (await card.getByRole('heading').textContent())!;
  await card.getByRole('button', { name: /^Save .* to favourites$/ }).click();
  const pressed = card.getByRole('button', { name: /^Remove .* from favourites$/ });
  await eventually(async () => expect(await pressed.getAttribute('aria-pressed')).toBe('true'));
  return title;
}

/** A card's first photo, loaded from this server: a picture, not the empty frame. */
async function expectPicture(card: Locator, serverUrl: string): Promise<void> {
  const img = card.locator('.listing-card-image img');
  await img.scrollIntoViewIfNeeded();
  expect(await img.getAttribute('src')).toMatch(/^\/media\/demo-[a-z0-9-]+\/card\.webp$/);
  await eventually(async () =>
    expect(
      await img.evaluate((i: HTMLImageElement) => (i.complete ? i.naturalWidth : 0)),
    ).toBeGreaterThan(100),
  );
  const response = await card.page().request.get(`${serverUrl}${await img.getAttribute('src')}`);
  expect(response.headers()['content-type']).toBe('image/webp');
}

describe('favourites: hearts on cards and pages, and a Favourites page', () => {
  let server: E2EServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer('web_favorites');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const { name, viewport, isMobile } of VIEWPORTS) {
    describe(`at ${name} width`, () => {
      let s: Session;
      let page: Page;
      const saved: string[] = [];

      beforeAll(async () => {
        s = await openSession(browser, { prefix: `favorites-${name}`, viewport, isMobile });
        page = s.page;
      });

      it('saves two listings with their hearts as a visitor: a guest, no account, no sign-in', async () => {
        await page.goto(`${server.url}/listings?location=Lefko%C5%9Fa`);
        const cards = results(page).getByRole('article');
        await cards.first().waitFor();
        for (const i of [0, 1]) saved.push(await heart(cards.nth(i)));
        expect(new URL(page.url()).pathname).toBe('/listings');
        expect(new URL(page.url()).searchParams.get('location')).toBe('Lefkoşa');
        // Still not signed in: the header offers sign-in.
        expect(await page.getByRole('link', { name: 'Sign in' }).isVisible()).toBe(true);
        await s.shot('hearts-guest');
      });

      it('lists them on the guest’s Favourites page, newest saved first, also after a reload', async () => {
        await favouritesLink(page).click();
        await page.waitForURL(/\/favorites$/);
        await page.getByRole('heading', { level: 1, name: 'Your favourites' }).waitFor();
        await eventually(async () => expect(await savedTitles(page)).toEqual([saved[1], saved[0]]));
        await page.getByText('Saved as a guest, for a day.').waitFor();
        await page.reload();
        await eventually(async () => expect(await savedTitles(page)).toEqual([saved[1], saved[0]]));
        await s.shot('favorites-guest');
      });

      it('keeps them when the guest signs in to an existing account, back on the Favourites page', async () => {
        const account = await signUp(httpClient(server.url), `favorites-${name}`);
        await page.getByRole('link', { name: 'Sign in' }).click();
        await page.waitForURL(/\/signin$/);
        await page.getByLabel('Email').fill(account.email);
        await page.getByLabel('Password').fill(account.password);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.waitForURL(/\/favorites$/);
        await page.getByRole('button', { name: `Account: favorites-${name}` }).waitFor();
        await eventually(async () =>
          expect((await savedTitles(page)).sort()).toEqual([...saved].sort()),
        );
        expect(await page.getByText('Saved as a guest, for a day.').count()).toBe(0);
        await s.shot('favorites-signed-in');
      });

      it('unsaves from the listing page, and Back returns to the favourites', async () => {
        const title = (await savedTitles(page))[0]!;
        const kept = saved.find((t) => t !== title);
        await page.getByRole('article').first().getByRole('heading').getByRole('link').click();
        await page.getByRole('heading', { level: 1, name: title }).waitFor();
        const button = page.getByRole('button', { name: 'Saved', exact: true });
        expect(await button.getAttribute('aria-pressed')).toBe('true');
        await s.shot('listing-saved');
        await button.click();
        await page.getByRole('button', { name: 'Save', exact: true }).waitFor();
        await page.getByRole('link', { name: 'Back to favourites' }).click();
        await page.waitForURL(/\/favorites$/);
        await eventually(async () => expect(await savedTitles(page)).toEqual([kept]));
        expect(s.problems).toEqual([]);
        await s.context.close();
      });
    });
  }

  /**
   * Issue 16, done when: "a signed-out visitor lands on a page that explains Parley, chats
   * without an account, sees listing cards with pictures and a map, saves two favourites,
   * signs up and finds the conversation and favourites kept", in that order.
   */
  for (const { name, viewport, isMobile } of VIEWPORTS) {
    it(`walks a visitor from the landing page to an account that kept everything (${name})`, async () => {
      const s = await openSession(browser, { prefix: `journey-${name}`, viewport, isMobile });
      const { page } = s;
      const fits = async () =>
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          viewport.width,
        );

      // Lands on a page that explains Parley.
      await page.goto(server.url);
      await page.getByRole('heading', { level: 1, name: 'Find a home in North Cyprus' }).waitFor();
      expect(
        await page.getByText(/Parley is an assistant for renting and buying homes/).isVisible(),
      ).toBe(true);
      expect(await page.getByText(/No account needed/).isVisible()).toBe(true);
      await fits();
      await s.shot('landing');

      // Chats without an account: the assistant answers the guest.
      const request = '2 bedroom apartment in Girne for long-term rent under 1000';
      await page.getByRole('searchbox', { name: 'What are you looking for?' }).fill(request);
      await page.getByRole('button', { name: 'Ask', exact: true }).click();
      await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
      const conversationUrl = page.url();
      await page.getByText('You are chatting as a guest.').waitFor();
      await eventually(async () => expect(await messages(page).count()).toBe(2));
      expect(await messages(page).first().textContent()).toContain(request);
      const reply = messages(page).nth(1);
      expect((await reply.textContent())!.length).toBeGreaterThan(20);

      // Sees listing cards with pictures...
      const chatCards = page.getByRole('log').getByRole('article');
      await chatCards.first().waitFor();
      await expectPicture(chatCards.first(), server.url);
      await fits();
      await s.shot('guest-chat-card');

      // ...and a map.
      const openMap = async () => {
        await page
          .getByRole('navigation', { name: 'Main' })
          .getByRole('link', { name: 'Listings' })
          .click();
        await results(page).getByRole('article').first().waitFor();
        await page.getByRole('button', { name: 'Map', exact: true }).click();
        const map = page.getByRole('region', { name: 'Map of the listings' });
        await map.locator('path.map-land').first().waitFor();
        await eventually(async () =>
          expect(await map.locator('.map-pin').count()).toBeGreaterThan(0),
        );
        expect(await map.isVisible()).toBe(true);
      };
      await openMap();
      await fits();
      await s.shot('guest-map');

      // Saves two favourites: one of the chat's cards, then one beside the map.
      await page.goto(conversationUrl);
      await chatCards.first().waitFor();
      const saved = [await heart(chatCards.first())];
      await openMap();
      const another = results(page)
        .getByRole('article')
        .filter({ hasNot: page.getByRole('heading', { name: saved[0], exact: true }) });
      saved.push(await heart(another.first()));
      await s.shot('guest-two-hearts');

      // Signs up, from the conversation, and is taken back to it.
      await page.goto(conversationUrl);
      await page.getByRole('main').getByRole('link', { name: 'Sign up' }).click();
      await page.waitForURL(/\/signup$/);
      await page.getByLabel('Name').fill('Selin');
      await page.getByLabel('Email').fill(uniqueEmail(`journey-${name}`));
      await page.getByLabel('Password').fill('olive grove 5512');
      await page.getByRole('button', { name: 'Sign up' }).click();
      await page.waitForURL(conversationUrl);
      await page.getByRole('button', { name: 'Account: Selin' }).waitFor();
      expect(await page.getByText('You are chatting as a guest.').count()).toBe(0);

      // Finds the conversation kept: in the list...
      await eventually(async () => expect(await messages(page).count()).toBe(2));
      expect(await messages(page).first().textContent()).toContain(request);
      const back = page.getByRole('link', { name: 'Back to conversations' });
      if (await back.isVisible()) await back.click();
      const list = page.getByRole('complementary', { name: 'Conversations' });
      await list.getByRole('link', { name: new RegExp(request.slice(0, 30)) }).waitFor();
      await s.shot('account-conversations');

      // ...and the two favourites on the Favourites page.
      await favouritesLink(page).click();
      await page.waitForURL(/\/favorites$/);
      await eventually(async () => expect(await savedTitles(page)).toEqual([saved[1], saved[0]]));
      await fits();
      await s.shot('account-favorites');
      expect(s.problems).toEqual([]);
      await s.context.close();
    });
  }
});
