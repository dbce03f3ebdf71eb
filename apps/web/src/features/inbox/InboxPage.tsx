import type { TFunction } from 'i18next';
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ChatMessage, type InboxItem, useChat } from '../../api';
import { currentLanguage } from '../../i18n/i18n';
import { LOCALES } from '../../i18n/languages';
import { errorDetails } from '../../lib/errors';
import { type Format, useFormat } from '../../lib/format';
import { usePersonTyping, useTypingSignal } from '../../lib/typing';
import { LoadMore } from '../../ui/LoadMore';
import { ErrorNotice, Loading } from '../../ui/Status';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { usePagedItems } from '../../ui/useInfiniteScroll';
import { useAuth } from '../auth/AuthProvider';
import { chipLabels } from '../chat/chip-labels';
import { CustomerName, customerLabel } from './CustomerName';
import './inbox.css';
import { useFollowNewest } from './useFollowNewest';

/** Waiting conversations read per page. */
const WAITING_PAGE = 50;

interface Held {
  conversationId: string;
  sessionId: string;
  /** The customer as the list showed them, until the conversation's own item is read. */
  customer?: InboxItem['customer'] | undefined;
  /** Counts claims: each one (a click or Enter on Claim) puts the focus in the reply box. */
  claims: number;
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
  // Handed back: the conversation and its pressed button leave the page; focus goes to
  // the waiting list, where the agent picks the next one (not to <body>, the page's top).
  const waitingHeading = useRef<HTMLHeadingElement>(null);
  const released = () => {
    setHeld(undefined);
    waitingHeading.current?.focus();
  };
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
      const id = result.conversation.id;
      const known = [...waitingItems, ...(mine.data?.items ?? [])].find(
        (i) => i.conversation.id === id,
      );
      setHeld((before) => ({
        conversationId: id,
        sessionId: result.session.id,
        customer: known?.customer,
        claims: (before?.claims ?? 0) + 1,
      }));
      void utils.inbox.list.invalidate();
    },
  });
  const count = waitingItems.length;
  const arrivals = useArrivals(
    waiting.isSuccess ? waitingItems : undefined,
    waiting.data?.pages.length ?? 0,
  );
  const mineItems = mine.data?.items ?? [];
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
      {/* New customers in the waiting list, said politely to a screen reader. */}
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {arrivals}
      </p>
      {/* On a narrow screen the open conversation comes first (inbox.css), the list after. */}
      <div className={`inbox-layout${held ? ' has-held' : ''}`}>
        <section className="inbox-list" aria-labelledby="inbox-waiting">
          <h2 id="inbox-waiting" ref={waitingHeading} tabIndex={-1}>
            {t('inbox.waiting')}
          </h2>
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
          {claim.isError && <ClaimError error={claim.error} />}
          {mineItems.length > 0 && (
            <>
              <h2>{t('inbox.mine')}</h2>
              <ul>
                {mineItems.map((item) => {
                  const open = held?.conversationId === item.conversation.id;
                  return (
                    <li key={item.conversation.id}>
                      <button
                        type="button"
                        className={`inbox-item${open ? ' is-open' : ''}`}
                        aria-current={open ? 'true' : undefined}
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
                  );
                })}
              </ul>
            </>
          )}
        </section>
        {held ? (
          <HeldConversation key={held.sessionId} held={held} onReleased={released} />
        ) : (
          <p className="muted inbox-empty">
            {mineItems.length > 0 ? t('inbox.pickYours') : t('inbox.pick')}
          </p>
        )}
      </div>
    </div>
  );
}

/**
 * What to say when customers join the waiting list while it is open: "New: Deniz. 3
 * waiting." Nothing for the list as first read, nor when someone leaves it.
 */
function useArrivals(items: InboxItem[] | undefined, pages: number): string {
  const { t } = useTranslation();
  const seen = useRef<{ ids: Set<string>; pages: number } | null>(null);
  const [said, setSaid] = useState('');
  useEffect(() => {
    if (!items) return;
    const ids = new Set(items.map((i) => i.conversation.id));
    const before = seen.current;
    seen.current = { ids, pages };
    // The first read, and a further page read as the list scrolls, are nobody new.
    if (!before || pages !== before.pages) return;
    const added = items.filter((i) => !before.ids.has(i.conversation.id));
    if (added.length === 0) return;
    setSaid(
      t('inbox.arrived', {
        names: added.map((i) => customerLabel(i.customer, t)).join(', '),
        waiting: t('inbox.waitingCount', { count: items.length }),
      }),
    );
  }, [items, pages, t]);
  return said;
}

/**
 * Another agent was quicker, or the conversation went back to the assistant: expected,
 * so said in a sentence of the agent's language, without a reference to report.
 */
function ClaimError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const { code, message } = errorDetails(error);
  if (code === 'CONFLICT' || code === 'PRECONDITION_FAILED') {
    const holder =
      code === 'CONFLICT' ? /^(.+) is already answering/.exec(message)?.[1] : undefined;
    return (
      <div className="notice notice-warn inbox-claim-refused" role="alert">
        <p>
          {code === 'PRECONDITION_FAILED'
            ? t('inbox.notWaiting')
            : holder && holder !== 'Another agent'
              ? t('inbox.alreadyClaimed', { name: holder })
              : t('inbox.alreadyClaimedSomeone')}
        </p>
      </div>
    );
  }
  return <ErrorNotice error={error} title={t('inbox.couldNotClaim')} />;
}

/**
 * What the customer is after, in the agent's language: the assistant's summary is in
 * English, so other languages say the search's facts as the chat's chips do.
 */
function briefSummary(brief: InboxItem['brief'], format: Format, t: TFunction): string {
  const facts = brief.facts ?? {};
  if (Object.keys(facts).length === 0) return t('inbox.noPreferences');
  if (format.language === 'en' && brief.summary) return brief.summary;
  const labels = chipLabels(format, facts);
  return labels.length > 0 ? t('inbox.lookingFor', { facts: labels.join(', ') }) : brief.summary;
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
  const said = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(
    value,
  );
  // "Ждёт 1 минуту": Intl names the unit in the nominative, and after "ждёт" Russian wants
  // the accusative, which differs only there (минута -> минуту; часа, дней stay).
  return locale.startsWith('ru') ? said.replace(/минута$/, 'минуту') : said;
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
  const format = useFormat();
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
        <span className="muted">
          {item.brief.summary || Object.keys(item.brief.facts ?? {}).length > 0
            ? briefSummary(item.brief, format, t)
            : item.conversation.title}
        </span>
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
      <button
        type="button"
        className="button"
        // Not `disabled`: the pressed button keeps the focus while the claim is on its way.
        aria-disabled={props.busy || undefined}
        aria-label={t('inbox.claimNamed', { name: customerLabel(item.customer, t) })}
        onClick={() => {
          if (!props.busy) props.onClaim();
        }}
      >
        {t('inbox.claim')}
      </button>
    </li>
  );
}

/** Who wrote a message of the conversation, as the agent reads it. */
function authorLabel(
  m: ChatMessage,
  customer: InboxItem['customer'] | undefined,
  me: string | undefined,
  t: TFunction,
): string {
  if (m.role === 'assistant') return t('inbox.assistant');
  // Our reply before it is stored has no author yet: it is the agent's own.
  if (m.id === null) return me ?? t('inbox.customer');
  // The customer's words: a site's visitor is the visitor, never the key's owner whose
  // account the widget's session runs on; a guest is "Guest" in the agent's language.
  if (m.role === 'user') {
    if (customer) return customerLabel(customer, t);
    if (m.author?.role === 'guest') return t('inbox.guest');
    return t('inbox.customer');
  }
  if (m.author?.role === 'guest') return t('inbox.guest');
  return m.author?.name ?? t('inbox.customer');
}

function HeldConversation(props: { held: Held; onReleased: () => void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { held } = props;
  const customerTyping = usePersonTyping('user');
  const chat = useChat({ sessionId: held.sessionId, onEvent: customerTyping.onEvent });
  const agentTyping = useTypingSignal(true, chat.typing);
  const me = useAuth().user;
  const item = api.inbox.get.useQuery({ conversationId: held.conversationId });
  const customer = item.data?.customer ?? held.customer;
  const language = item.data ? customerLanguage(item.data, LOCALES[currentLanguage(i18n)]) : null;
  const utils = api.useUtils();
  const release = api.inbox.release.useMutation({
    onSuccess: () => {
      void utils.inbox.list.invalidate();
      props.onReleased();
    },
  });
  const releaseTo = (to: 'assistant' | 'waiting') => {
    if (!release.isPending) release.mutate({ conversationId: held.conversationId, to });
  };
  const [text, setText] = useState('');
  const transcript = useRef<HTMLDivElement>(null);
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
    agentTyping.onSent();
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
  // Claimed (by click, or Enter on Claim): the focus goes where the agent answers, not
  // to the page's start as the pressed button leaves the waiting list.
  const replyBox = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (held.claims > 0) replyBox.current?.focus({ preventScroll: true });
  }, [held.claims]);
  const brief = item.data?.brief;
  const customerName = customer ? customerLabel(customer, t) : t('inbox.customer');
  return (
    <div className="inbox-held">
      <section ref={section} className="inbox-chat" aria-label={t('inbox.conversation')}>
        {/* The log is the scrolling box around the list: on the <ol> itself the role would
            take away its list semantics (its items would no longer be a list's). */}
        <div
          ref={transcript}
          className="messages"
          role="log"
          aria-label={t('inbox.conversation')}
          onScroll={onScroll}
        >
          <ol className="inbox-messages">
            {chat.messages.map((m) => {
              const ours = m.id === null;
              return (
                <li
                  key={m.key}
                  className={`inbox-message inbox-message-${ours ? 'agent' : m.role}`}
                >
                  <span className="inbox-author">{authorLabel(m, customer, me?.name, t)}</span>
                  <p>{m.content}</p>
                </li>
              );
            })}
          </ol>
        </div>
        {/* Always in the page, so a screen reader hears it come and go. */}
        <p className="inbox-typing muted" role="status">
          {customerTyping.name !== null ? t('inbox.typing', { name: customerName }) : ''}
        </p>
        <form className="inbox-reply" onSubmit={submit}>
          <label className="visually-hidden" htmlFor="inbox-reply">
            {t('inbox.reply')}
          </label>
          <textarea
            ref={replyBox}
            id="inbox-reply"
            value={text}
            rows={2}
            placeholder={t('inbox.replyPlaceholder')}
            onChange={(e) => {
              setText(e.target.value);
              agentTyping.onInput(e.target.value);
            }}
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
          {/* aria-disabled, not disabled: a disabled button would drop the focus to the page. */}
          <button
            type="button"
            className="button"
            aria-disabled={release.isPending || undefined}
            onClick={() => releaseTo('assistant')}
          >
            {t('inbox.handBack')}
          </button>
          <button
            type="button"
            className="button"
            aria-disabled={release.isPending || undefined}
            onClick={() => releaseTo('waiting')}
          >
            {t('inbox.backToWaiting')}
          </button>
        </div>
      </section>
      <aside className="inbox-brief" aria-label={t('inbox.brief')}>
        <h2>{t('inbox.brief')}</h2>
        {customer && (
          <p>
            <CustomerName customer={customer} withEmail />
          </p>
        )}
        {language && <p className="inbox-meta">{t('inbox.language', { language })}</p>}
        {brief && <p>{briefSummary(brief, format, t)}</p>}
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
