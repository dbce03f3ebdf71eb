import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES, MediaError, processPicture } from '../src';
import { jpegWithExif, photo, pngBomb } from './pictures';

async function rejection(bytes: Buffer): Promise<MediaError> {
  try {
    await processPicture(bytes);
  } catch (error) {
    if (error instanceof MediaError) return error;
    throw error;
  }
  throw new Error('expected the picture to be refused');
}

describe('processPicture', () => {
  it.each(['jpeg', 'png', 'webp'] as const)(
    'takes a %s and makes WebP sizes for cards and pages',
    async (format) => {
      const picture = await processPicture(await photo(format, 2000, 1500));
      expect(picture).toMatchObject({ format, width: 2000, height: 1500 });
      const card = await sharp(picture.sizes.card).metadata();
      const page = await sharp(picture.sizes.page).metadata();
      expect(card).toMatchObject({ format: 'webp', width: 480, height: 360 });
      expect(page).toMatchObject({ format: 'webp', width: 1280, height: 960 });
      expect(picture.sizes.card.length).toBeLessThan(picture.sizes.page.length);
    },
  );

  it('never enlarges a small picture', async () => {
    const picture = await processPicture(await photo('png', 300, 200));
    expect(await sharp(picture.sizes.page).metadata()).toMatchObject({ width: 300, height: 200 });
  });

  it('drops EXIF (names, copyright, GPS) and turns the picture upright first', async () => {
    const original = await jpegWithExif();
    expect(original.includes('private-home-123')).toBe(true);
    const picture = await processPicture(original);
    // Orientation 6: stored 600x300, shown 300x600.
    expect(picture).toMatchObject({ width: 300, height: 600 });
    for (const bytes of Object.values(picture.sizes)) {
      const meta = await sharp(bytes).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect(meta.height).toBeGreaterThan(meta.width ?? 0);
      expect(bytes.includes('private-home-123')).toBe(false);
      expect(bytes.includes('Secret Owner')).toBe(false);
    }
  });

  it('reads the bytes, not the name: GIF, TIFF and SVG are refused', async () => {
    expect((await rejection(await photo('gif'))).reason).toBe('unsupported_format');
    expect((await rejection(await photo('tiff'))).reason).toBe('unsupported_format');
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
    );
    expect((await rejection(svg)).reason).toBe('unsupported_format');
  });

  it('refuses what is not a picture at all, and an empty file', async () => {
    expect((await rejection(Buffer.from('#!/bin/sh\nrm -rf /\n'))).reason).toBe('not_an_image');
    const html = Buffer.from('<html><body><img src=x onerror=alert(1)></body></html>');
    expect((await rejection(html)).reason).toBe('not_an_image');
    expect((await rejection(Buffer.alloc(0))).reason).toBe('empty');
  });

  it('refuses a decompression bomb from its header, before decoding it', async () => {
    const bomb = pngBomb(30_000);
    expect(bomb.length).toBeLessThan(10_000);
    const started = performance.now();
    const error = await rejection(bomb);
    expect(error.reason).toBe('too_many_pixels');
    expect(error.message).toMatch(/30000x30000/);
    // Refused from the header: nothing like 2.7 GB was ever decoded.
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('refuses a truncated picture rather than storing it half grey', async () => {
    const whole = await photo('jpeg', 1200, 900);
    expect((await rejection(whole.subarray(0, Math.floor(whole.length / 2)))).reason).toBe(
      'corrupt',
    );
    const png = await photo('png', 1200, 900);
    expect((await rejection(png.subarray(0, Math.floor(png.length * 0.6)))).reason).toBe('corrupt');
  });

  it('refuses more than 10 MB', async () => {
    const big = Buffer.concat([await photo('jpeg'), Buffer.alloc(MAX_UPLOAD_BYTES)]);
    expect((await rejection(big)).reason).toBe('too_large');
  });

  it('keeps nothing of a polyglot: bytes after the picture are gone', async () => {
    const payload = Buffer.from('<?php system($_GET["c"]); ?>');
    const polyglot = Buffer.concat([await photo('jpeg'), payload]);
    const picture = await processPicture(polyglot);
    for (const bytes of Object.values(picture.sizes)) expect(bytes.includes(payload)).toBe(false);
  });
});
