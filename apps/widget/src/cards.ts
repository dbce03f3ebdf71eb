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

/** The listings a reply recommends, as cards linking to their page on Parley. */
export function listingCards(listings: Listing[], server: string): HTMLElement {
  return h(
    'div',
    { class: 'cards' },
    ...listings.map((listing) => {
      const image = listing.images[0];
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
