/**
 * Writes the island of Cyprus as one GeoJSON MultiPolygon, for the map drawn without
 * tiles. From Natural Earth's 1:10m countries (public domain, via world-atlas): Cyprus,
 * N. Cyprus and the buffer zone between them merged into one coastline, rounded to
 * about 10 m. Run again only to change the source: `node scripts/cyprus-outline.mjs`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { merge } from 'topojson-client';

const require = createRequire(import.meta.url);
const atlas = JSON.parse(await readFile(require.resolve('world-atlas/countries-10m.json'), 'utf8'));
const parts = atlas.objects.countries.geometries.filter((g) => /cyprus/i.test(g.properties.name));
if (parts.length !== 3) throw new Error(`expected 3 parts of Cyprus, found ${parts.length}`);
const island = merge(atlas, parts);
const round = (n) => Math.round(n * 1e4) / 1e4;
const outline = {
  type: 'MultiPolygon',
  coordinates: island.coordinates.map((polygon) =>
    polygon.map((ring) => ring.map(([lng, lat]) => [round(lng), round(lat)])),
  ),
};
const out = new URL('../src/features/map/cyprus-outline.json', import.meta.url);
await writeFile(out, `${JSON.stringify(outline)}\n`);
console.log(`wrote ${out.pathname}: ${outline.coordinates.length} polygons`);
