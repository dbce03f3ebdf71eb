import { type FormEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api';
import { ErrorNotice, Loading } from '../../ui/Status';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { ListingCard } from '../listings/ListingCard';
import { StartChatLink, StartChatNote, startChatTarget } from './StartChat';

const EXAMPLES = ['examples.one', 'examples.two', 'examples.three'] as const;
const SHOWN_LISTINGS = 6;

/**
 * The front door for a visitor who is not signed in: what Parley is, a box to ask in,
 * example requests, a few listings and the way into the chat. A request goes to the
 * assistant (which understands budgets, "2+1" and all three languages), not to the
 * listings' keyword search.
 */
export function LandingPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('landing.docTitle'));
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const ask = (request: string) => {
    const target = startChatTarget(request);
    navigate(target.to, { state: target.state });
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const request = String(new FormData(event.currentTarget).get('request') ?? '').trim();
    if (request) ask(request);
    else input.current?.focus();
  };

  return (
    <div className="landing">
      <section className="hero" aria-labelledby="landing-title">
        <div className="hero-inner">
          <h1 id="landing-title">{t('landing.heading')}</h1>
          <p className="lead">{t('landing.lead')}</p>
          <search className="landing-search">
            <form onSubmit={submit}>
              <label htmlFor="landing-request">{t('landing.searchLabel')}</label>
              <div className="landing-search-row">
                <input
                  id="landing-request"
                  ref={input}
                  name="request"
                  type="search"
                  maxLength={8000}
                  autoComplete="off"
                  placeholder={t('landing.searchPlaceholder')}
                />
                <button type="submit" className="button button-primary">
                  {t('landing.searchSubmit')}
                </button>
              </div>
            </form>
            <StartChatNote />
          </search>
          <h2 className="examples-title" id="examples-title">
            {t('landing.examplesTitle')}
          </h2>
          <ul className="examples" aria-labelledby="examples-title">
            {EXAMPLES.map((key) => (
              <li key={key}>
                <button type="button" className="example" onClick={() => ask(t(key))}>
                  {t(key)}
                </button>
              </li>
            ))}
          </ul>
          <p className="hero-actions">
            <StartChatLink className="button button-primary button-large" />
            <Link to="/listings" className="button button-large">
              {t('landing.seeAll')}
            </Link>
          </p>
        </div>
      </section>

      <section className="page how" aria-labelledby="how-title">
        <h2 id="how-title">{t('landing.howTitle')}</h2>
        <ol className="how-steps">
          <li>{t('landing.howAsk')}</li>
          <li>{t('landing.howSee')}</li>
          <li>{t('landing.howRefine')}</li>
        </ol>
      </section>

      <RecentListings />
    </div>
  );
}

function RecentListings() {
  const { t } = useTranslation();
  const recent = api.listings.search.useQuery({ limit: SHOWN_LISTINGS, sort: 'newest' });
  return (
    <section className="page recent" aria-labelledby="recent-title">
      <div className="page-head">
        <h2 id="recent-title" className="section-title">
          {t('landing.listingsTitle')}
        </h2>
        <Link to="/listings">{t('landing.seeAll')}</Link>
      </div>
      {recent.isPending ? (
        <Loading label={t('landing.listingsLoading')} />
      ) : recent.isError ? (
        <ErrorNotice
          error={recent.error}
          title={t('landing.listingsError')}
          onRetry={() => void recent.refetch()}
        />
      ) : (
        <div className="listing-grid">
          {recent.data.items.map((listing) => (
            <ListingCard key={listing.id} listing={listing} />
          ))}
        </div>
      )}
    </section>
  );
}
