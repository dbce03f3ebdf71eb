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

export { pngBomb } from '@parley/testing';
