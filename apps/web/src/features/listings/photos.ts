/** The sizes Parley's media store makes of each photo (`/media/<key>/<size>.webp`). */
export type PhotoSize = 'card' | 'page';

const PARLEY_MEDIA = /^\/media\/([a-z0-9-]{1,64})\/(card|page)\.webp$/;

/**
 * The URL of a photo at a size: a photo Parley serves comes in a small size for cards
 * and a large one for pages; any other `https://` URL is used as it is.
 */
export function photo(src: string, size: PhotoSize): string {
  const match = PARLEY_MEDIA.exec(src);
  return match ? `/media/${match[1]}/${size}.webp` : src;
}
