import { useId } from 'react';
import { Link } from 'react-router';
import type { Listing } from '../../api';
import {
  bedroomsLabel,
  FEATURE_LABELS,
  listingPrice,
  PROPERTY_TYPE_LABELS,
  placeLabel,
  RENT_TYPE_LABELS,
} from '../../lib/format';

/** One listing as a card: an <article> headed by its title, which links to the listing. */
export function ListingCard({
  listing,
  headingLevel = 3,
}: {
  listing: Listing;
  headingLevel?: 2 | 3;
}) {
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="listing-card" aria-labelledby={headingId}>
      <div className="listing-card-top">
        <span className="tag">{RENT_TYPE_LABELS[listing.rentType]}</span>
        <span className="listing-type">{PROPERTY_TYPE_LABELS[listing.propertyType]}</span>
      </div>
      <Heading id={headingId} className="listing-title">
        <Link to={`/listings/${listing.id}`}>{listing.title}</Link>
      </Heading>
      <p className="listing-price">{listingPrice(listing)}</p>
      <p className="listing-facts">
        {bedroomsLabel(listing.bedrooms)} · {placeLabel(listing)} · {listing.areaSqm} m²
      </p>
      {listing.features.length > 0 && (
        <ul className="listing-features" aria-label="Features">
          {listing.features.map((f) => (
            <li key={f}>{FEATURE_LABELS[f]}</li>
          ))}
        </ul>
      )}
    </article>
  );
}
