import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  eventually,
  makeStaff,
  openSession,
  signUp,
  uniqueEmail,
  useServerAndBrowser,
  VIEWPORTS,
} from './support';

/** The page's focused element, as "tag: its text" (its name for a link or button). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}: ${el.textContent?.trim()}` : '';
  });

/**
 * An agent manages their listings in the app: from the account menu to "My listings",
 * a new listing (its mistakes named beside each field), an edit, and a delete that asks
 * first. The listing shows in the search, and leaves it once deleted.
 */
describe('an agent creates, edits and deletes a listing', () => {
  const e2e = useServerAndBrowser('web_manage_listings');

  for (const { name, viewport, isMobile } of VIEWPORTS) {
    it(`at ${name} width (${viewport.width}x${viewport.height})`, async () => {
      const s = await openSession(e2e.browser, { prefix: `manage-${name}`, viewport, isMobile });
      const { page } = s;
      const email = uniqueEmail(`manage-${name}`);
      await signUp(s, e2e.server.url, 'Selin', email);
      await makeStaff(e2e.server, email, 'agent');
      await page.reload();

      await page.getByRole('button', { name: 'Account: Selin' }).click();
      await page.getByRole('link', { name: 'My listings' }).click();
      await page.getByRole('heading', { name: 'My listings' }).waitFor();
      await page.getByText('You have no listings yet.').waitFor();
      await page.getByRole('link', { name: 'New listing' }).click();
      await page.getByRole('heading', { name: 'New listing' }).waitFor();

      // Sent empty: each field says what it needs, and the first one has the focus.
      await page.getByRole('button', { name: 'Publish listing' }).click();
      await page.getByText('Title is required').waitFor();
      await page.getByText('Choose a town from the list.').waitFor();
      expect(await page.getByLabel('Title').evaluate((el) => el === document.activeElement)).toBe(
        true,
      );
      await s.shot('new-errors');

      const word = `Zeytin${Date.now().toString(36)}`;
      const title = `${word} garden villa`;
      await page.getByLabel('Title').fill(title);
      await page
        .getByLabel('Description')
        .fill('Stone villa among olive trees, a pool and a view of the sea.');
      await page.getByLabel('Town').selectOption('Lapta');
      await page.getByLabel('Rent or sale').selectOption('long_term');
      await page.getByLabel('Property type').selectOption('villa');
      await page.getByLabel('Bedrooms').fill('3');
      await page.getByLabel('Bathrooms').fill('2');
      await page.getByLabel('Area (m²)').fill('180');
      // A decimal comma, as much of Europe writes a price, is read as a point.
      await page.getByLabel('Price').fill('2100,50');
      await page.getByRole('checkbox', { name: 'Pool' }).check();
      await page.getByRole('checkbox', { name: 'Sea view' }).check();
      // Latitude alone: the missing half is named once (the hint says "both or neither").
      await page.getByLabel('Latitude').fill('35,352');
      await page.getByRole('button', { name: 'Publish listing' }).click();
      await page.getByText('Longitude is required').waitFor();
      expect(await page.getByText(/both or neither/i).count()).toBe(1);
      expect(
        await page.getByLabel('Price').evaluate((el) => el.getAttribute('aria-invalid')),
      ).toBeNull();
      await page.getByLabel('Longitude').scrollIntoViewIfNeeded();
      await s.shot('new-latitude-only');
      await page.getByLabel('Longitude').fill('33.164');
      await s.shot('new-filled');
      await page.getByRole('button', { name: 'Publish listing' }).click();

      // Its own page, with Edit for its agent and a small map (it has a place).
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByText('£2,100.50').first().waitFor();
      await page.getByRole('link', { name: 'Edit' }).waitFor();
      await page.getByRole('region', { name: 'Map of the listings' }).locator('.map-pin').waitFor();
      // Save lines up with the buttons beside it (it used to float between them).
      const edit = (await page.getByRole('link', { name: 'Edit' }).boundingBox())!;
      const save = (await page.getByRole('button', { name: 'Save', exact: true }).boundingBox())!;
      expect([Math.round(save.y), Math.round(save.height)]).toEqual([
        Math.round(edit.y),
        Math.round(edit.height),
      ]);
      await s.shot('created');

      // It shows in the search.
      await page.goto(`${e2e.server.url}/listings?q=${word}`);
      await page.getByRole('heading', { name: '1 listing' }).waitFor();
      await page.getByRole('link', { name: title }).waitFor();

      // Edit: the form holds its values; a change is saved and shown.
      await page.getByRole('link', { name: title }).click();
      await page.getByRole('link', { name: 'Edit' }).click();
      await page.getByRole('heading', { name: 'Edit listing' }).waitFor();
      expect(await page.getByLabel('Title').inputValue()).toBe(title);
      expect(await page.getByLabel('Town').inputValue()).toBe('Lapta');
      expect(await page.getByRole('checkbox', { name: 'Pool' }).isChecked()).toBe(true);
      // The photos of the listing are added here too.
      await page.getByRole('heading', { name: 'Your photos' }).waitFor();
      await page.getByLabel('Price').fill('1950.555');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('Price may have at most 2 decimal places').waitFor();
      await s.shot('edit-error');
      await page.getByLabel('Price').fill('1950');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByText('£1,950').first().waitFor();

      // Delete asks first (focus on Cancel), then the row goes and the heading has focus.
      await page.goto(`${e2e.server.url}/my-listings`);
      await page.getByRole('button', { name: `Delete ${title}` }).click();
      const question = page.getByRole('group', { name: `Delete ${title}?` });
      await question.waitFor();
      expect(await focused(page)).toBe('button: Cancel');
      await s.shot('delete-confirm');
      await question.getByRole('button', { name: 'Delete', exact: true }).click();
      await page.getByText(`“${title}” was deleted.`).waitFor();
      await page.getByText('You have no listings yet.').waitFor();
      expect(await focused(page)).toBe('h1: My listings');
      await s.shot('deleted');

      // Gone from the search.
      await page.goto(`${e2e.server.url}/listings?q=${word}`);
      await eventually(async () =>
        expect(await page.getByRole('heading', { name: '0 listings' }).count()).toBe(1),
      );
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );
      expect(s.problems).toEqual([]);
      await s.context.close();
    });
  }
});
