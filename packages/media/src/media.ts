import { randomUUID } from 'node:crypto';
import { MEDIA_KEY, MEDIA_SIZES, type MediaSize, mediaUrl } from '@parley/validators';
import sharp from 'sharp';
import { demoSvg } from './demo-scenes';
import { diskStore } from './disk-store';
import { processPicture } from './process';
import { type S3Config, s3Store } from './s3-store';
import type { MediaStore } from './store';

export type MediaConfig = { dir: string; s3?: S3Config | undefined };

export interface StoredPicture {
  key: string;
  /** The URL to put in a listing's `images` (the page size). */
  url: string;
  sizes: Record<MediaSize, string>;
  width: number;
  height: number;
}

export interface Media {
  readonly store: MediaStore;
  /** Checks, re-encodes and stores an uploaded picture (MediaError when refused). */
  upload(bytes: Buffer): Promise<StoredPicture>;
  /** A picture's WebP bytes at a size; demo pictures are drawn and kept on first ask. */
  read(key: string, size: MediaSize): Promise<Buffer | null>;
  /** Deletes an uploaded picture at every size (demo pictures are never deleted). */
  remove(key: string): Promise<void>;
}

const WEBP = 'image/webp';
/** The keys `upload` makes. */
const UPLOAD_KEY = /^u[0-9a-f]{32}$/;

/** The media service: a store (disk by default, S3 when configured) and what goes in it. */
export function createMedia(config: MediaConfig): Media {
  const store = config.s3 ? s3Store(config.s3) : diskStore(config.dir);
  // Demo pictures asked for at once (a page of cards) are drawn once, not once per request.
  const drawing = new Map<string, Promise<Buffer>>();

  const drawDemo = (key: string, size: MediaSize): Promise<Buffer> | null => {
    const name = `${key}/${size}.webp`;
    const pending = drawing.get(name);
    if (pending) return pending;
    const svg = demoSvg(key, MEDIA_SIZES[size]);
    if (!svg) return null;
    const work = sharp(Buffer.from(svg))
      .webp({ quality: size === 'card' ? 72 : 80 })
      .toBuffer()
      .then(async (bytes) => {
        await store.put(name, bytes, WEBP);
        return bytes;
      })
      .finally(() => drawing.delete(name));
    drawing.set(name, work);
    return work;
  };

  return {
    store,
    async upload(bytes) {
      const picture = await processPicture(bytes);
      const key = `u${randomUUID().replace(/-/g, '')}`;
      await Promise.all(
        (Object.keys(picture.sizes) as MediaSize[]).map((size) =>
          store.put(`${key}/${size}.webp`, picture.sizes[size], WEBP),
        ),
      );
      return {
        key,
        url: mediaUrl(key, 'page'),
        sizes: { card: mediaUrl(key, 'card'), page: mediaUrl(key, 'page') },
        width: picture.width,
        height: picture.height,
      };
    },
    async read(key, size) {
      if (!MEDIA_KEY.test(key) || !(size in MEDIA_SIZES)) return null;
      const stored = await store.get(`${key}/${size}.webp`);
      if (stored) return stored;
      return key.startsWith('demo-') ? drawDemo(key, size) : null;
    },
    async remove(key) {
      if (!UPLOAD_KEY.test(key)) throw new RangeError(`not an uploaded picture's key: ${key}`);
      await Promise.all(
        (Object.keys(MEDIA_SIZES) as MediaSize[]).map((size) =>
          store.delete(`${key}/${size}.webp`),
        ),
      );
    },
  };
}
