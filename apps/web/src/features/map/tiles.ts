/**
 * Where map tiles come from. None by default: the map then draws the island's outline
 * from bundled data and asks no outside server for anything (so a strict CSP holds and
 * tests stay offline). A deployment sets `VITE_MAP_TILES` (a `{z}/{x}/{y}` URL template)
 * and `VITE_MAP_ATTRIBUTION` at build time, and allows that host in its CSP `img-src`.
 */
export interface TileSource {
  url: string;
  attribution: string;
}

export function tileSource(
  env: Record<string, string | undefined> = import.meta.env,
): TileSource | null {
  const url = env.VITE_MAP_TILES?.trim();
  if (!url || !/^https:\/\/[^/]+\/.*\{z\}.*\{x\}.*\{y\}/.test(url)) return null;
  return { url, attribution: env.VITE_MAP_ATTRIBUTION?.trim() ?? '' };
}
