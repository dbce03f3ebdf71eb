import type { GeoJSONProps } from 'react-leaflet';
import type { Bounds } from '../../api';
import outline from './cyprus-outline.json';

/**
 * Cyprus's coastline (Natural Earth 1:10m, public domain), regenerated with
 * `node scripts/cyprus-outline.mjs`.
 */
export const CYPRUS = outline as GeoJSONProps['data'];

/** The same, as [lng, lat] rings, for tests and point-in-island checks. */
export const CYPRUS_RINGS = outline.coordinates as [number, number][][][];

/** The whole island, for a map with nothing to show yet. */
export const ISLAND: Bounds = { north: 35.71, south: 34.56, east: 34.6, west: 32.27 };

/** The north, where the listings are: the map's first view when it has no pins. */
export const NORTH: Bounds = { north: 35.45, south: 34.95, east: 34.2, west: 32.75 };

/** The district towns, named on the outline so the island can be read without tiles. */
export const TOWN_LABELS: { name: string; lat: number; lng: number }[] = [
  { name: 'Girne', lat: 35.3364, lng: 33.3182 },
  { name: 'Lefkoşa', lat: 35.1856, lng: 33.3823 },
  { name: 'Gazimağusa', lat: 35.125, lng: 33.9417 },
  { name: 'İskele', lat: 35.2866, lng: 33.8923 },
  { name: 'Güzelyurt', lat: 35.1983, lng: 32.9936 },
];
