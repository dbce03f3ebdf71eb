import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type E2EServer,
  eventually,
  launchChromium,
  makeStaff,
  openSession,
  signUp,
  startServer,
  uniqueEmail,
  VIEWPORTS,
} from './support';

/**
 * What a keyboard and a screen reader meet outside the chat: focus that stays where the
 * person is (never dropped to <body>), a focus ring on every control, nothing focused
 * under the sticky header, names that hold the words on screen, and forms that say
 * which fields are asked for and what they take.
 */

/** The focused element, as "tag: text" (a heading's words, a button's name). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const name = el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '';
    return `${el.tagName.toLowerCase()}: ${name}`;
  });

/** Presses Tab until `matches` holds for the focused element (at most `limit` times). */
async function tabTo(page: Page, matches: string, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, matches))
      return;
  }
  throw new Error(`Tab never reached ${matches}`);
}

/** Waits until the map is still: no pan, zoom or group animation, pins where they were. */
async function mapSettled(map: Locator): Promise<void> {
  let last = '';
  await eventually(async () => {
    const now = await map.evaluate((el) =>
      el.querySelector('.leaflet-pan-anim, .leaflet-zoom-anim, .leaflet-cluster-anim')
        ? 'moving'
        : JSON.stringify(
            [...el.querySelectorAll('.map-pin')].map((e) => {
              const r = e.getBoundingClientRect();
              return [r.x, r.y, getComputedStyle(e).opacity];
            }),
          ),
    );
    const still = now !== 'moving' && now === last;
    last = now;
    expect(still).toBe(true);
  });
}

describe('accessibility outside the chat', () => {
  let server: E2EServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer('web_a11y');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const { name, viewport, isMobile } of VIEWPORTS) {
    it(`keeps focus on the landing page: the language switch, a first heart, a link to another page (${name})`, async () => {
      const s = await openSession(browser, { prefix: `a11y-landing-${name}`, viewport, isMobile });
      const { page } = s;
      await page.goto(server.url);
      await page.locator('.listing-card').first().waitFor();

      // The language button's name holds what it shows ("EN"); after a choice made with
      // the keyboard, focus is back on it (not on <body>, with the menu gone).
      const language = page.getByRole('button', { name: /^EN, Language: English$/ });
      expect((await language.textContent())?.trim()).toBe('EN');
      await language.focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await focused(page)).toBe('button: Türkçe');
      await page.keyboard.press('Enter');
      await eventually(async () =>
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('tr'),
      );
      expect(await focused(page)).toBe('button: TR, Dil: Türkçe');
      await s.shot('language-chosen');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await eventually(async () =>
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('en'),
      );
      expect(await focused(page)).toBe('button: EN, Language: English');

      // What Tab focuses is never left under the 56 px sticky header.
      const cards = page.locator('.listing-card');
      // By class: its name changes from "Save …" to "Remove …" once pressed.
      const heart = cards.nth(1).locator('.favorite');
      expect(await heart.getAttribute('aria-label')).toMatch(/^Save .* to favourites$/);
      await heart.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 10));
      await cards
        .nth(0)
        .locator('button, a[href]:not([tabindex="-1"])')
        .last()
        .evaluate((el) => (el as HTMLElement).focus({ preventScroll: true }));
      await page.keyboard.press('Tab');
      expect(await heart.evaluate((el) => el === document.activeElement)).toBe(true);
      const header = (await page.locator('.app-header').boundingBox())!;
      expect((await heart.boundingBox())!.y).toBeGreaterThanOrEqual(header.y + header.height);
      await s.shot('tab-clear-of-header');

      // A visitor's first heart makes them a guest (the page's cards are read again): the
      // heart keeps the focus, pressed.
      await page.keyboard.press('Enter');
      await eventually(async () => expect(await heart.getAttribute('aria-pressed')).toBe('true'));
      await eventually(async () =>
        expect(await heart.evaluate((el) => el === document.activeElement)).toBe(true),
      );
      await s.shot('first-heart');

      // A link followed in the app: the new page's h1 has focus, not <body>.
      const seeAll = page.getByRole('link', { name: 'See all listings' }).first();
      await seeAll.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/listings$/);
      await eventually(async () => expect(await focused(page)).toBe('h1: Listings'));
      expect(await page.locator('h1').evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe(
        'none',
      );
      await s.shot('link-heading-focused');
      expect(s.problems).toEqual([]);
      await s.context.close();
    });
  }

  it('moves focus to the first pin of a group opened with Enter, not to the map', async () => {
    const s = await openSession(browser, {
      prefix: 'a11y-map',
      viewport: { width: 1280, height: 800 },
    });
    const { page } = s;
    await page.goto(`${server.url}/listings?view=map`);
    const map = page.getByRole('region', { name: 'Map of the listings' });
    await map.locator('.map-cluster').first().waitFor();
    await mapSettled(map);
    const group = map.locator('.map-cluster').first();
    const count = Number(/\d+/.exec((await group.textContent()) ?? '')?.[0]);
    expect(count).toBeGreaterThan(1);
    await group.focus();
    await page.keyboard.press('Enter');
    await mapSettled(map);
    await eventually(async () =>
      expect(
        await page.evaluate(() => {
          const el = document.activeElement;
          return Boolean(el?.matches('.map-pin') && el.closest('.leaflet-marker-pane'));
        }),
      ).toBe(true),
    );
    await s.shot('group-opened-keyboard');
    expect(s.problems).toEqual([]);
    await s.context.close();
  });

  for (const { name, viewport, isMobile } of VIEWPORTS) {
    it(`marks required fields, says each field's rule, and keeps focus through publishing and photos (${name})`, async () => {
      const s = await openSession(browser, { prefix: `a11y-forms-${name}`, viewport, isMobile });
      const { page } = s;

      // Sign-up: each field is required, marked "*" and explained once.
      await page.goto(`${server.url}/signup`);
      await page.getByRole('heading', { name: 'Create your account' }).waitFor();
      await page.getByText('Fields marked * are required.').waitFor();
      for (const label of ['Name', 'Email', 'Password']) {
        const field = page.getByLabel(label, { exact: true });
        expect(await field.evaluate((el) => (el as HTMLInputElement).required)).toBe(true);
        const mark = await page
          .locator('label', { hasText: label })
          .evaluate((el) => getComputedStyle(el, '::after').content);
        expect(mark).toContain('*');
      }
      await s.shot('signup-required');

      const email = uniqueEmail(`a11y-${name}`);
      await signUp(s, server.url, 'Selin', email);
      await makeStaff(server, email, 'agent');
      await page.goto(`${server.url}/my-listings/new`);
      await page.getByRole('heading', { name: 'New listing' }).waitFor();
      await page.getByText('Fields marked * are required.').waitFor();
      for (const label of ['Title', 'Description', 'Town', 'Bedrooms', 'Area (m²)', 'Price']) {
        expect(await page.getByLabel(label).getAttribute('aria-required')).toBe('true');
      }
      expect(await page.getByLabel('Latitude').getAttribute('aria-required')).toBeNull();

      // Each message says the rule, not "is not valid".
      const title = `Olive press loft ${Date.now().toString(36)}`;
      await page.getByLabel('Title').fill('ab');
      await page.getByLabel('Description').fill('A loft in an old olive press, near the harbour.');
      await page.getByLabel('Town').selectOption('Lapta');
      await page.getByLabel('Bedrooms').fill('abc');
      await page.getByLabel('Bathrooms').fill('51');
      await page.getByLabel('Area (m²)').fill('120');
      await page.getByLabel('Price').fill('900');
      await page.getByRole('button', { name: 'Publish listing' }).click();
      await page.getByText('Title must be 3 to 200 characters long').waitFor();
      await page.getByText('Bedrooms must be a whole number from 0 to 50').waitFor();
      await page.getByText('Bathrooms must be a whole number from 0 to 50').waitFor();
      expect(await page.getByText(/is not valid/).count()).toBe(0);
      await s.shot('listing-rules');

      // Published: the new listing's page has its h1 focused, not <body>.
      await page.getByLabel('Title').fill(title);
      await page.getByLabel('Bedrooms').fill('2');
      await page.getByLabel('Bathrooms').fill('1');
      await page.getByRole('button', { name: 'Publish listing' }).click();
      await page.waitForURL(/\/listings\/[0-9a-f-]{36}$/);
      await eventually(async () => expect(await focused(page)).toBe(`h1: ${title}`));
      expect(await page.locator('h1').getAttribute('tabindex')).toBe('-1');

      // "Add photos" shows a focus ring when its (hidden) file input has the focus.
      await tabTo(page, 'input[type="file"]');
      const label = page.locator('label.button', { hasText: 'Add photos' });
      await label.scrollIntoViewIfNeeded();
      const ring = await label.evaluate((el) => {
        const style = getComputedStyle(el);
        return [style.outlineStyle, style.outlineWidth];
      });
      expect(ring).toEqual(['solid', '3px']);
      await s.shot('add-photos-focused');
      expect(s.problems).toEqual([]);
      await s.context.close();
    });
  }
});
