import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { api, type SearchFacts } from '../../api';
import { Icon } from '../../ui/icons';
import { useMaybeAuth } from '../auth/AuthProvider';
import './alerts.css';

/** The filters a saved search keeps (a map box or a sort is not one). */
function factsOf(filters: SearchFacts): SearchFacts {
  const facts: SearchFacts = {};
  for (const [key, value] of Object.entries(filters) as [keyof SearchFacts, unknown][]) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    (facts as Record<string, unknown>)[key] = value;
  }
  return facts;
}

/**
 * "Save this search": keeps the current filters as a saved search, so new listings and
 * price drops that match arrive as alerts (with `conversationId`, also in that chat, as
 * messages). Signed out, it leads to sign-in (which says why, and offers sign-up) and back.
 */
export function SaveSearchButton({
  filters,
  conversationId,
}: {
  filters: SearchFacts;
  conversationId?: string | undefined;
}) {
  const { t } = useTranslation();
  // Null outside <AuthProvider> (a page rendered alone, as in its component test): signed out.
  const auth = useMaybeAuth();
  const location = useLocation();
  const save = api.searches.create.useMutation();
  const facts = factsOf({
    q: filters.q,
    location: filters.location,
    excludeLocations: filters.excludeLocations,
    rentType: filters.rentType,
    propertyType: filters.propertyType,
    minBedrooms: filters.minBedrooms,
    maxBedrooms: filters.maxBedrooms,
    minPrice: filters.minPrice,
    maxPrice: filters.maxPrice,
    features: filters.features,
  });
  if (Object.keys(facts).length === 0) return null;
  // A saved search names a place (the API refuses one without). In a chat the assistant
  // asks for one; on the listings page the person hears why there is nothing to save yet.
  if (!facts.location) {
    return conversationId ? null : <p className="save-search muted">{t('searches.needsPlace')}</p>;
  }
  // A phone's chat row shows the short form (alerts.css), leaving the chips room; the
  // button's name stays the whole phrase.
  const label = (
    <>
      <Icon name="bell" size={16} />{' '}
      <span className="save-search-long">{t('searches.saveThis')}</span>
      <span className="save-search-short">{t('searches.saveShort')}</span>
    </>
  );
  if (auth?.status !== 'signed-in' || auth.user?.role === 'guest') {
    return (
      <Link
        to="/signin"
        // The sign-in form says why (alerts need an account) and offers to sign up.
        state={{ from: location.pathname + location.search, reason: 'saveSearch' }}
        className="button button-small save-search"
        aria-label={t('searches.saveThis')}
      >
        {label}
      </Link>
    );
  }
  if (save.isSuccess) {
    return (
      <p className="save-search saved" role="status">
        <Icon name="bell" size={16} />{' '}
        {conversationId ? (
          // A phone's chat row shows the short form (alerts.css).
          <>
            <span className="save-search-long">{t('searches.savedToChat')}</span>
            <span className="save-search-short">{t('searches.savedShort')}</span>
          </>
        ) : (
          t('searches.savedNote')
        )}{' '}
        <Link to="/searches">{t('searches.manage')}</Link>
      </p>
    );
  }
  return (
    <button
      type="button"
      className="button button-small save-search"
      aria-label={t('searches.saveThis')}
      disabled={save.isPending}
      onClick={() => save.mutate({ query: facts, conversationId })}
    >
      {label}
    </button>
  );
}
