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
