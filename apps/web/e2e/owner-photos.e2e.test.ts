import { randomUUID } from 'node:crypto';
import { createParleyClient, type ParleyClient } from '@parley/sdk';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type E2EServer,
  eventually,
  launchChromium,
  openSession,
  startServer,
  uniqueEmail,
  VIEWPORTS,
} from './support';

const PASSWORD = 'harbour lights 8812';

/**
 * An agent adds a photo to a listing from its page, and the listing's card shows it;
 * nobody else sees the upload control.
 */
describe("an agent adds photos on the listing's page", () => {
  let server: E2EServer;
  let browser: Browser;
  const clients: ParleyClient[] = [];

  beforeAll(async () => {
    server = await startServer('web_owner_photos');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await browser?.close();
    await server?.close();
  });

  /** An agent with one listing of their own, made through the API. */
  async function agentWithListing(label: string) {
    const email = uniqueEmail(label);
    const anon = createParleyClient({ url: server.url, transport: 'http' });
    clients.push(anon);
    const me = await anon.auth.register.mutate({ email, password: PASSWORD, name: 'Deniz' });
    await server.db.query(`UPDATE users SET role = 'agent' WHERE id = $1`, [me.user.id]);
    const agent = createParleyClient({
      url: server.url,
      transport: 'http',
      token: me.accessToken,
      refreshToken: me.refreshToken,
    });
    clients.push(agent);
    const title = `Lemon tree cottage ${randomUUID().slice(0, 6)}`;
    const listing = await agent.listings.create.mutate({
      title,
      description: 'Stone cottage with a lemon orchard, ten minutes from the sea.',
      location: 'Lapta',
      rentType: 'long_term',
      propertyType: 'house',
      bedrooms: 2,
      bathrooms: 1,
      areaSqm: 110,
      price: 1_150,
      currency: 'GBP',
      features: ['garden'],
    });
    return { email, listing, title };
  }

  for (const { name, viewport, isMobile } of VIEWPORTS) {
    it(`uploads a photo that then shows on the card (${name})`, async () => {
      const { email, listing, title } = await agentWithListing(`agent-${name}`);
      // A real picture's bytes: one of the demo listings' drawn photos.
      const demo = await createParleyClient({
        url: server.url,
        transport: 'http',
      }).listings.search.query({ location: 'Girne', limit: 10 });
      const drawn = demo.items.find((l) => l.images.length > 0)!;
      const demoPhoto = await fetch(`${server.url}${drawn.images[0]}`);
      const bytes = Buffer.from(await demoPhoto.arrayBuffer());

      const s = await openSession(browser, { prefix: `owner-photos-${name}`, viewport, isMobile });
      const { page } = s;
      try {
        await page.goto(`${server.url}/signin`);
        await page.getByLabel('Email').fill(email);
        await page.getByLabel('Password').fill(PASSWORD);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.waitForURL((url) => url.pathname !== '/signin');

        await page.goto(`${server.url}/listings/${listing.id}`);
        const section = page.getByRole('region', { name: 'Your photos' });
        await section.waitFor();
        await section.getByLabel('Add photos').setInputFiles({
          name: 'garden.webp',
          mimeType: 'image/webp',
          buffer: bytes,
        });
        await section.getByText('1 photo added.').waitFor();
        await s.shot('added');
        const updated = await createParleyClient({
          url: server.url,
          transport: 'http',
        }).listings.get.query({ id: listing.id });
        expect(updated.images).toHaveLength(1);
        const key = /^\/media\/([a-z0-9-]+)\//.exec(updated.images[0]!)![1]!;

        // The card in the list shows it.
        await page.goto(`${server.url}/listings?q=${encodeURIComponent(title)}`);
        const card = page.getByRole('article').filter({ hasText: title });
        await card.waitFor();
        await eventually(async () => {
          const src = await card.locator('img').first().getAttribute('src');
          expect(src).toContain(`/media/${key}/`);
        });
        await card.locator('img').first().scrollIntoViewIfNeeded();
        await s.shot('card');
        expect(s.problems).toEqual([]);
      } finally {
        await s.context.close();
      }
    });
  }

  for (const { name, viewport, isMobile } of VIEWPORTS) {
    it(`removes a photo (with Undo) and puts another on the card, from the keyboard (${name})`, async () => {
      const { email, listing, title } = await agentWithListing(`order-${name}`);
      // Three of the demo listings' drawn photos, given to this listing through the API.
      const demo = await createParleyClient({
        url: server.url,
        transport: 'http',
      }).listings.search.query({ location: 'Girne', limit: 20 });
      const photos = demo.items.flatMap((l) => l.images.slice(0, 1)).slice(0, 3);
      expect(photos).toHaveLength(3);
      const [a, b, c] = photos as [string, string, string];
      const agent = createParleyClient({ url: server.url, transport: 'http' });
      clients.push(agent);
      const signedIn = await agent.auth.login.mutate({ email, password: PASSWORD });
      const owner = createParleyClient({
        url: server.url,
        transport: 'http',
        token: signedIn.accessToken,
      });
      clients.push(owner);
      await owner.listings.update.mutate({ id: listing.id, images: photos });
      const stored = async () =>
        (
          await createParleyClient({ url: server.url, transport: 'http' }).listings.get.query({
            id: listing.id,
          })
        ).images;

      const s = await openSession(browser, {
        prefix: `owner-photos-order-${name}`,
        viewport,
        isMobile,
      });
      const { page } = s;
      try {
        await page.goto(`${server.url}/signin`);
        await page.getByLabel('Email').fill(email);
        await page.getByLabel('Password').fill(PASSWORD);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.waitForURL((url) => url.pathname !== '/signin');
        await page.goto(`${server.url}/listings/${listing.id}`);
        const section = page.getByRole('region', { name: 'Your photos' });
        const list = section.getByRole('list', { name: 'Photos, in the order shown' });
        await list.waitFor();
        expect(await list.getByRole('listitem').count()).toBe(3);
        await list.getByRole('listitem').first().getByText('On the card').waitFor();
        await list.scrollIntoViewIfNeeded();
        await s.shot('three-photos');

        // Photo 3 on the card, from the keyboard.
        await list.getByRole('button', { name: 'Put photo 3 on the card' }).focus();
        await page.keyboard.press('Enter');
        await section.getByText('The photo is now the first one, on the card.').waitFor();
        await eventually(async () => expect(await stored()).toEqual([c, a, b]));
        // Focus is on the photo now first, not lost to the page.
        expect(
          await page.evaluate(
            () => document.activeElement?.closest('li')?.querySelector('img')?.alt,
          ),
        ).toBe('Photo 1 of 3');
        await s.shot('made-first');

        // Remove photo 2: said, with Undo, which takes focus and puts it back in its place.
        await list.getByRole('button', { name: 'Remove photo 2' }).focus();
        await page.keyboard.press('Enter');
        await section.getByText('Photo removed.').waitFor();
        await eventually(async () => expect(await stored()).toEqual([c, b]));
        expect(await list.getByRole('listitem').count()).toBe(2);
        const undo = section.getByRole('button', { name: 'Undo' });
        await eventually(async () =>
          expect(await undo.evaluate((el) => el === document.activeElement)).toBe(true),
        );
        await s.shot('removed');
        await page.keyboard.press('Enter');
        await section.getByText('Photo put back.').waitFor();
        await eventually(async () => expect(await stored()).toEqual([c, a, b]));
        expect(await list.getByRole('listitem').count()).toBe(3);
        await s.shot('put-back');

        // Removed for good: the card in the list shows the photo put first.
        await list.getByRole('button', { name: 'Remove photo 3' }).click();
        await section.getByText('Photo removed.').waitFor();
        await eventually(async () => expect(await stored()).toEqual([c, a]));
        const key = /^\/media\/([a-z0-9-]+)\//.exec(c)?.[1];
        await page.goto(`${server.url}/listings?q=${encodeURIComponent(title)}`);
        const card = page.getByRole('article').filter({ hasText: title });
        await card.waitFor();
        if (key) {
          await eventually(async () =>
            expect(await card.locator('img').first().getAttribute('src')).toContain(
              `/media/${key}/`,
            ),
          );
        }

        // A file that is not a picture: said in the page's words, naming the file.
        await page.goto(`${server.url}/listings/${listing.id}`);
        await section.getByLabel('Add photos').setInputFiles({
          name: 'bad.txt',
          mimeType: 'text/plain',
          buffer: Buffer.from('not a picture at all'),
        });
        const alert = section.getByRole('alert');
        await alert.waitFor();
        expect(await alert.textContent()).toBe('bad.txt is not a picture (JPEG, PNG or WebP)');
        await alert.scrollIntoViewIfNeeded();
        await s.shot('not-a-picture');
        s.allow(/status of 400/);
        expect(s.problems).toEqual([]);
      } finally {
        await s.context.close();
      }
    });
  }

  it('shows no upload control to a visitor or another user', async () => {
    const { listing } = await agentWithListing('agent-other');
    const s = await openSession(browser, {
      prefix: 'owner-photos-visitor',
      viewport: { width: 1280, height: 800 },
    });
    try {
      await s.page.goto(`${server.url}/listings/${listing.id}`);
      await s.page.getByRole('heading', { level: 1 }).waitFor();
      expect(await s.page.getByRole('region', { name: 'Your photos' }).count()).toBe(0);
    } finally {
      await s.context.close();
    }
  });
});
