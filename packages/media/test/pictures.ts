import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

/** Test pictures made here, byte by byte where a real encoder would not make them. */

export const photo = (
  format: 'jpeg' | 'png' | 'webp' | 'gif' | 'tiff',
  width = 640,
  height = 480,
) =>
  sharp({ create: { width, height, channels: 3, background: '#3a7bd5' } })
    .composite([
      {
        input: Buffer.from(
          `<svg width="${width}" height="${height}"><rect x="0" y="0" width="${width / 2}" height="${height / 4}" fill="#f00"/></svg>`,
        ),
      },
    ])
    .toFormat(format)
    .toBuffer();

/** A JPEG carrying EXIF the uploader did not mean to publish, rotated by its EXIF tag. */
export const jpegWithExif = () =>
  sharp({ create: { width: 600, height: 300, channels: 3, background: '#0a0' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({ IFD0: { Artist: 'Secret Owner', Copyright: 'private-home-123' } })
    .toBuffer();

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A decompression bomb: a few hundred bytes of PNG that declare a `side` x `side` canvas
 * whose rows are all zeros (it would decode to side² x 3 bytes).
 */
export function pngBomb(side = 30_000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  // Only the first rows are given: enough for a decoder to start allocating.
  const rows = deflateSync(Buffer.alloc((side * 3 + 1) * 8));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', rows),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
