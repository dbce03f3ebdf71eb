import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, skipToken } from '../../api';
import { isNotFound } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { isUuid } from '../../lib/ids';
import { ErrorNotice, Loading } from '../../ui/Status';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

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
  useDocumentTitle(listing.data?.title ?? t('listing.docTitle'));
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
        <span aria-hidden="true">← </span>
        {t('listing.back')}
      </Link>
    </p>
  );

  if (!valid || (listing.isError && isNotFound(listing.error))) {
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
      <p className="listing-price listing-price-large">{format.price(l)}</p>
      <Gallery images={l.images} title={l.title} />
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
      <p className="muted small">{t('listing.listed', { date: format.dateTime(l.createdAt) })}</p>
    </article>
  );
}

/** Photos when there are any; one that fails to load is left out. */
function Gallery({ images, title }: { images: string[]; title: string }) {
  const { t } = useTranslation();
  const [broken, setBroken] = useState<string[]>([]);
  const shown = images.filter((src) => !broken.includes(src)).slice(0, 6);
  if (shown.length === 0) return null;
  return (
    <ul className="gallery" aria-label={t('listing.photos')}>
      {shown.map((src, i) => (
        <li key={src}>
          <img
            src={src}
            alt={t('listing.photoAlt', { title, n: i + 1, total: shown.length })}
            loading="lazy"
            onError={() => setBroken((b) => [...b, src])}
          />
        </li>
      ))}
    </ul>
  );
}
