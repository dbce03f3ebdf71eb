/// <reference types="leaflet.markercluster" />
import 'leaflet/dist/leaflet.css';
import 'react-leaflet-cluster/dist/assets/MarkerCluster.css';
import './map.css';
import L from 'leaflet';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  GeoJSON,
  MapContainer,
  Marker,
  Popup,
  TileLayer,
  useMap,
  ZoomControl,
} from 'react-leaflet';
import MarkerClusterGroup from 'react-leaflet-cluster';
import type { Bounds, Listing } from '../../api';
import { useFormat } from '../../lib/format';
import { ListingCard } from '../listings/ListingCard';
import { CYPRUS, NORTH, TOWN_LABELS } from './outline';
import { tileSource } from './tiles';

export interface ListingsMapProps {
  listings: Listing[];
  /** The box the search is limited to, if any: the map shows it rather than fitting the pins. */
  bounds?: Bounds;
  /** Offered once the person has moved the map: search the box now in view. */
  onSearchArea?: (bounds: Bounds) => void;
  /** A pin opens the listing's card (the default); off where the card is the page itself. */
  cards?: boolean;
  /** Said over the map's bottom edge (how many of the results it shows, and a way to more). */
  footer?: ReactNode;
}

type Placed = Listing & { lat: number; lng: number };

const toLatLng = (b: Bounds) => L.latLngBounds([b.south, b.west], [b.north, b.east]);

const fromLatLng = (b: L.LatLngBounds): Bounds => ({
  north: b.getNorth(),
  south: b.getSouth(),
  east: b.getEast(),
  west: b.getWest(),
});

/**
 * Listings as pins with their price on a map of the island; a pin opens the listing's
 * card. With no tile source configured the map is Cyprus's outline, drawn from bundled
 * data (no request leaves the site). Loaded on demand, as its own chunk.
 */
export default function ListingsMap({
  listings,
  bounds,
  onSearchArea,
  cards = true,
  footer,
}: ListingsMapProps) {
  const { t, i18n } = useTranslation();
  const tiles = useMemo(() => tileSource(), []);
  const placed = listings.filter((l): l is Placed => l.lat !== null && l.lng !== null);
  const [moved, setMoved] = useState(false);
  const [map, setMap] = useState<L.Map | null>(null);
  const missing = listings.length - placed.length;
  const onUserMove = useCallback((done: boolean) => setMoved(done), []);

  return (
    <section className="listings-map" aria-label={t('map.label')}>
      <MapContainer
        ref={setMap}
        className="map"
        bounds={toLatLng(bounds ?? NORTH)}
        zoomSnap={0.25}
        minZoom={7}
        // Street level with tiles; with the outline alone, close enough to tell a town's
        // listings apart (the pin groups fan out at this zoom).
        maxZoom={tiles ? 18 : 14}
        maxBounds={toLatLng({ north: 36.4, south: 33.9, east: 35.4, west: 31.5 })}
        attributionControl={tiles !== null}
        // Leaflet's own says "Zoom in"/"Zoom out" in English: ours, in the language on screen.
        zoomControl={false}
      >
        <ZoomControl
          key={i18n.language}
          zoomInTitle={t('map.zoomIn')}
          zoomOutTitle={t('map.zoomOut')}
        />
        {tiles ? (
          <TileLayer url={tiles.url} attribution={tiles.attribution} />
        ) : (
          <>
            <GeoJSON data={CYPRUS} interactive={false} style={() => ({ className: 'map-land' })} />
            {TOWN_LABELS.map((town) => (
              <Marker
                key={town.name}
                position={[town.lat, town.lng]}
                icon={townIcon(town.name)}
                interactive={false}
                keyboard={false}
              />
            ))}
          </>
        )}
        <FitPins pins={placed} bounds={bounds} maxZoom={tiles ? 15 : 11} onUserMove={onUserMove} />
        {/* Pins that would cover each other (a town's listings, seen from afar) are one
            group showing how many; a click zooms to them, or fans them out when the map
            cannot zoom further. */}
        <MarkerClusterGroup
          key={placed.map((p) => p.id).join()}
          ref={prepareGroups}
          maxClusterRadius={GROUP_RADIUS}
          // By default a pin out of view is taken off the map (on a phone, as soon as it
          // leaves the edge), closing its card: a card taller than a phone's map is panned
          // into view past its pin, and someone may drag the pin away while reading it.
          removeOutsideVisibleBounds={false}
          showCoverageOnHover={false}
          spiderfyOnMaxZoom
          // Fanned out, the pins of a group keep the same clearance from each other.
          spiderfyDistanceMultiplier={FAN_SPREAD}
          iconCreateFunction={(cluster: L.MarkerCluster) =>
            clusterIcon(t('map.group', { count: cluster.getChildCount() }))
          }
        >
          {placed.map((listing) => (
            <Pin key={listing.id} listing={listing} card={cards} />
          ))}
        </MarkerClusterGroup>
      </MapContainer>
      {onSearchArea && moved && map && (
        <button
          type="button"
          className="button button-small button-primary map-search-area"
          onClick={() => {
            setMoved(false);
            onSearchArea(fromLatLng(map.getBounds()));
          }}
        >
          {t('map.searchArea')}
        </button>
      )}
      {(missing > 0 || footer) && (
        <div className="map-note">
          {missing > 0 && <p>{t('map.notPlaced', { count: missing })}</p>}
          {footer}
        </div>
      )}
    </section>
  );
}

/**
 * Shows the pins (or the searched box) whenever the results change, and tells when the
 * person moves the map themselves: a move that follows their pointer, wheel or keys in
 * the map, not one of its own fits, a resize or a pan to show a card.
 */
function FitPins({
  pins,
  bounds,
  maxZoom,
  onUserMove,
}: {
  pins: Placed[];
  bounds?: Bounds;
  /** The outline has no detail past a town's scale; tiles do. */
  maxZoom: number;
  /** `false` when a move of theirs starts (the offer waits), `true` when it ends. */
  onUserMove: (done: boolean) => void;
}) {
  const map = useMap();
  const touched = useRef(false);
  const key = `${bounds ? Object.values(bounds).join() : ''}|${pins.map((p) => p.id).join()}`;
  useEffect(() => {
    const container = map.getContainer();
    const touch = () => {
      touched.current = true;
    };
    // The map pans to show a card it opens: its own move, though a click of theirs led to it.
    let showingCard = false;
    const autopan = () => {
      showingCard = true;
    };
    const starts = () => {
      if (touched.current && !showingCard) onUserMove(false);
    };
    const moved = () => {
      if (touched.current && !showingCard) onUserMove(true);
      showingCard = false;
    };
    for (const type of ['pointerdown', 'wheel', 'keydown']) container.addEventListener(type, touch);
    map.on('autopanstart', autopan);
    map.on('movestart', starts);
    map.on('moveend', moved);
    return () => {
      map.off('autopanstart', autopan);
      map.off('movestart', starts);
      for (const type of ['pointerdown', 'wheel', 'keydown'])
        container.removeEventListener(type, touch);
      map.off('moveend', moved);
    };
  }, [map, onUserMove]);
  // `key` names the pins and the box: a new page of the same results refits, a re-render does not.
  useEffect(() => {
    const target = bounds
      ? toLatLng(bounds)
      : pins.length
        ? L.latLngBounds(pins.map((p) => [p.lat, p.lng]))
        : toLatLng(NORTH);
    touched.current = false;
    map.fitBounds(target, { animate: false, padding: [40, 40], maxZoom });
  }, [map, key]);
  return null;
}

/**
 * A price label pointing at the listing; Enter or a click opens its card. Opened, the
 * card takes focus (its title's link), and Escape or its close button shuts it and
 * gives focus back to the pin, so a keyboard never drops to the page.
 */
function Pin({ listing, card }: { listing: Placed; card: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = format.shortMoney(listing.price, listing.currency);
  const name = t('map.pin', { title: listing.title, price: format.price(listing) });
  const icon = useMemo(() => named(tag('map-pin', label), name), [label, name]);
  // A new position, even an equal one, moves the marker: its group takes it out and puts it
  // back, which closes its card. The map re-renders as it pans to show that card.
  const position = useMemo<L.LatLngTuple>(
    () => [listing.lat, listing.lng],
    [listing.lat, listing.lng],
  );
  const events = useMemo(() => cardFocus(), []);
  if (!card) return <Marker position={position} icon={icon} interactive={false} keyboard={false} />;
  return (
    <Marker position={position} icon={icon} riseOnHover eventHandlers={events}>
      <Popup
        className="map-popup"
        minWidth={240}
        maxWidth={260}
        // Room above for "Search this area", which sits over the map's top edge.
        autoPanPaddingTopLeft={[16, 64]}
        autoPanPaddingBottomRight={[16, 16]}
      >
        <FocusOnOpen>
          <ListingCard listing={listing} />
        </FocusOnOpen>
      </Popup>
    </Marker>
  );
}

/**
 * The card's content is drawn once its popup is open (a portal into it): on that first
 * draw, focus moves to the card's title link, so Enter on a pin leads into its card.
 */
function FocusOnOpen({ children }: { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.querySelector<HTMLElement>('.listing-title a')?.focus({ preventScroll: true });
  }, []);
  return <div ref={box}>{children}</div>;
}

/**
 * A marker's popup handlers: the card takes focus when it opens (`FocusOnOpen`); Escape in it closes it;
 * when it closes with focus inside (or lost to the page), focus goes back to the pin.
 */
function cardFocus(): L.LeafletEventHandlerFnMap {
  let onKey: ((e: KeyboardEvent) => void) | null = null;
  return {
    popupopen(e) {
      const marker = e.target as L.Marker;
      const element = (e as L.PopupEvent).popup.getElement();
      if (!element) return;
      onKey = (key) => {
        if (key.key !== 'Escape') return;
        key.stopPropagation();
        marker.closePopup();
      };
      element.addEventListener('keydown', onKey);
    },
    popupclose(e) {
      const marker = e.target as L.Marker;
      const element = (e as L.PopupEvent).popup.getElement();
      if (element && onKey) element.removeEventListener('keydown', onKey);
      onKey = null;
      const active = document.activeElement;
      const lost = !active || active === document.body || Boolean(element?.contains(active));
      if (lost) marker.getElement()?.focus({ preventScroll: true });
    },
  };
}

/**
 * The icon's element gets `name` as its accessible name each time it is made: a pin in a
 * group is drawn (and its element made) only when the group opens.
 */
function named(icon: L.DivIcon, name: string): L.DivIcon {
  const create = icon.createIcon.bind(icon);
  icon.createIcon = (old) => {
    const element = create(old);
    element.setAttribute('aria-label', name);
    return element;
  };
  return icon;
}

/**
 * How far apart two pins' points must be for neither label to cover the other: a label
 * (tail included) fits an 80x32 box above its point, so two points farther apart than the
 * box's diagonal never overlap, whatever the direction. Nearer pins make one group.
 */
const PIN_CLEARANCE = Math.ceil(Math.hypot(80, 32));

/**
 * Groups are made at whole zoom levels and the map stops at quarter ones (`zoomSnap`): at
 * up to half a level out, distances shrink by up to √2, so groups take in that much more.
 */
const GROUP_RADIUS = Math.ceil(PIN_CLEARANCE * Math.SQRT2);

/**
 * markercluster fans a group's pins out at least 28 px apart (its spiral's step; its
 * circle's are wider) times this: as far apart as `PIN_CLEARANCE`.
 */
const FAN_SPREAD = PIN_CLEARANCE / 28;

type Cluster = L.MarkerCluster & {
  _latlng: L.LatLng;
  _cLatLng?: L.LatLng;
  _recalculateBounds(): void;
};
type ClusterClass = { prototype: Cluster; extend(props: object): ClusterClass };
const wherePlaced = new WeakSet<object>();

/**
 * markercluster takes into a group the pins within the radius of its first pin, but draws
 * the group at the middle of its pins, which can land on a pin left outside it ("£800"
 * over "3 homes"). Drawn at the point it is measured from, every group and single pin is
 * more than the radius from every other, so with `GROUP_RADIUS` no label covers another.
 * The class the library makes groups with (`_markerCluster`) is swapped as the layer is
 * made (its ref), before any pin is added to it.
 */
function drawGroupsWhereMeasured(group: L.MarkerClusterGroup | null): void {
  if (!group || wherePlaced.has(group)) return;
  wherePlaced.add(group);
  const holder = group as unknown as { _markerCluster: ClusterClass };
  const Base = holder._markerCluster;
  holder._markerCluster = Base.extend({
    _recalculateBounds(this: Cluster) {
      Base.prototype._recalculateBounds.call(this);
      if (this._cLatLng) this._latlng = this._cLatLng;
    },
  });
}

/** The group layer's set-up, as it is made (its ref). */
function prepareGroups(group: L.MarkerClusterGroup | null): void {
  drawGroupsWhereMeasured(group);
  focusOpenedGroups(group);
}

const focusing = new WeakSet<object>();

/**
 * Enter on a group opens it (a zoom, or its pins fanned out) and markercluster then
 * focuses the map's container, so a keyboard has to find the pins again. Once the group
 * is open, focus goes to its first pin instead (or the smaller group that now holds it).
 */
function focusOpenedGroups(group: L.MarkerClusterGroup | null): void {
  if (!group || focusing.has(group)) return;
  focusing.add(group);
  group.on('clusterkeypress', (event) => {
    const key = (event as L.LeafletEvent & { originalEvent?: KeyboardEvent }).originalEvent;
    if (key?.key !== 'Enter' && key?.keyCode !== 13) return;
    const cluster = (event as L.LeafletEvent & { layer: L.MarkerCluster }).layer;
    const first = cluster.getAllChildMarkers()[0];
    if (!first) return;
    let settled = false;
    const focusFirst = () => {
      if (settled) return;
      settled = true;
      group.off('animationend spiderfied', focusFirst);
      clearTimeout(timer);
      const shown = group.getVisibleParent(first) as L.Marker | null;
      (shown ?? first).getElement()?.focus({ preventScroll: true });
    };
    // Zoomed in, the group's pins are drawn when the zoom's animation ends; fanned out, when
    // the fan is spread. Without an animation (reduced motion) neither may come.
    group.on('animationend spiderfied', focusFirst);
    const timer = setTimeout(focusFirst, 1_500);
  });
}

/** A label above a point, its tail's tip on the point (a box it is centred in). */
function tag(className: string, label: string): L.DivIcon {
  return L.divIcon({
    className,
    html: `<span>${escapeHtml(label)}</span>`,
    iconSize: [80, 26],
    iconAnchor: [40, 32],
  });
}

/** A group of pins: how many homes, in the pins' style. */
function clusterIcon(label: string): L.DivIcon {
  return tag('map-pin map-cluster', label);
}

/** A town's name on the outline, under the pins. */
function townIcon(name: string): L.DivIcon {
  return L.divIcon({
    className: 'map-town',
    html: `<span>${escapeHtml(name)}</span>`,
    iconSize: [100, 16],
    iconAnchor: [50, 8],
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
