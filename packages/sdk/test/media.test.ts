/**
 * `client.media.upload` against a real server: every kind of input sends exactly its own
 * bytes, above all a Node Buffer, which is usually a view into a larger ArrayBuffer.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { solidPng } from '@parley/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createParleyClient, type ParleyClient } from '../src/node';
import { httpClient, signUp, startRestartableServer } from './server';

type Restartable = Awaited<ReturnType<typeof startRestartableServer>>;
let server: Restartable;
let agent: ParleyClient;
const dir = mkdtempSync(path.join(tmpdir(), 'parley-sdk-media-'));

beforeAll(async () => {
  server = await startRestartableServer('sdk_media');
  const who = await signUp(httpClient(server.url), 'agent');
  await server.server.db.query('UPDATE users SET role = $1 WHERE id = $2', ['agent', who.user.id]);
  agent = createParleyClient({ url: server.url, token: who.accessToken, transport: 'http' });
});
afterAll(async () => {
  await agent?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function expectStored(
  picture: Awaited<ReturnType<ParleyClient['media']['upload']>>,
  width: number,
  height: number,
) {
  expect(picture).toMatchObject({ width, height, url: picture.sizes.page });
  const served = await fetch(`${server.url}${picture.sizes.card}`);
  expect(served.status).toBe(200);
  expect(served.headers.get('content-type')).toBe('image/webp');
}

describe('media.upload', () => {
  it('sends a Buffer read with readFileSync: a view into the shared pool', async () => {
    const file = path.join(dir, 'small.png');
    writeFileSync(file, solidPng(40, 30));
    // A pooled Buffer at offset 0 would be followed by only trailing junk, which a PNG
    // decoder may forgive; read until the view starts inside the pool (twice at most).
    let bytes = readFileSync(file);
    while (bytes.byteOffset === 0) bytes = readFileSync(file);
    expect(bytes.byteLength).toBeLessThan(bytes.buffer.byteLength);
    await expectStored(await agent.media.upload(bytes), 40, 30);
  });

  it('sends a subarray of a larger buffer, and a Uint8Array view', async () => {
    const picture = solidPng(64, 48);
    // Buffer.alloc is never pooled: the parent is exactly this junk, the picture, more junk.
    const parent = Buffer.alloc(picture.length + 2000, 0xee);
    picture.copy(parent, 1000);
    const inside = parent.subarray(1000, 1000 + picture.length);
    expect(inside.byteOffset).toBe(1000);
    await expectStored(await agent.media.upload(inside), 64, 48);

    const view = new Uint8Array(inside.buffer, inside.byteOffset, inside.byteLength);
    await expectStored(await agent.media.upload(view), 64, 48);
  });

  it('sends an ArrayBuffer and a Blob as they are', async () => {
    const picture = solidPng(20, 10);
    const exact = new Uint8Array(picture).buffer;
    await expectStored(await agent.media.upload(exact), 20, 10);
    await expectStored(await agent.media.upload(new Blob([exact])), 20, 10);
  });
});
