import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { Icon } from '../../ui/icons';
import { LoadMore } from '../../ui/LoadMore';
import { ErrorNotice, Loading } from '../../ui/Status';
import { useDebounced } from '../../ui/useDebounced';
import { usePagedItems } from '../../ui/useInfiniteScroll';
import { ConversationItem } from './ConversationItem';
import './chat-page.css';

/** Conversations, newest activity first, searchable, loaded page by page as you scroll. */
export function ConversationSidebar({
  activeId,
  onNewChat,
  startingNew,
  onDeleted,
}: {
  activeId: string | undefined;
  onNewChat: () => void;
  startingNew: boolean;
  onDeleted: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [archived, setArchived] = useState(false);
  const debounced = useDebounced(search.trim(), 250);
  const list = api.conversations.list.useInfiniteQuery(
    { limit: 20, search: debounced || undefined, archived },
    { getNextPageParam: (page) => page.nextCursor ?? undefined },
  );
  const { items, sentinel, loadMore } = usePagedItems(list);
  // A deleted conversation takes the focused Delete button with it: focus goes to the
  // conversation now in its place (or the one before), else to "New chat".
  const listRef = useRef<HTMLUListElement>(null);
  const newChat = useRef<HTMLButtonElement>(null);
  const deleted = useRef<{ id: string; index: number } | null>(null);
  const ids = items.map((c) => c.id);
  const idsKey = ids.join(',');
  useEffect(() => {
    const gone = deleted.current;
    if (!gone || idsKey.split(',').includes(gone.id)) return;
    deleted.current = null;
    // Only when focus was lost with it, not after the person moved on.
    const active = document.activeElement;
    if (active && active !== document.body) return;
    const links = listRef.current?.querySelectorAll<HTMLAnchorElement>('.conversation-link');
    const next = links?.length ? links[Math.min(gone.index, links.length - 1)] : undefined;
    (next ?? newChat.current)?.focus();
  }, [idsKey]);
  const itemDeleted = useCallback(
    (id: string) => {
      deleted.current = { id, index: Math.max(0, idsKey.split(',').indexOf(id)) };
      onDeleted(id);
    },
    [idsKey, onDeleted],
  );

  return (
    <aside className="sidebar" aria-label={t('sidebar.title')}>
      <div className="sidebar-head">
        {/* Not a heading: it would come before the page's h1 (the conversation's title, or
            the welcome). The aside is a landmark named by the same words. */}
        <p className="sidebar-title">{t('sidebar.title')}</p>
        <button
          ref={newChat}
          type="button"
          className="button button-small button-primary"
          onClick={onNewChat}
          disabled={startingNew}
        >
          <Icon name="plus" size={16} /> {t('sidebar.newChat')}
        </button>
      </div>
      <search className="sidebar-filters" aria-label={t('sidebar.title')}>
        <label htmlFor="conversation-search" className="visually-hidden">
          {t('sidebar.search')}
        </label>
        <input
          id="conversation-search"
          type="search"
          placeholder={t('sidebar.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={archived}
            onChange={(e) => setArchived(e.target.checked)}
          />
          {t('sidebar.archived')}
        </label>
      </search>
      <div className="sidebar-list">
        {list.isPending ? (
          <Loading label={t('sidebar.loading')} />
        ) : list.isError ? (
          <ErrorNotice
            error={list.error}
            title={t('sidebar.couldNotLoad')}
            onRetry={() => void list.refetch()}
          />
        ) : items.length === 0 ? (
          <p className="muted empty">
            {debounced
              ? t('sidebar.noMatch')
              : archived
                ? t('sidebar.noArchived')
                : t('sidebar.none')}
          </p>
        ) : (
          <ul className="conversations" ref={listRef}>
            {items.map((c) => (
              <ConversationItem
                key={c.id}
                conversation={c}
                active={c.id === activeId}
                onDeleted={itemDeleted}
              />
            ))}
          </ul>
        )}
        <div ref={sentinel} />
        <LoadMore
          query={list}
          onLoad={loadMore}
          label={t('sidebar.loadMore')}
          loadingLabel={t('sidebar.loadingMore')}
        />
      </div>
    </aside>
  );
}
