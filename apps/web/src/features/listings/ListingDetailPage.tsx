import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, skipToken } from '../../api';
import { isNotFound } from '../../lib/errors';
import {
  bedroomsLabel,
  dateTime,
  FEATURE_LABELS,
  listingPrice,
  PROPERTY_TYPE_LABELS,
  placeLabel,
  RENT_TYPE_LABELS,
} from '../../lib/format';
import { isUuid } from '../../lib/ids';
import { ErrorNotice, Loading } from '../../ui/Status';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

/** One listing, at /listings/:id. */
export function ListingDetailPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const valid = isUuid(id);
  // An id that is not a UUID is never sent (LESSONS row 12): the page says "not found".
  const listing = api.listings.get.useQuery(valid ? { id } : skipToken, {
    retry: (n, e) => !isNotFound(e) && n < 2,
  });
  useDocumentTitle(listing.data?.title ?? 'Listing');
  const back = (
    <p>
      <Link
        to="/listings"
        onClick={(e) => {
          // Back to the search the visitor came from, filters and all.
          if (window.history.length > 1 && window.history.state?.idx > 0) {
            e.preventDefault();
            navigate(-1);
          }
        }}
      >
        ← Back to listings
      </Link>
    </p>
  );

  if (!valid || (listing.isError && isNotFound(listing.error))) {
    return (
      <div className="page narrow">
        {back}
        <h1>Listing not found</h1>
        <p>It may have been taken down. Have a look at the other listings.</p>
      </div>
    );
  }
  if (listing.isPending) return <Loading label="Loading listing…" />;
  if (listing.isError)
    return (
      <div className="page narrow">
        {back}
        <ErrorNotice
          error={listing.error}
          title="Could not load this listing"
          onRetry={() => void listing.refetch()}
        />
      </div>
    );

  const l = listing.data;
  return (
    <article className="page narrow listing-detail" aria-labelledby="listing-title">
      {back}
      <p className="listing-card-top">
        <span className="tag">{RENT_TYPE_LABELS[l.rentType]}</span>
        <span className="listing-type">{PROPERTY_TYPE_LABELS[l.propertyType]}</span>
      </p>
      <h1 id="listing-title">{l.title}</h1>
      <p className="listing-price listing-price-large">{listingPrice(l)}</p>
      <Gallery images={l.images} title={l.title} />
      <dl className="facts">
        <div>
          <dt>Location</dt>
          <dd>{placeLabel(l)}</dd>
        </div>
        <div>
          <dt>Bedrooms</dt>
          <dd>{bedroomsLabel(l.bedrooms)}</dd>
        </div>
        <div>
          <dt>Bathrooms</dt>
          <dd>{l.bathrooms}</dd>
        </div>
        <div>
          <dt>Area</dt>
          <dd>{l.areaSqm} m²</dd>
        </div>
      </dl>
      <h2>Description</h2>
      <p className="description">{l.description}</p>
      {l.features.length > 0 && (
        <>
          <h2>Features</h2>
          <ul className="listing-features">
            {l.features.map((f) => (
              <li key={f}>{FEATURE_LABELS[f]}</li>
            ))}
          </ul>
        </>
      )}
      <p className="muted small">Listed {dateTime(l.createdAt)}</p>
    </article>
  );
}

/** Photos when there are any; one that fails to load is left out. */
function Gallery({ images, title }: { images: string[]; title: string }) {
  const [broken, setBroken] = useState<string[]>([]);
  const shown = images.filter((src) => !broken.includes(src)).slice(0, 6);
  if (shown.length === 0) return null;
  return (
    <ul className="gallery" aria-label="Photos">
      {shown.map((src, i) => (
        <li key={src}>
          <img
            src={src}
            alt={`${title} (${i + 1} of ${shown.length})`}
            loading="lazy"
            onError={() => setBroken((b) => [...b, src])}
          />
        </li>
      ))}
    </ul>
  );
}
