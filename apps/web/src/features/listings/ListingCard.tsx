import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Listing } from '../../api';
import { useFormat } from '../../lib/format';

/** One listing as a card: an <article> headed by its title, which links to the listing. */
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
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="listing-card" aria-labelledby={headingId}>
      <div className="listing-card-top">
        <span className="tag">{format.rentType(listing.rentType)}</span>
        <span className="listing-type">{format.propertyType(listing.propertyType)}</span>
      </div>
      <Heading id={headingId} className="listing-title">
        <Link to={`/listings/${listing.id}`}>{listing.title}</Link>
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
    </article>
  );
}
