import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Listing } from '../../api';
import { useFormat } from '../../lib/format';
import { FavoriteButton } from '../favorites/FavoriteButton';
import { useFavorites } from '../favorites/useFavorites';
import { AskAboutListing } from '../inbox/AskAboutListing';
import type { FromState } from './back';
import { photo } from './photos';

/**
 * The card last opened, and from which page: coming back (Back, or the browser's),
 * focus returns to its title instead of falling to the page.
 */
let opened: { id: string; from: string } | null = null;

/**
 * One listing as a card: an <article> headed by its title, which links to the listing
 * (carrying where it was followed from, for Back). The first photo is lazy and sized,
 * so a page of cards loads only what is on screen.
 */
export function ListingCard({
  listing,
  headingLevel = 3,
}: {
  listing: Listing;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const location = useLocation();
  const from: FromState = { from: location.pathname + location.search };
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const href = `/listings/${listing.id}`;
  const titleLink = useRef<HTMLAnchorElement>(null);
  const here = from.from!;
  const open = () => {
    opened = { id: listing.id, from: here };
  };
  useEffect(() => {
    if (opened?.id !== listing.id || opened.from !== here) return;
    opened = null;
    const active = document.activeElement;
    if (!active || active === document.body || active.id === 'main') titleLink.current?.focus();
  }, [listing.id, here]);
  return (
    <article className="listing-card" aria-labelledby={headingId}>
      <div className="listing-card-photo">
        <CardPhoto src={listing.images[0]} href={href} from={from} onOpen={open} />
        <Heart listing={listing} />
      </div>
      <div className="listing-card-body">
        <div className="listing-card-top">
          <span className="tag">{format.rentType(listing.rentType)}</span>
          <span className="listing-type">{format.propertyType(listing.propertyType)}</span>
        </div>
        <Heading id={headingId} className="listing-title">
          <Link to={href} state={from} ref={titleLink} onClick={open}>
            {listing.title}
          </Link>
        </Heading>
        <p className="listing-price">{format.price(listing)}</p>
        <p className="listing-facts">
          {format.bedrooms(listing.bedrooms)} · {format.place(listing)} ·{' '}
          {format.area(listing.areaSqm)}
        </p>
        {listing.features.length > 0 && (
          <ul className="listing-features" aria-label={t('listing.features')}>
            {listing.features.map((f) => (
              <li key={f}>{format.feature(f)}</li>
            ))}
          </ul>
        )}
        <div className="listing-card-actions">
          <AskAboutListing listing={listing} compact />
        </div>
      </div>
    </article>
  );
}

/**
 * The first photo, a link to the listing that screen readers skip (the title is the
 * link they hear). Without a photo, or when it fails, a plain frame keeps the grid even.
 */
function CardPhoto({
  src,
  href,
  from,
  onOpen,
}: {
  src?: string | undefined;
  href: string;
  from: FromState;
  onOpen: () => void;
}) {
  const [failed, setFailed] = useState(false);
  return (
    <Link
      to={href}
      state={from}
      tabIndex={-1}
      aria-hidden="true"
      className="listing-card-image"
      onClick={onOpen}
    >
      {src && !failed ? (
        <img
          src={photo(src, 'card')}
          alt=""
          loading="lazy"
          decoding="async"
          width={400}
          height={300}
          onError={() => setFailed(true)}
        />
      ) : (
        <span className="listing-card-noimage" />
      )}
    </Link>
  );
}

/** The favourite heart over the photo's corner. */
function Heart({ listing }: { listing: Listing }) {
  const favorites = useFavorites();
  return <FavoriteButton listing={listing} favorites={favorites} />;
}
