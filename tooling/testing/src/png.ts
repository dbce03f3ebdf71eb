import { crc32, deflateSync } from 'node:zlib';

/**
 * PNG files built byte by byte, for tests of picture uploads: small ones that a decoder
 * accepts, and decompression bombs that it must refuse. No image library needed.
 */

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An 8-bit RGB PNG of `width` x `height` whose compressed rows are `rows`. */
function rgbPng(width: number, height: number, rows: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', rows),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A small one-colour PNG (a few hundred bytes for a few dozen pixels a side). */
export function solidPng(width: number, height: number): Buffer {
  // Each row: filter byte 0, then the colour.
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x6a)]);
  return rgbPng(
    width,
    height,
    deflateSync(Buffer.concat(Array.from({ length: height }, () => row))),
  );
}

/**
 * A decompression bomb: a few hundred bytes of PNG that declare a `side` x `side` canvas
 * (it would decode to side² x 3 bytes), with only its first rows given, all zeros: enough
 * for a decoder to start allocating.
 */
export function pngBomb(side = 30_000): Buffer {
  return rgbPng(side, side, deflateSync(Buffer.alloc((side * 3 + 1) * 8)));
}
