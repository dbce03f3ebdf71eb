import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../server/test/harness';
import {
  distDir,
  eventually,
  launchChromium,
  openSession,
  type Session,
  uniqueEmail,
  VIEWPORTS,
} from './support';

/**
 * Saved searches and alerts in the browser: "Save this search" on the listings page, the
 * bell's unread count going up live when a matching listing is written (straight into
 * the database, as any tool would), the alerts panel and page, the Saved searches page
 * (rename, pause, delete), and "Save this search" in a chat's memory row, whose alert
 * then arrives in that chat as a message with the listing's card.
 */
describe('saved searches and alerts', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer({
      label: 'web_alerts',
      env: { SEED_DEMO_LISTINGS: '60', WEB_DIST: distDir, LOG_LEVEL: 'info' },
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const listing = (title: string) =>
    server.db.query(
      `INSERT INTO listings (id, title, description, location, district, rent_type, property_type,
         bedrooms, bathrooms, area_sqm, price)
       VALUES (gen_random_uuid(), $1, 'Two bedrooms by the harbour.', 'Girne', 'Girne',
               'long_term', 'apartment', 2, 1, 80, 875)`,
      [title],
    );

  for (const { name, viewport, isMobile } of VIEWPORTS) {
    describe(`at ${name} width`, () => {
      let s: Session;
      let page: Page;

      beforeAll(async () => {
        s = await openSession(browser, { prefix: `alerts-${name}`, viewport, isMobile });
        page = s.page;
        await page.goto(`${server.url}/signup`);
        await page.getByLabel('Name').fill('Deniz');
        await page.getByLabel('Email').fill(uniqueEmail(`deniz-${name}`));
        await page.getByLabel('Password').fill('olive grove 5521');
        await page.getByRole('button', { name: 'Sign up' }).click();
        await page.waitForURL((url) => url.pathname.startsWith('/chat'));
      });

      it('tells a guest why Save this search asks for an account, and offers sign-up', async () => {
        const guest = await openSession(browser, {
          prefix: `alerts-guest-${name}`,
          viewport,
          isMobile,
        });
        await guest.page.goto(`${server.url}/listings?location=Girne&rentType=long_term`);
        await guest.page.getByRole('link', { name: 'Save this search' }).click();
        await guest.page.waitForURL(/\/signin$/);
        await guest.page.getByText('Saving a search needs an account').waitFor();
        await guest.shot('signin-why');
        await guest.page.getByRole('link', { name: 'No account yet? Create one for free' }).click();
        await guest.page.waitForURL(/\/signup$/);
        await guest.page.getByText('Saving a search needs an account').waitFor();
        expect(guest.problems).toEqual([]);
        await guest.context.close();
      });

      it('saves the search shown on the listings page', async () => {
        await page.goto(`${server.url}/listings?location=Girne&rentType=long_term&maxPrice=1500`);
        await page.getByRole('button', { name: 'Save this search' }).click();
        await page.getByRole('status').filter({ hasText: 'Search saved' }).waitFor();
        await s.shot('saved');
      });

      it('counts a new matching listing on the bell, live, and lists it', async () => {
        const bell = page.getByRole('button', { name: /^Alerts: \d+ unread$/ });
        await expect(bell.getAttribute('aria-label')).resolves.toBe('Alerts: 0 unread');
        // The saved searches page, from the account menu, updates as the alert comes.
        await page.getByRole('button', { name: 'Account: Deniz' }).click();
        await page
          .getByRole('list', { name: 'Yours' })
          .getByRole('link', { name: 'Saved searches' })
          .click();
        await page.getByRole('heading', { level: 1, name: 'Saved searches' }).waitFor();
        await page.getByText(/No alert yet/).waitFor();
        await listing(`Harbour flat for ${name}`);
        await eventually(async () =>
          expect(await bell.getAttribute('aria-label')).toBe('Alerts: 1 unread'),
        );
        await page.getByText(/Last alert/).waitFor();
        expect(await page.getByText(/No alert yet/).count()).toBe(0);
        await s.shot('searches-live');
        await s.shot('bell');
        await bell.click();
        const item = page.getByRole('link', { name: new RegExp(`Harbour flat for ${name}`) });
        await item.waitFor();
        await s.shot('panel');
        await page.getByRole('link', { name: 'All alerts' }).click();
        await page.getByRole('heading', { level: 1, name: 'Alerts' }).waitFor();
        await page.getByRole('link', { name: new RegExp(`Harbour flat for ${name}`) }).waitFor();
        await s.shot('alerts-page');
        await page.getByRole('button', { name: 'Mark all read' }).click();
        await eventually(async () =>
          expect(await bell.getAttribute('aria-label')).toBe('Alerts: 0 unread'),
        );
      });

      it('renames, pauses and deletes it on the Saved searches page', async () => {
        await page.getByRole('link', { name: 'Manage saved searches' }).click();
        await page.getByRole('heading', { level: 1, name: 'Saved searches' }).waitFor();
        await page.getByRole('button', { name: 'Rename' }).click();
        await page.getByLabel('Name').fill('Girne flats');
        await page.getByRole('button', { name: 'Save', exact: true }).click();
        await page.getByRole('link', { name: 'Girne flats' }).waitFor();
        await page.getByRole('button', { name: 'Pause' }).click();
        await page.getByText('Paused', { exact: true }).waitFor();
        await s.shot('searches');
        page.once('dialog', (dialog) => void dialog.accept());
        await page.getByRole('button', { name: 'Delete' }).click();
        await page.getByText(/No saved searches yet/).waitFor();
        expect(s.problems).toEqual([]);
      });

      it("saves a chat's filters from its memory row; the alert then arrives in that chat", async () => {
        await page.goto(`${server.url}/chat`);
        const box = page.getByRole('textbox', { name: 'Message' });
        await box.fill('2 bedroom apartment in Girne for long-term rent under 1000');
        await box.press('Enter');
        await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
        const conversationId = new URL(page.url()).pathname.split('/').at(-1)!;
        const memory = page.getByRole('region', { name: 'Searching for' });
        await memory.getByRole('listitem').filter({ hasText: 'Girne' }).waitFor();
        const save = memory.getByRole('button', { name: 'Save this search' });
        await save.waitFor();
        await s.shot('chat-memory');
        await save.click();
        await memory
          .getByRole('status')
          .filter({ hasText: 'Saved: new matches will also be posted in this chat.' })
          .waitFor();
        await s.shot('chat-saved');
        // On a phone the note covers the scrolled chips behind it from the row's top to its
        // bottom (a note only a line of text tall let a chip's edges show above and below).
        if (isMobile) {
          const note = (await memory.getByRole('status').boundingBox())!;
          const chip = (await memory.locator('.chip').first().boundingBox())!;
          expect(note.y).toBeLessThanOrEqual(chip.y);
          expect(note.y + note.height).toBeGreaterThanOrEqual(chip.y + chip.height);
        }
        const [saved] = await server.db.query<{ conversation_id: string; query: object }>(
          'SELECT conversation_id, query FROM saved_searches WHERE conversation_id = $1',
          [conversationId],
        );
        expect(saved?.query).toMatchObject({ location: 'Girne', rentType: 'long_term' });

        await listing(`Chat flat for ${name}`);
        const card = page
          .getByRole('log', { name: 'Messages' })
          .getByRole('region', { name: 'New listing for your saved search' })
          .getByRole('article')
          .filter({ hasText: `Chat flat for ${name}` });
        await card.waitFor();
        await card.scrollIntoViewIfNeeded();
        const bell = page.getByRole('button', { name: /^Alerts: \d+ unread$/ });
        await eventually(async () =>
          expect(await bell.getAttribute('aria-label')).toBe('Alerts: 1 unread'),
        );
        await s.shot('chat-alert');
        expect(s.problems).toEqual([]);
      });
    });
  }
});
