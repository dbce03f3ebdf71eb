import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../src/env';
import { httpClient, signUp, startTestServer, type TestServer } from './harness';

/**
 * Two instances sharing one S3-compatible bucket (a local s3rver speaking the S3 REST
 * protocol): a photo uploaded through one is served by the other.
 */
let s3: S3rver;
let s3Dir: string;
let first: TestServer;
let second: TestServer;

beforeAll(async () => {
  s3Dir = await mkdtemp(path.join(tmpdir(), 'parley-s3-'));
  s3 = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: s3Dir,
    configureBuckets: [{ name: 'parley-photos', configs: [] }],
  });
  const address = await s3.run();
  const env = {
    MEDIA_S3_ENDPOINT: `http://127.0.0.1:${address.port}`,
    MEDIA_S3_BUCKET: 'parley-photos',
    MEDIA_S3_ACCESS_KEY_ID: 'S3RVER',
    MEDIA_S3_SECRET_ACCESS_KEY: 'S3RVER',
  };
  first = await startTestServer({ label: 'media-s3', env });
  second = await startTestServer({
    db: first.db,
    env: { ...env, JWT_SECRET: first.env.JWT_SECRET },
  });
});
afterAll(async () => {
  await second?.close();
  await first?.close();
  await s3?.close();
  await rm(s3Dir, { recursive: true, force: true });
});

describe('pictures in a shared bucket', () => {
  it('an upload through one instance is served by the other, and nothing lands on disk', async () => {
    const agent = await signUp(httpClient(first.url), 'agent');
    await first.db.query(`UPDATE users SET role = 'agent' WHERE id = $1`, [agent.user.id]);
    const res = await fetch(`${first.url}/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${agent.accessToken}` },
      body: await sharp({ create: { width: 900, height: 600, channels: 3, background: '#28a' } })
        .png()
        .toBuffer(),
    });
    expect(res.status).toBe(201);
    const { sizes } = (await res.json()) as { sizes: { card: string; page: string } };
    const served = await fetch(`${second.url}${sizes.card}`);
    expect(served.status).toBe(200);
    expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).width).toBe(480);
    const page = await fetch(`${first.url}${sizes.page}`);
    expect(page.status).toBe(200);
    // Kept in the bucket, not in either instance's data folder.
    const { readdir } = await import('node:fs/promises');
    const local = await readdir(path.join(first.dataDir, 'media')).catch(() => []);
    expect(local).toEqual([]);

    // No listing uses it: once its time is up the sweep deletes it from the bucket.
    await first.db.query(
      "UPDATE media_uploads SET created_at = now() - interval '25 hours' WHERE user_id = $1",
      [agent.user.id],
    );
    await second.parley.services.jobs.add('media.sweep', {});
    await expect
      .poll(async () => (await fetch(`${second.url}${sizes.page}`)).status, { timeout: 15_000 })
      .toBe(404);
    expect((await fetch(`${first.url}${sizes.card}`)).status).toBe(404);
  });

  it('a half-configured bucket stops the start, naming the variables', () => {
    expect(() =>
      parseEnv({ MEDIA_S3_ENDPOINT: 'http://127.0.0.1:9000', MEDIA_S3_BUCKET: 'photos' }),
    ).toThrow(
      /MEDIA_S3_ENDPOINT, MEDIA_S3_BUCKET, MEDIA_S3_ACCESS_KEY_ID and MEDIA_S3_SECRET_ACCESS_KEY go together/,
    );
  });
});
