import type { Listing } from '@parley/sdk';
import { h } from './dom';
import type { Format } from './i18n';

/** As the web app's cards read: `£850/month`, `£850 aylık`, `850 £ в месяц`, `£250,000`. */
export function price(
  listing: Pick<Listing, 'price' | 'currency' | 'pricePeriod'>,
  format: Format,
): string {
  const amount = format.money(listing.price, listing.currency);
  if (listing.pricePeriod === 'month') return format.texts.perMonth(amount);
  if (listing.pricePeriod === 'night') return format.texts.perNight(amount);
  return amount;
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
export function listingCards(listings: Listing[], server: string, format: Format): HTMLElement {
  return h(
    'div',
    { class: 'cards' },
    ...listings.map((listing) => {
      const image = listing.images[0] ? imageUrl(listing.images[0], server) : null;
      const beds = format.bedrooms(listing.bedrooms);
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
          h('span', { class: 'price' }, price(listing, format)),
        ),
      );
    }),
  );
}
