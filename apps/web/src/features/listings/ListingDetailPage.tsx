import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api, skipToken } from '../../api';
import { isNotFound } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { isUuid } from '../../lib/ids';
import { ErrorNotice, Loading } from '../../ui/Status';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { FavoriteButton } from '../favorites/FavoriteButton';
import { useFavorites } from '../favorites/useFavorites';
import { AskAboutListing } from '../inbox/AskAboutListing';
import { EditListingLink } from '../manage/EditListingLink';
import { backFrom } from './back';
import { Gallery } from './Gallery';
import { ListingCard } from './ListingCard';
import './listing-detail.css';
import { OwnerPhotos } from './OwnerPhotos';

// Leaflet loads only for a listing that has a place on the map.
const ListingsMap = lazy(() => import('../map/ListingsMap'));

/** One listing, at /listings/:id. */
export function ListingDetailPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id } = useParams();
  const navigate = useNavigate();
  const valid = isUuid(id);
  // An id that is not a UUID is never sent: the page says "not found".
  const listing = api.listings.get.useQuery(valid ? { id } : skipToken, {
    retry: (n, e) => !isNotFound(e) && n < 2,
  });
  const notFound = !valid || (listing.isError && isNotFound(listing.error));
  // The tab says what the page says: "Listing not found", not a bare "Listing".
  useDocumentTitle(
    notFound ? t('listing.notFoundTitle') : (listing.data?.title ?? t('listing.docTitle')),
  );
  const location = useLocation();
  const favorites = useFavorites();
  // An in-app link that said nothing of where it came from (an alert in the bell) still
  // goes back there, as a plain "Back".
  const target = backFrom(location.state, window.history.state?.idx > 0);
  const back = (
    <p className="listing-back">
      <Link
        to={target.to}
        onClick={(e) => {
          // Followed from a page of this app: step back in history, so the list comes
          // back as it was (filters, loaded pages, scroll), not as a fresh search.
          if (target.known && window.history.state?.idx > 0) {
            e.preventDefault();
            navigate(-1);
          }
        }}
      >
        <span aria-hidden="true">← </span>
        {t(`listing.backTo.${target.label}`)}
      </Link>
    </p>
  );

  if (notFound) {
    return (
      <div className="page narrow">
        {back}
        <h1>{t('listing.notFoundTitle')}</h1>
        <p>{t('listing.notFoundText')}</p>
      </div>
    );
  }
  if (listing.isPending) return <Loading label={t('listing.loading')} />;
  if (listing.isError)
    return (
      <div className="page narrow">
        {back}
        <ErrorNotice
          error={listing.error}
          title={t('listing.couldNotLoad')}
          onRetry={() => void listing.refetch()}
        />
      </div>
    );

  const l = listing.data;
  return (
    <article className="page narrow listing-detail" aria-labelledby="listing-title">
      {back}
      <p className="listing-card-top">
        <span className="tag">{format.rentType(l.rentType)}</span>
        <span className="listing-type">{format.propertyType(l.propertyType)}</span>
      </p>
      <h1 id="listing-title">{l.title}</h1>
      <div className="listing-head-row">
        <p className="listing-price listing-price-large">{format.price(l)}</p>
        <div className="listing-head-actions">
          <EditListingLink listing={l} />
          <FavoriteButton listing={l} favorites={favorites} variant="inline" />
          <AskAboutListing listing={l} />
        </div>
      </div>
      <Gallery images={l.images} title={l.title} />
      <OwnerPhotos listing={l} />
      <dl className="facts">
        <div>
          <dt>{t('listing.location')}</dt>
          <dd>{format.place(l)}</dd>
        </div>
        <div>
          <dt>{t('listing.bedrooms')}</dt>
          <dd>{format.bedrooms(l.bedrooms)}</dd>
        </div>
        <div>
          <dt>{t('listing.bathrooms')}</dt>
          <dd>{format.number(l.bathrooms)}</dd>
        </div>
        <div>
          <dt>{t('listing.area')}</dt>
          <dd>{format.area(l.areaSqm)}</dd>
        </div>
      </dl>
      <h2>{t('listing.description')}</h2>
      <p className="description">{l.description}</p>
      {l.features.length > 0 && (
        <>
          <h2>{t('listing.features')}</h2>
          <ul className="listing-features">
            {l.features.map((f) => (
              <li key={f}>{format.feature(f)}</li>
            ))}
          </ul>
        </>
      )}
      {l.lat !== null && l.lng !== null && (
        <section className="listing-map" aria-labelledby="listing-map-title">
          <h2 id="listing-map-title">{t('listing.onMap')}</h2>
          <Suspense fallback={<Loading label={t('map.loading')} />}>
            <ListingsMap listings={[l]} cards={false} />
          </Suspense>
        </section>
      )}
      <p className="muted small">{t('listing.listed', { date: format.dateTime(l.createdAt) })}</p>
      <Similar id={l.id} />
    </article>
  );
}

/** Listings like this one (same town and type, nearest in price); nothing when there are none. */
function Similar({ id }: { id: string }) {
  const { t } = useTranslation();
  const similar = api.listings.similar.useQuery({ id, limit: 4 });
  const items = similar.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="similar" aria-labelledby="similar-title">
      <h2 id="similar-title">{t('listing.similar')}</h2>
      <div className="listing-grid">
        {items.map((listing) => (
          <ListingCard key={listing.id} listing={listing} />
        ))}
      </div>
    </section>
  );
}
