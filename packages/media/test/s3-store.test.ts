import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMedia, s3Store } from '../src';
import { photo } from './pictures';

/**
 * The S3 store against a local server speaking the S3 protocol (s3rver: S3 REST, XML
 * errors, signed requests whose access key must exist; it does not recompute V4
 * signatures), the way a MinIO or an AWS bucket is used.
 */
let server: S3rver;
let dir: string;
let endpoint: string;
const bucket = 'parley-media';
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'parley-s3-'));
  server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: dir,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const address = await server.run();
  endpoint = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('pictures in an S3 bucket', () => {
  it('puts and gets objects, and a missing one is null', async () => {
    const store = s3Store({ endpoint, bucket, region: 'us-east-1', ...credentials });
    const bytes = Buffer.from('not really a picture');
    await store.put('u0123456789abcdef0123456789abcdef/card.webp', bytes, 'image/webp');
    expect(await store.get('u0123456789abcdef0123456789abcdef/card.webp')).toEqual(bytes);
    expect(await store.get('u0123456789abcdef0123456789abcdef/page.webp')).toBeNull();
  });

  it('uploads through the media service and reads back both sizes', async () => {
    const media = createMedia({
      dir: '/nonexistent',
      s3: { endpoint, bucket, region: 'us-east-1', ...credentials },
    });
    expect(media.store.kind).toBe('s3');
    const stored = await media.upload(await photo('png', 1600, 1200));
    expect(stored.url).toBe(`/media/${stored.key}/page.webp`);
    const page = await media.read(stored.key, 'page');
    expect(await sharp(page!).metadata()).toMatchObject({ format: 'webp', width: 1280 });
    // Another instance with the same bucket sees it.
    const other = createMedia({
      dir: '/elsewhere',
      s3: { endpoint, bucket, region: 'us-east-1', ...credentials },
    });
    expect(await other.read(stored.key, 'card')).not.toBeNull();
  });

  it('draws a demo picture once and keeps it in the bucket', async () => {
    const media = createMedia({
      dir: '/nonexistent',
      s3: { endpoint, bucket, region: 'us-east-1', ...credentials },
    });
    const store = s3Store({ endpoint, bucket, region: 'us-east-1', ...credentials });
    expect(await store.get('demo-villa-pool-1/card.webp')).toBeNull();
    const drawn = await media.read('demo-villa-pool-1', 'card');
    expect(await store.get('demo-villa-pool-1/card.webp')).toEqual(drawn);
  });

  it('fails loudly with an unknown access key instead of losing the picture', async () => {
    const store = s3Store({
      endpoint,
      bucket,
      region: 'us-east-1',
      accessKeyId: 'NOT-A-KEY',
      secretAccessKey: 'S3RVER',
    });
    await expect(
      store.put('u0123456789abcdef0123456789abcdef/page.webp', Buffer.from('x'), 'image/webp'),
    ).rejects.toThrow(/S3 PUT .* answered 403/);
  });

  it('never lets a name that is not a media key reach the bucket', async () => {
    const store = s3Store({ endpoint, bucket, region: 'us-east-1', ...credentials });
    await expect(store.get('../etc/passwd')).rejects.toThrow(RangeError);
  });
});
