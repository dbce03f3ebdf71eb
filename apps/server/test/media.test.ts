import { pngBomb } from '@parley/testing';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, httpClient, signUp, startTestServer, type TestServer } from './harness';

/**
 * Pictures over HTTP on the real server: agents upload (`POST /media`), anyone fetches
 * (`GET /media/<key>/<size>.webp`), listings take the URLs; hostile files are refused with
 * a code and the field, and nothing is stored for them.
 */
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ label: 'media', env: { SEED_DEMO_LISTINGS: '20' } });
});
afterAll(() => server?.close());

async function person(role: 'user' | 'agent') {
  const anon = httpClient(server.url);
  const who = await signUp(anon, role);
  if (role !== 'user')
    await server.db.query('UPDATE users SET role = $1 WHERE id = $2', [role, who.user.id]);
  return who;
}

const upload = (body: Buffer | string, token?: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/media`, {
    method: 'POST',
    body,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });

const jpeg = (width = 1600, height = 1200) =>
  sharp({ create: { width, height, channels: 3, background: '#c84' } })
    .jpeg()
    .withExifMerge({ IFD0: { Artist: 'Owner Name' } })
    .toBuffer();

describe('POST /media', () => {
  it('takes an agent’s photo and serves it in two sizes, cacheable, without EXIF', async () => {
    const agent = await person('agent');
    // The name and type the client claims do not matter; the bytes do.
    const res = await upload(await jpeg(), agent.accessToken, { 'content-type': 'text/plain' });
    expect(res.status).toBe(201);
    const body = (await res.json()) as {
      key: string;
      url: string;
      sizes: { card: string; page: string };
      width: number;
      height: number;
    };
    expect(body).toMatchObject({ width: 1600, height: 1200, url: body.sizes.page });
    for (const [size, width] of [
      ['card', 480],
      ['page', 1280],
    ] as const) {
      const picture = await fetch(`${server.url}${body.sizes[size]}`);
      expect(picture.status).toBe(200);
      expect(picture.headers.get('content-type')).toBe('image/webp');
      expect(picture.headers.get('cache-control')).toMatch(/immutable/);
      expect(picture.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      expect(picture.headers.get('x-content-type-options')).toBe('nosniff');
      const bytes = Buffer.from(await picture.arrayBuffer());
      const meta = await sharp(bytes).metadata();
      expect(meta).toMatchObject({ format: 'webp', width });
      expect(meta.exif).toBeUndefined();
      expect(bytes.includes('Owner Name')).toBe(false);
    }

    // The URL goes into a listing and comes back on it.
    const client = httpClient(server.url, agent.accessToken);
    const listing = await client.listings.create.mutate({
      title: 'Flat with a photo',
      description: 'Has a real photo.',
      location: 'Girne',
      rentType: 'long_term',
      propertyType: 'apartment',
      bedrooms: 1,
      bathrooms: 1,
      areaSqm: 50,
      price: 600,
      images: [body.url, 'https://images.example.com/a.jpg'],
    });
    expect((await client.listings.get.query({ id: listing.id })).images[0]).toBe(body.url);
  });

  it('refuses plain users, and callers without a credential', async () => {
    const user = await person('user');
    const forbidden = await upload(await jpeg(), user.accessToken);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ code: 'FORBIDDEN' });
    const anonymous = await upload(await jpeg());
    expect(anonymous.status).toBe(401);
    const body = (await anonymous.json()) as { requestId: string };
    expect(body.requestId).toBe(anonymous.headers.get('x-request-id'));
  });

  it('accepts an API key with listings:write', async () => {
    const agent = await person('agent');
    const client = httpClient(server.url, agent.accessToken);
    const { key } = await client.auth.apiKeys.create.mutate({
      name: 'photos',
      scopes: ['listings:write'],
    });
    const res = await fetch(`${server.url}/media`, {
      method: 'POST',
      body: await jpeg(800, 600),
      headers: { 'x-api-key': key },
    });
    expect(res.status).toBe(201);
  });

  it('refuses hostile and wrong files with BAD_REQUEST naming the file, and stores nothing', async () => {
    const agent = await person('agent');
    const cases: [string, Buffer | string, RegExp][] = [
      ['a script', '#!/bin/sh\necho pwned\n', /not a picture/],
      [
        'an SVG with a script',
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        /not a picture|JPEG, PNG or WebP/,
      ],
      [
        'a GIF',
        await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
          .gif()
          .toBuffer(),
        /JPEG, PNG or WebP/,
      ],
      ['half a JPEG', (await jpeg()).subarray(0, 4000), /damaged/],
    ];
    for (const [what, body, message] of cases) {
      const res = await upload(body, agent.accessToken);
      expect(res.status, what).toBe(400);
      const error = (await res.json()) as {
        code: string;
        message: string;
        fieldErrors: Record<string, string[]>;
      };
      expect(error.code, what).toBe('BAD_REQUEST');
      expect(error.fieldErrors.file?.[0], what).toMatch(message);
      // The field is named once: in the message, not again inside its own entry.
      expect(error.fieldErrors.file?.[0], what).not.toMatch(/^file:/);
      expect(error.message, what).toMatch(/^file: (?!file:)/);
    }
  });

  it('refuses a decompression bomb by its declared size', async () => {
    const agent = await person('agent');
    // Declares 30,000 x 30,000 (2.7 GB decoded) in a few kilobytes.
    const bomb = pngBomb(30_000);
    expect(bomb.length).toBeLessThan(10_000);
    const res = await upload(bomb, agent.accessToken);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/at most 40000000 pixels/);
  });

  it('refuses more than 10 MB with PAYLOAD_TOO_LARGE', async () => {
    const agent = await person('agent');
    const res = await upload(
      Buffer.concat([await jpeg(), Buffer.alloc(10 * 1024 * 1024)]),
      agent.accessToken,
    );
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });
});

describe('POST /media, many at once', () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startTestServer({
      label: 'media-limit',
      env: { SEED_DEMO_LISTINGS: '0', RATE_LIMIT_UPLOADS_PER_MINUTE: '3' },
    });
  });
  afterAll(() => limited?.close());

  it("limits one person's uploads a minute, their keys' with them, with the wait to retry", async () => {
    const agent = await signUp(httpClient(limited.url), 'uploader');
    await limited.db.query("UPDATE users SET role = 'agent' WHERE id = $1", [agent.user.id]);
    const { key } = await httpClient(limited.url, agent.accessToken).auth.apiKeys.create.mutate({
      name: 'photos',
      scopes: ['listings:write'],
    });
    const picture = await jpeg(400, 300);
    const send = (headers: Record<string, string>) =>
      fetch(`${limited.url}/media`, { method: 'POST', body: picture, headers });
    const bearer = { authorization: `Bearer ${agent.accessToken}` };
    expect((await send(bearer)).status).toBe(201);
    expect((await send(bearer)).status).toBe(201);
    expect((await send({ 'x-api-key': key })).status).toBe(201);
    const refused = await send({ 'x-api-key': key });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      retryAfter: expect.any(Number),
    });
    // Another agent has a minute of their own.
    const other = await signUp(httpClient(limited.url), 'other-uploader');
    await limited.db.query("UPDATE users SET role = 'agent' WHERE id = $1", [other.user.id]);
    expect((await send({ authorization: `Bearer ${other.accessToken}` })).status).toBe(201);
  });
});

describe('pictures no listing uses', () => {
  it('are deleted once MEDIA_ORPHAN_HOURS have passed; those a listing uses, and newer ones, stay', async () => {
    const agent = await person('agent');
    const client = httpClient(server.url, agent.accessToken);
    const uploaded = async () => {
      const res = await upload(await jpeg(320, 240), agent.accessToken);
      expect(res.status).toBe(201);
      return (await res.json()) as { key: string; url: string; sizes: { card: string } };
    };
    const [used, abandoned, fresh] = [await uploaded(), await uploaded(), await uploaded()];
    const recorded = await server.db.query(
      'SELECT key, user_id FROM media_uploads WHERE key = ANY($1) ORDER BY key',
      [[used.key, abandoned.key, fresh.key]],
    );
    expect(recorded).toHaveLength(3);
    expect(recorded.every((r) => r.user_id === agent.user.id)).toBe(true);
    const listing = await client.listings.create.mutate({
      title: 'Flat with one photo kept',
      description: 'Only the first upload is used.',
      location: 'Girne',
      rentType: 'long_term',
      propertyType: 'apartment',
      bedrooms: 1,
      bathrooms: 1,
      areaSqm: 50,
      price: 600,
      images: [used.url],
    });
    const age = (keys: string[]) =>
      server.db.query(
        "UPDATE media_uploads SET created_at = now() - interval '25 hours' WHERE key = ANY($1)",
        [keys],
      );
    const status = async (picture: { url: string; sizes: { card: string } }) => [
      (await fetch(`${server.url}${picture.url}`)).status,
      (await fetch(`${server.url}${picture.sizes.card}`)).status,
    ];
    const sweep = () => server.parley.services.jobs.add('media.sweep', {});

    await age([used.key, abandoned.key]);
    await sweep();
    await expect.poll(() => status(abandoned), { timeout: 15_000 }).toEqual([404, 404]);
    expect(await status(used)).toEqual([200, 200]);
    expect(await status(fresh)).toEqual([200, 200]);
    const left = await server.db.query('SELECT key FROM media_uploads WHERE key = ANY($1)', [
      [used.key, abandoned.key, fresh.key],
    ]);
    expect(left.map((r) => r.key).sort()).toEqual([used.key, fresh.key].sort());

    // A photo taken off its listing goes the same way.
    await client.listings.update.mutate({ id: listing.id, images: [] });
    await sweep();
    await expect.poll(() => status(used), { timeout: 15_000 }).toEqual([404, 404]);
    expect(await status(fresh)).toEqual([200, 200]);
  });
});

describe('GET /media', () => {
  it('serves the demo listings’ pictures, drawn from their type and features', async () => {
    const { items } = await httpClient(server.url).listings.search.query({ limit: 20 });
    const demo = items.filter((l) => l.agent === null).slice(0, 5);
    expect(demo.length).toBe(5);
    for (const listing of demo) {
      expect(listing.images.length).toBeGreaterThanOrEqual(3);
      const [first] = listing.images;
      expect(first).toMatch(new RegExp(`^/media/demo-${listing.propertyType}-`));
      const res = await fetch(`${server.url}${first!.replace('/page.webp', '/card.webp')}`);
      expect(res.status).toBe(200);
      expect((await sharp(Buffer.from(await res.arrayBuffer())).metadata()).width).toBe(480);
    }
  });

  it('answers 404 for unknown pictures and paths that try to leave the folder', async () => {
    for (const path of [
      '/media/u00000000000000000000000000000000/page.webp',
      '/media/demo-castle-moat-1/page.webp',
      '/media/..%2F..%2Fetc/page.webp',
      '/media/../secrets/page.webp',
    ]) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(404);
    }
  });

  it('a listing accepts only pictures Parley serves or https:// URLs', async () => {
    const agent = await person('agent');
    const client = httpClient(server.url, agent.accessToken);
    const error = await errorOf(() =>
      client.listings.create.mutate({
        title: 'Flat',
        description: 'A flat.',
        location: 'Girne',
        rentType: 'long_term',
        propertyType: 'apartment',
        bedrooms: 1,
        bathrooms: 1,
        areaSqm: 50,
        price: 600,
        images: ['http://tracker.example.com/pixel.gif'],
      }),
    );
    expect(error.data.code).toBe('BAD_REQUEST');
    expect(Object.keys(error.data.fieldErrors ?? {}).join()).toMatch(/images/);
  });
});
