import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type SavedSearch } from '../../api';
import { useFormat } from '../../lib/format';
import { Icon } from '../../ui/icons';
import { ErrorNotice, Loading } from '../../ui/Status';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { paramsFromFilters } from '../listings/search-params';
import './alerts.css';

/** The person's saved searches: rename, pause or resume, delete. */
export function SavedSearchesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('searches.docTitle'));
  const list = api.searches.list.useInfiniteQuery(
    { limit: 50 },
    { getNextPageParam: (page) => page.nextCursor ?? undefined },
  );
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="page searches-page">
      <h1>{t('searches.heading')}</h1>
      <p className="muted">{t('searches.intro')}</p>
      {list.isPending ? (
        <Loading label={t('searches.loading')} />
      ) : list.isError && items.length === 0 ? (
        <ErrorNotice
          error={list.error}
          title={t('searches.couldNotLoad')}
          onRetry={() => void list.refetch()}
        />
      ) : items.length === 0 ? (
        <div className="empty">
          <p>{t('searches.empty')}</p>
          <Link to="/listings" className="button button-primary">
            {t('favorites.browse')}
          </Link>
        </div>
      ) : (
        <ul className="search-list">
          {items.map((search) => (
            <li key={search.id}>
              <SearchRow search={search} />
            </li>
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <button
          type="button"
          className="button button-block load-more"
          onClick={() => void list.fetchNextPage()}
          disabled={list.isFetchingNextPage}
        >
          {list.isFetchingNextPage ? t('listings.loadingMore') : t('listings.loadMore')}
        </button>
      )}
    </div>
  );
}

function SearchRow({ search }: { search: SavedSearch }) {
  const { t } = useTranslation();
  const format = useFormat();
  const utils = api.useUtils();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(search.name);
  const refresh = () => void utils.searches.list.invalidate();
  const update = api.searches.update.useMutation({ onSuccess: refresh });
  const remove = api.searches.delete.useMutation({ onSuccess: refresh });
  const rename = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed && trimmed !== search.name) update.mutate({ id: search.id, name: trimmed });
    setEditing(false);
  };
  const busy = update.isPending || remove.isPending;
  return (
    <article className={`search-row${search.paused ? ' is-paused' : ''}`} aria-busy={busy}>
      {editing ? (
        <form onSubmit={rename} className="search-rename">
          <label className="visually-hidden" htmlFor={`name-${search.id}`}>
            {t('searches.name')}
          </label>
          <input
            id={`name-${search.id}`}
            value={name}
            maxLength={100}
            onChange={(e) => setName(e.target.value)}
            // biome-ignore lint/a11y/noAutofocus: the field the person just asked to edit
            autoFocus
          />
          <button type="submit" className="button button-small button-primary">
            {t('searches.saveName')}
          </button>
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              setName(search.name);
              setEditing(false);
            }}
          >
            {t('searches.cancel')}
          </button>
        </form>
      ) : (
        <h2 className="search-name">
          <Link to={`/listings?${paramsFromFilters(search.query).toString()}`}>{search.name}</Link>
          {search.paused && <span className="chip">{t('searches.paused')}</span>}
        </h2>
      )}
      <p className="search-facts">{format.facts(search.query).join(' · ')}</p>
      <p className="muted search-meta">
        {search.lastAlertAt
          ? t('searches.lastAlert', { when: format.timeAgo(search.lastAlertAt) })
          : t('searches.noAlertYet')}
        {search.conversationId && (
          <>
            {' · '}
            <Link to={`/chat/${search.conversationId}`}>{t('searches.fromChat')}</Link>
          </>
        )}
      </p>
      <div className="search-actions">
        <button
          type="button"
          className="button button-small"
          onClick={() => setEditing(true)}
          disabled={busy}
        >
          <Icon name="pencil" size={16} /> {t('searches.rename')}
        </button>
        <button
          type="button"
          className="button button-small"
          aria-pressed={search.paused}
          onClick={() => update.mutate({ id: search.id, paused: !search.paused })}
          disabled={busy}
        >
          <Icon name={search.paused ? 'play' : 'pause'} size={16} />{' '}
          {search.paused ? t('searches.resume') : t('searches.pause')}
        </button>
        <button
          type="button"
          className="button button-small button-danger"
          onClick={() => {
            if (window.confirm(t('searches.confirmDelete', { name: search.name })))
              remove.mutate({ id: search.id });
          }}
          disabled={busy}
        >
          <Icon name="trash" size={16} /> {t('searches.delete')}
        </button>
      </div>
    </article>
  );
}
