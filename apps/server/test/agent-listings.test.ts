import { createParleyClient, isParleyError, type ParleyClient } from '@parley/sdk';
import type { ListingCreateInput } from '@parley/validators';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, httpClient, signUp, startTestServer, type TestServer } from './harness';

/*
 * An agent's own listings: photos uploaded through the SDK (`client.media.upload`, the
 * one call that is not tRPC) go into `images`, and `listings.search({ agentId })` lists
 * that agent's listings and nobody else's.
 */
let server: TestServer;
const clients: ParleyClient[] = [];
beforeAll(async () => {
  server = await startTestServer({ label: 'agent_listings', env: { SEED_DEMO_LISTINGS: '30' } });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await server?.close();
});

async function person(role: 'user' | 'agent') {
  const who = await signUp(httpClient(server.url), role);
  if (role !== 'user')
    await server.db.query('UPDATE users SET role = $1 WHERE id = $2', [role, who.user.id]);
  const client = createParleyClient({
    url: server.url,
    token: who.accessToken,
    refreshToken: who.refreshToken,
    transport: 'http',
  });
  clients.push(client);
  return { ...who, client };
}

const photo = (colour: string) =>
  sharp({ create: { width: 1200, height: 800, channels: 3, background: colour } })
    .jpeg()
    .toBuffer();

const fields = (title: string, images: string[]): ListingCreateInput => ({
  title,
  description: 'Two bedrooms, balcony, five minutes from the harbour.',
  location: 'Girne',
  rentType: 'long_term',
  propertyType: 'apartment',
  bedrooms: 2,
  bathrooms: 1,
  areaSqm: 90,
  price: 900,
  currency: 'GBP',
  features: ['balcony'],
  images,
});

describe("an agent's listings", () => {
  it('uploads photos with the SDK, lists them, and lists only its own listings', async () => {
    const agent = await person('agent');
    const other = await person('agent');
    const picture = await agent.client.media.upload(await photo('#3a7'));
    expect(picture.url).toMatch(/^\/media\/[a-z0-9-]+\/page\.webp$/);
    expect(picture.sizes.card).toMatch(/\/card\.webp$/);
    // The stored picture is served, as WebP.
    const served = await fetch(`${server.url}${picture.sizes.card}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/webp');

    const first = await agent.client.listings.create.mutate(fields('Harbour flat', [picture.url]));
    const second = await agent.client.listings.create.mutate(fields('Garden flat', []));
    await other.client.listings.create.mutate(fields('Someone else', []));

    const mine = await httpClient(server.url).listings.search.query({
      agentId: agent.user.id,
      sort: 'newest',
    });
    expect(mine.items.map((l) => l.id)).toEqual([second.id, first.id]);
    expect(mine.total).toBe(2);
    expect(mine.items[1]!.images).toEqual([picture.url]);
    expect(mine.items[1]!.agent).toEqual({ id: agent.user.id, name: agent.user.name });
    // Filters combine with it, and an agent with no listings has none.
    const cheap = await httpClient(server.url).listings.search.query({
      agentId: agent.user.id,
      maxPrice: 100,
    });
    expect(cheap.total).toBe(0);
    const nobody = await httpClient(server.url).listings.search.query({
      agentId: (await person('user')).user.id,
    });
    expect(nobody.items).toEqual([]);
  });

  it('refuses a bad agentId, an upload by a plain user, and bytes that are no picture', async () => {
    const bad = await errorOf(() =>
      httpClient(server.url).listings.search.query({ agentId: 'not-a-uuid' }),
    );
    expect(bad.data.code).toBe('BAD_REQUEST');
    expect(Object.keys(bad.data.fieldErrors ?? {})).toContain('agentId');

    const user = await person('user');
    const forbidden = await user.client.media.upload(await photo('#a33')).catch((e) => e);
    expect(isParleyError(forbidden)).toBe(true);
    expect(forbidden).toMatchObject({ code: 'FORBIDDEN', httpStatus: 403 });

    const agent = await person('agent');
    const garbage = await agent.client.media
      .upload(new TextEncoder().encode('not a picture at all'))
      .catch((e) => e);
    expect(garbage).toMatchObject({ code: 'BAD_REQUEST', httpStatus: 400 });
    expect(Object.keys(garbage.fieldErrors ?? {})).toEqual(['file']);
  });

  it('refuses an update that changes one half of the coordinates, and stores nothing', async () => {
    const agent = await person('agent');
    const listing = await agent.client.listings.create.mutate({
      ...fields('Placed flat', []),
      lat: 35.33,
      lng: 33.31,
    });
    const error = await errorOf(() =>
      httpClient(server.url, agent.accessToken).listings.update.mutate({
        id: listing.id,
        lng: null,
      }),
    );
    expect(error.data.code).toBe('BAD_REQUEST');
    expect(Object.keys(error.data.fieldErrors ?? {})).toEqual(['lat']);
    const now = await agent.client.listings.get.query({ id: listing.id });
    expect([now.lat, now.lng]).toEqual([35.33, 33.31]);
  });

  it('renews an expired access token for an upload, as for every other call', async () => {
    const agent = await person('agent');
    const client = createParleyClient({
      url: server.url,
      token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.invalid',
      refreshToken: agent.refreshToken,
      transport: 'http',
    });
    clients.push(client);
    const picture = await client.media.upload(await photo('#37a'));
    expect(picture.key).toBeTruthy();
  });
});
