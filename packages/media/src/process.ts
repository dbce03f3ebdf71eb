import { MEDIA_SIZES, type MediaSize } from '@parley/validators';
import sharp, { type Metadata } from 'sharp';

/** What an upload may be: checked on the bytes, never on a name or a Content-Type. */
export const ACCEPTED_FORMATS = ['jpeg', 'png', 'webp'] as const;
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/**
 * Width x height a picture may claim: a 50 KB PNG can declare a canvas that decodes to
 * gigabytes (a decompression bomb). 40 megapixels is more than any phone camera makes.
 */
export const MAX_INPUT_PIXELS = 40_000_000;

export type MediaRejection =
  | 'empty'
  | 'too_large'
  | 'not_an_image'
  | 'unsupported_format'
  | 'too_many_pixels'
  | 'corrupt';

/** A picture that cannot be taken, with why (said to the uploader as it is). */
export class MediaError extends Error {
  constructor(
    readonly reason: MediaRejection,
    message: string,
  ) {
    super(message);
    this.name = 'MediaError';
  }
}

export interface ProcessedPicture {
  /** The original's format, as its bytes say. */
  format: (typeof ACCEPTED_FORMATS)[number];
  width: number;
  height: number;
  /** Re-encoded WebP per size: upright, no metadata (EXIF, GPS, ICC profile names). */
  sizes: Record<MediaSize, Buffer>;
}

const isAccepted = (format: string | undefined): format is ProcessedPicture['format'] =>
  ACCEPTED_FORMATS.includes(format as never);

/**
 * Checks and re-encodes an uploaded picture. Only JPEG, PNG and WebP are read (the
 * decoder is chosen from the bytes; SVG, GIF, TIFF and the rest are refused before any
 * decoding), at most MAX_INPUT_PIXELS, and the whole image must decode: a truncated or
 * corrupt file is refused rather than stored half grey. Each size is a fresh WebP, so
 * nothing of the original file (metadata, trailing data, a polyglot's payload) survives.
 */
export async function processPicture(bytes: Buffer): Promise<ProcessedPicture> {
  if (bytes.length === 0) throw new MediaError('empty', 'the file is empty');
  if (bytes.length > MAX_UPLOAD_BYTES)
    throw new MediaError('too_large', `the file is larger than ${MAX_UPLOAD_BYTES} bytes`);
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new MediaError('not_an_image', 'the file is not a picture');
  }
  if (!isAccepted(meta.format))
    throw new MediaError(
      'unsupported_format',
      `pictures must be JPEG, PNG or WebP (this one is ${meta.format ?? 'unknown'})`,
    );
  const width = meta.autoOrient?.width ?? meta.width ?? 0;
  const height = meta.autoOrient?.height ?? meta.height ?? 0;
  // Only the first frame of an animated WebP is read, so one frame's size is what counts.
  if (width * height > MAX_INPUT_PIXELS)
    throw new MediaError(
      'too_many_pixels',
      `the picture is ${width}x${height}; at most ${MAX_INPUT_PIXELS} pixels are accepted`,
    );
  const entries = await Promise.all(
    (Object.keys(MEDIA_SIZES) as MediaSize[]).map(async (size) => {
      const box = MEDIA_SIZES[size];
      try {
        const out = await sharp(bytes, {
          limitInputPixels: MAX_INPUT_PIXELS,
          failOn: 'error',
          autoOrient: true,
        })
          .resize({ ...box, fit: 'inside', withoutEnlargement: true })
          .webp({ quality: size === 'card' ? 72 : 80 })
          .toBuffer();
        return [size, out] as const;
      } catch {
        throw new MediaError('corrupt', 'the picture is damaged and cannot be read whole');
      }
    }),
  );
  return {
    format: meta.format,
    width,
    height,
    sizes: Object.fromEntries(entries) as Record<MediaSize, Buffer>,
  };
}
