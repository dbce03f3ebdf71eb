import type { Listing } from '@parley/sdk';
import { h } from './dom';

const PERIOD = { month: ' / month', night: ' / night' } as const;

function price(listing: Listing): string {
  const amount = new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency: listing.currency,
    maximumFractionDigits: 0,
  }).format(listing.price);
  return amount + (listing.pricePeriod ? PERIOD[listing.pricePeriod] : '');
}

/**
 * A listing photo's URL for a card's <img>. Parley answers paths on itself
 * (`/media/<key>/page.webp`, the `url` of `POST /media`), which the host page would
 * resolve against its own origin: they go under `server`, as the card's link does.
 * Absolute http(s) URLs stay as they are; any other scheme (javascript:, data:, ...) is
 * dropped (null: the card shows no photo).
 */
export function imageUrl(src: string, server: string): string | null {
  const onParley = src.startsWith('/') && !src.startsWith('//') ? `${server}${src}` : src;
  try {
    // `server` is absolute unless a page set a relative one: then it is on the page's origin.
    const url = new URL(onParley, new URL(`${server}/`, globalThis.location?.href));
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The listings a reply recommends, as cards linking to their page on Parley. */
export function listingCards(listings: Listing[], server: string): HTMLElement {
  return h(
    'div',
    { class: 'cards' },
    ...listings.map((listing) => {
      const image = listing.images[0] ? imageUrl(listing.images[0], server) : null;
      const beds = listing.bedrooms === 0 ? 'studio' : `${listing.bedrooms} bed`;
      return h(
        'a',
        {
          class: 'card',
          part: 'card',
          href: `${server}/listings/${listing.id}`,
          target: '_blank',
          rel: 'noopener',
        },
        ...(image ? [h('img', { src: image, alt: '', loading: 'lazy' })] : []),
        h(
          'div',
          { class: 'body' },
          h('span', { class: 'name' }, listing.title),
          h('span', { class: 'where' }, `${listing.location} · ${beds}`),
          h('span', { class: 'price' }, price(listing)),
        ),
      );
    }),
  );
}
