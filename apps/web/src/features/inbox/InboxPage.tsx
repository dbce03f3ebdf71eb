import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type InboxItem, useChat } from '../../api';
import { currentLanguage } from '../../i18n/i18n';
import { LOCALES } from '../../i18n/languages';
import { LoadMore } from '../../ui/LoadMore';
import { ErrorNotice, Loading } from '../../ui/Status';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { usePagedItems } from '../../ui/useInfiniteScroll';
import { useAuth } from '../auth/AuthProvider';
import { CustomerName } from './CustomerName';
import './inbox.css';
import { useFollowNewest } from './useFollowNewest';

/** Waiting conversations read per page. */
const WAITING_PAGE = 50;

interface Held {
  conversationId: string;
  sessionId: string;
}

/**
 * The agents' console: the waiting list, live (inbox.events) with its count, longest
 * waiting first; claim one to answer it, with what the assistant knows beside the
 * conversation; reply; hand it back to the assistant or to the waiting list.
 */
export function InboxPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('inbox.docTitle'));
  const utils = api.useUtils();
  // Page by page as the list scrolls: the count says "50+" while there are more.
  const waiting = api.inbox.list.useInfiniteQuery(
    { filter: 'waiting', limit: WAITING_PAGE },
    { getNextPageParam: (page) => page.nextCursor ?? undefined },
  );
  const { items: waitingItems, sentinel, loadMore } = usePagedItems(waiting);
  const mine = api.inbox.list.useQuery({ filter: 'mine', limit: 50 });
  const [held, setHeld] = useState<Held>();
  const reread = () => {
    void utils.inbox.list.invalidate();
    void utils.inbox.get.invalidate();
  };
  // Whatever happens in the inbox (on any server instance), the lists are read again.
  const events = api.inbox.events.useSubscription(
    {},
    {
      // The lists were read before the stream listened: whatever arrived in between is read
      // now (the server listens before it reports the stream started; also after every
      // reconnect or reset).
      onStarted: reread,
      onData: reread,
      // A reconnect after a long sleep resumes from an id whose events were pruned
      // (BAD_REQUEST): read the lists again and listen from now, instead of going stale.
      onError: (error) => {
        if (error.data?.code !== 'BAD_REQUEST') return;
        reread();
        setTimeout(() => events.reset(), 0);
      },
    },
  );
  const claim = api.inbox.claim.useMutation({
    onSuccess: (result) => {
      setHeld({ conversationId: result.conversation.id, sessionId: result.session.id });
      void utils.inbox.list.invalidate();
    },
  });
  const count = waitingItems.length;
  return (
    <div className="page inbox-page">
      <h1>
        {t('inbox.heading')}{' '}
        <span className="inbox-count" data-count={count}>
          {waiting.hasNextPage
            ? t('inbox.waitingCountMore', { shown: count })
            : t('inbox.waitingCount', { count })}
        </span>
      </h1>
      {/* On a narrow screen the open conversation comes first (inbox.css), the list after. */}
      <div className={`inbox-layout${held ? ' has-held' : ''}`}>
        <section className="inbox-list" aria-labelledby="inbox-waiting">
          <h2 id="inbox-waiting">{t('inbox.waiting')}</h2>
          {waiting.isPending ? (
            <Loading label={t('inbox.loading')} />
          ) : waiting.isError ? (
            <ErrorNotice error={waiting.error} title={t('inbox.couldNotLoad')} />
          ) : count === 0 ? (
            <p className="muted">{t('inbox.nobodyWaiting')}</p>
          ) : (
            <ul>
              {waitingItems.map((item) => (
                <WaitingItem
                  key={item.conversation.id}
                  item={item}
                  busy={claim.isPending}
                  onClaim={() => claim.mutate({ conversationId: item.conversation.id })}
                />
              ))}
            </ul>
          )}
          <div ref={sentinel} />
          <LoadMore
            query={waiting}
            onLoad={loadMore}
            label={t('inbox.loadMore')}
            loadingLabel={t('inbox.loadingMore')}
          />
          {claim.isError && <ErrorNotice error={claim.error} title={t('inbox.couldNotClaim')} />}
          {(mine.data?.items.length ?? 0) > 0 && (
            <>
              <h2>{t('inbox.mine')}</h2>
              <ul>
                {mine.data!.items.map((item) => (
                  <li key={item.conversation.id}>
                    <button
                      type="button"
                      className="inbox-item"
                      onClick={() => claim.mutate({ conversationId: item.conversation.id })}
                    >
                      <strong>
                        <CustomerName customer={item.customer} />
                      </strong>
                      <span className="muted">
                        {(item.lastCustomerMessage ?? item.lastMessage)?.content ?? ''}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        {held ? (
          <HeldConversation
            key={held.sessionId}
            held={held}
            onReleased={() => setHeld(undefined)}
          />
        ) : (
          <p className="muted inbox-empty">{t('inbox.pick')}</p>
        )}
      </div>
    </div>
  );
}

/** Re-renders every `ms`, so "waiting 4 minutes" keeps counting while the list is open. */
function useNow(ms: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/** "4 minutes", "2 hours", "1 day" in the agent's language: how long someone has waited. */
function waited(since: Date, now: Date, locale: string): string | null {
  const minutes = Math.floor((now.getTime() - since.getTime()) / 60_000);
  if (minutes < 1) return null;
  const [value, unit] =
    minutes < 60
      ? [minutes, 'minute']
      : minutes < 48 * 60
        ? [Math.floor(minutes / 60), 'hour']
        : [Math.floor(minutes / 1440), 'day'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

/** The customer's language, by name in the agent's own: the one the assistant answered in. */
function customerLanguage(item: InboxItem, locale: string): string | null {
  if (!item.language) return null;
  try {
    return new Intl.DisplayNames(locale, { type: 'language' }).of(item.language) ?? null;
  } catch {
    return null;
  }
}

function WaitingItem(props: { item: InboxItem; busy: boolean; onClaim: () => void }) {
  const { t, i18n } = useTranslation();
  const { item } = props;
  const locale = LOCALES[currentLanguage(i18n)];
  const now = useNow(30_000);
  const duration = item.waitingSince ? waited(item.waitingSince, now, locale) : null;
  const language = customerLanguage(item, locale);
  // What the customer said is what an agent needs first; the last word otherwise.
  const last = item.lastCustomerMessage ?? item.lastMessage;
  return (
    <li className="inbox-item">
      <div>
        <strong>
          <CustomerName customer={item.customer} />
        </strong>{' '}
        <span className="muted">{item.brief.summary || item.conversation.title}</span>
      </div>
      {(item.waitingSince || language) && (
        <div className="inbox-meta">
          {item.waitingSince && (
            <span className="inbox-waited">
              <time dateTime={item.waitingSince.toISOString()}>
                {duration ? t('inbox.waitedFor', { duration }) : t('inbox.waitedJustNow')}
              </time>
            </span>
          )}
          {language && <span>{t('inbox.language', { language })}</span>}
        </div>
      )}
      {item.brief.listing && <div className="muted">{item.brief.listing.title}</div>}
      {last && (
        <div className="inbox-last">
          {/* Whose words these are: the customer's own, or the assistant's last answer. */}
          <span className="inbox-last-author">
            {last.role === 'assistant'
              ? t('inbox.assistant')
              : last.role === 'agent'
                ? (last.author?.name ?? t('inbox.customer'))
                : last.role === 'user'
                  ? t('inbox.customer')
                  : null}
          </span>{' '}
          {last.content}
        </div>
      )}
      <button type="button" className="button" disabled={props.busy} onClick={props.onClaim}>
        {t('inbox.claim')}
      </button>
    </li>
  );
}

function HeldConversation(props: { held: Held; onReleased: () => void }) {
  const { t } = useTranslation();
  const { held } = props;
  const chat = useChat({ sessionId: held.sessionId });
  const me = useAuth().user;
  const item = api.inbox.get.useQuery({ conversationId: held.conversationId });
  const utils = api.useUtils();
  const release = api.inbox.release.useMutation({
    onSuccess: () => {
      void utils.inbox.list.invalidate();
      props.onReleased();
    },
  });
  const [text, setText] = useState('');
  const transcript = useRef<HTMLOListElement>(null);
  const newest = chat.messages.at(-1);
  const onScroll = useFollowNewest(
    transcript,
    newest && {
      key: newest.key,
      length: newest.content.length,
      mine: newest.status === 'sending',
    },
  );
  const send = () => {
    if (!text.trim()) return;
    chat.send(text.trim());
    setText('');
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };
  // As in the customer's chat box: Enter sends, Shift+Enter adds a line.
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };
  // Claimed: the conversation opens where the agent can answer it (on a phone, in view).
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    const node = section.current;
    if (!node || typeof node.scrollIntoView !== 'function') return;
    if (window.matchMedia?.('(max-width: 720px)').matches) node.scrollIntoView({ block: 'start' });
  }, []);
  const brief = item.data?.brief;
  return (
    <div className="inbox-held">
      <section ref={section} className="inbox-chat" aria-label={t('inbox.conversation')}>
        <ol
          ref={transcript}
          className="messages"
          role="log"
          aria-label={t('inbox.conversation')}
          onScroll={onScroll}
        >
          {chat.messages.map((m) => {
            // Our reply before it is stored has no author yet: it is the agent's own.
            const ours = m.id === null;
            return (
              <li key={m.key} className={`inbox-message inbox-message-${ours ? 'agent' : m.role}`}>
                <span className="inbox-author">
                  {m.role === 'assistant'
                    ? t('inbox.assistant')
                    : // A guest is "Guest" in the agent's language, as in the lists.
                      m.author?.role === 'guest'
                      ? t('inbox.guest')
                      : (m.author?.name ?? (ours ? me?.name : undefined) ?? t('inbox.customer'))}
                </span>
                <p>{m.content}</p>
              </li>
            );
          })}
        </ol>
        <form className="inbox-reply" onSubmit={submit}>
          <label className="visually-hidden" htmlFor="inbox-reply">
            {t('inbox.reply')}
          </label>
          <textarea
            id="inbox-reply"
            value={text}
            rows={2}
            placeholder={t('inbox.replyPlaceholder')}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={onKeyDown}
            aria-describedby="inbox-reply-hint"
          />
          <p id="inbox-reply-hint" className="visually-hidden">
            {t('chat.composerHint')}
          </p>
          <button type="submit" className="button button-primary">
            {t('inbox.send')}
          </button>
        </form>
        <div className="inbox-actions">
          <button
            type="button"
            className="button"
            disabled={release.isPending}
            onClick={() => release.mutate({ conversationId: held.conversationId, to: 'assistant' })}
          >
            {t('inbox.handBack')}
          </button>
          <button
            type="button"
            className="button"
            disabled={release.isPending}
            onClick={() => release.mutate({ conversationId: held.conversationId, to: 'waiting' })}
          >
            {t('inbox.backToWaiting')}
          </button>
        </div>
      </section>
      <aside className="inbox-brief" aria-label={t('inbox.brief')}>
        <h2>{t('inbox.brief')}</h2>
        {item.data && (
          <p>
            <CustomerName customer={item.data.customer} withEmail />
          </p>
        )}
        {brief?.summary && <p>{brief.summary}</p>}
        {brief?.listing && (
          <>
            <h3>{t('inbox.askedAbout')}</h3>
            <p>
              <a href={`/listings/${brief.listing.id}`}>{brief.listing.title}</a>
            </p>
          </>
        )}
        {(brief?.listingsShown.length ?? 0) > 0 && (
          <>
            <h3>{t('inbox.shown')}</h3>
            <ul>
              {brief!.listingsShown.map((l) => (
                <li key={l.id}>
                  <a href={`/listings/${l.id}`}>{l.title}</a>
                </li>
              ))}
            </ul>
          </>
        )}
      </aside>
    </div>
  );
}
