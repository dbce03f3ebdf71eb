/**
 * Pictures Parley serves itself live under `/media/<key>/<size>.webp`. A listing's
 * `images` hold the `page` URL; the same picture for a card is the `card` URL.
 */
export const MEDIA_SIZES = {
  /** A card in a list of twenty: small and light. */
  card: { width: 480, height: 360 },
  /** The listing page's gallery. */
  page: { width: 1280, height: 960 },
} as const;
export type MediaSize = keyof typeof MEDIA_SIZES;

/** Uploaded pictures are `u` + 32 hex; demo pictures are `demo-` + words and a number. */
export const MEDIA_KEY = /^(u[0-9a-f]{32}|demo-[a-z]+(-[a-z]+)*-\d{1,2})$/;
const MEDIA_PATH = /^\/media\/([a-z0-9-]{1,64})\/(card|page)\.webp$/;

export function mediaUrl(key: string, size: MediaSize = 'page'): string {
  return `/media/${key}/${size}.webp`;
}

/** The key and size of a Parley media URL, or null for anything else. */
export function parseMediaUrl(url: string): { key: string; size: MediaSize } | null {
  const match = MEDIA_PATH.exec(url);
  if (!match || !MEDIA_KEY.test(match[1] ?? '')) return null;
  return { key: match[1] as string, size: match[2] as MediaSize };
}

/** The URL of a picture at a size: Parley's own come in sizes, others are used as they are. */
export function pictureAt(url: string, size: MediaSize): string {
  const media = parseMediaUrl(url);
  return media ? mediaUrl(media.key, size) : url;
}

/** What demo pictures show (see @parley/media's demo scenes, which draw them). */
export const DEMO_TYPES = [
  'apartment',
  'villa',
  'house',
  'studio',
  'penthouse',
  'bungalow',
] as const;
export const DEMO_SETTINGS = ['pool', 'sea', 'garden', 'town'] as const;
export const DEMO_ROOMS = ['living', 'bedroom', 'kitchen', 'bathroom', 'terrace'] as const;
export const DEMO_VARIANTS = 3;
type Setting = (typeof DEMO_SETTINGS)[number];
type Room = (typeof DEMO_ROOMS)[number];

/**
 * The demo pictures of a listing: the outside first (by its type and its best feature: a
 * pool, the sea, a garden, else the town), then rooms. `pick` gives stable numbers (from
 * the listing's id), so a listing always shows the same pictures.
 */
export function demoPictureKeys(
  listing: { propertyType: string; features: readonly string[] },
  count: number,
  pick: (i: number) => number,
): string[] {
  const f = new Set(listing.features);
  const setting: Setting = f.has('pool')
    ? 'pool'
    : f.has('beach') || f.has('sea_view')
      ? 'sea'
      : f.has('garden')
        ? 'garden'
        : 'town';
  const type = (DEMO_TYPES as readonly string[]).includes(listing.propertyType)
    ? listing.propertyType
    : 'apartment';
  const rooms: Room[] = ['living', 'bedroom', 'kitchen', 'bathroom'];
  if (f.has('balcony') || f.has('sea_view')) rooms.splice(1, 0, 'terrace');
  const keys = [`demo-${type}-${setting}-${pick(0) % DEMO_VARIANTS}`];
  for (let i = 0; keys.length < count && i < rooms.length; i++)
    keys.push(`demo-room-${rooms[i]}-${pick(i + 1) % DEMO_VARIANTS}`);
  return keys;
}
