import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  api,
  type ChatMessage,
  type SessionEvent,
  type UseChatResult,
  useChat,
  useConnectionStatus,
} from '../../api';
import { isNetworkError } from '../../lib/errors';
import { usePersonTyping, useTypingSignal } from '../../lib/typing';
import { Icon } from '../../ui/icons';
import { ErrorNotice, Loading } from '../../ui/Status';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { SaveSearchButton } from '../alerts/SaveSearchButton';
import { type AskedAbout, AskInChat } from '../inbox/AskAboutListing';
import { PeopleBar } from '../inbox/PeopleBar';
import { AskedListing, cardShown } from './AskedListing';
import { Composer } from './Composer';
import { ConnectionIndicator } from './ConnectionIndicator';
import { conversationTitle } from './ConversationItem';
import { draftOf, readDraft, textToRestore, writeDraft } from './draft';
import { MemoryChips } from './FilterChips';
import { type MessageActions, MessageItem } from './MessageItem';
import { useReplyScroll } from './useReplyScroll';
import './chat-notices.css';

export interface FirstMessage {
  content: string;
  clientMessageId: string;
}

/**
 * The sidebar and title refresh at once on a conversation's first event (a sent message
 * names a new conversation), then at most once per this interval: a burst of events (a
 * replay, a streamed reply) costs one more refresh, at its end.
 */
const SIDEBAR_REFRESH_MS = 600;

/**
 * The live chat over one conversation; the chat logic is the SDK's (`useChat`): this
 * draws it and wires its actions. Mount with `key={conversationId}`.
 */
export function ChatPane({
  conversationId,
  firstMessage,
  onFirstMessageSent,
  banner,
  askedAbout: askedFirst,
  focusBox: focusOnOpen = false,
}: {
  conversationId: string;
  /** Put the focus in the message box on opening ("New chat" was pressed). */
  focusBox?: boolean | undefined;
  /** The listing this conversation was started to ask an agent about (a listing's page). */
  askedAbout?: AskedAbout | undefined;
  /** A message typed before the conversation existed, sent once on mount. */
  firstMessage?: FirstMessage | undefined;
  onFirstMessageSent?: () => void;
  /** Shown above the messages (the guest's invitation to sign up). */
  banner?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const utils = api.useUtils();
  const pendingRefresh = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastRefresh = useRef(0);
  useEffect(() => () => clearTimeout(pendingRefresh.current), []);
  // The listing an agent was asked about: set at once by a card's "Ask an agent", and
  // from the server's hand-off events, which the stream replays (so a reload keeps it).
  const [askedAbout, setAskedAbout] = useState(askedFirst);
  // The first listing asked about in this conversation stays at its head as what the
  // question is about, even once a later hand-off names none.
  const [context, setContext] = useState(askedFirst);
  // Whether an agent had the inbox open when a person was asked for (undefined: not
  // said, as by a hand-off stored before the server told).
  const [agentsOnline, setAgentsOnline] = useState<boolean | undefined>(undefined);
  const onEvent = (event: SessionEvent) => {
    onTypingEvent(event);
    if (event.type === 'handoff.requested') {
      const { listing } = event.brief;
      setAskedAbout(listing ? { id: listing.id, title: listing.title } : undefined);
      if (listing) setContext((first) => first ?? { id: listing.id, title: listing.title });
      setAgentsOnline(event.agentsOnline);
    }
    // Handed back to the waiting list: who is online now is not known.
    if (event.type === 'handoff.released') setAgentsOnline(undefined);
    // The first message names the conversation; the sidebar sorts by activity.
    if (event.type !== 'message.created' && event.type !== 'assistant.completed') return;
    // A refresh already waiting reads this event's effect too.
    if (pendingRefresh.current) return;
    const refresh = () => {
      pendingRefresh.current = undefined;
      lastRefresh.current = Date.now();
      void utils.conversations.list.invalidate();
      void utils.conversations.get.invalidate({ id: conversationId });
    };
    const wait = lastRefresh.current + SIDEBAR_REFRESH_MS - Date.now();
    if (wait <= 0) refresh();
    else pendingRefresh.current = setTimeout(refresh, wait);
  };
  const chat = useChat({ conversationId, onEvent });
  // With a person on the line: their "is typing", and ours sent to them.
  const agentHolds = chat.people.mode === 'agent' && chat.people.agent !== null;
  const agentTyping = usePersonTyping('agent', agentHolds);
  const onTypingEvent = agentTyping.onEvent;
  const typingSignal = useTypingSignal(agentHolds && !chat.ended, chat.typing);
  const conversation = api.conversations.get.useQuery({ id: conversationId });
  const title = conversation.data
    ? conversationTitle(conversation.data, t('sidebar.newConversation'))
    : t('chat.conversation');
  useDocumentTitle(title);

  const { send } = chat;
  const sentFirst = useRef(false);
  useEffect(() => {
    if (!firstMessage || sentFirst.current) return;
    sentFirst.current = true;
    send(firstMessage.content, { clientMessageId: firstMessage.clientMessageId });
    onFirstMessageSent?.();
  }, [firstMessage, send, onFirstMessageSent]);

  const draft = useDraft(conversationId, chat.messages, chat.loaded);

  const scroller = useRef<HTMLDivElement>(null);
  const onScroll = useReplyScroll(scroller, chat.messages, chat.thinking);
  // Retry, Regenerate and Stop go away once pressed: focus moves to the message box
  // instead of falling to the page.
  const box = useRef<HTMLTextAreaElement>(null);
  const focusBox = useCallback(() => box.current?.focus(), []);
  const actions = useMessageActions(chat, focusBox);
  const pane = useRef<HTMLElement>(null);
  useFocusRescue(pane, box);
  // Very short screens scroll the pane as a whole (chat-page.css): open it on the
  // conversation, not on the title and chips above it.
  const { loaded } = chat;
  useEffect(() => {
    const p = pane.current;
    if (loaded && p && p.scrollHeight > p.clientHeight) p.scrollTop = p.scrollHeight;
  }, [loaded]);
  const earlier = useMemo(() => earlierAnswers(chat.messages), [chat.messages]);
  const streaming = chat.messages.some((m) => m.status === 'streaming');
  // While the assistant answers, its replies stream: the log is quiet and <Announcer>
  // reads each finished one. With a person asked for or on the line, messages arrive
  // whole (no cards, no buttons), and the log reads them as a log does.
  const assistantAnswers = chat.people.mode === 'assistant';
  const [correcting, setCorrecting] = useState(false);
  // Chips removed since the last question: the answers on screen still include them, so
  // the pane says the next answer leaves them out, and offers to ask now.
  const [removed, setRemoved] = useState<string[]>([]);
  const questions = chat.messages.filter((m) => m.role === 'user').length;
  useEffect(() => {
    if (questions > 0) setRemoved([]);
  }, [questions]);
  // Offline, nothing being sent reaches the assistant, and Stop could not reach it
  // either: no "typing…" and no Stop until the connection is back.
  const offline = useConnectionStatus() === 'offline';
  // Stop stops the text being written: the run of the reply streaming now, not a question
  // queued behind it (the store's default, the newest unfinished run, is left for when
  // nothing streams yet).
  const stopTarget = streamingRun(chat.messages);
  useResendWhenBack(chat, !offline && chat.status === 'live');
  // The listing asked about at the head, unless a reply already shows its card (asked
  // from a card in the chat).
  const shownContext = context && !cardShown(chat.messages, context.id) ? context : undefined;
  // A card's "Ask an agent" hands this conversation over, naming its listing.
  const askInChat = useMemo(
    () => ({ sessionId: chat.sessionId, onAsked: setAskedAbout }),
    [chat.sessionId],
  );

  if (conversation.isError) {
    return (
      <section className="chat-pane" aria-label={t('chat.conversation')}>
        <div className="page">
          <ErrorNotice
            error={conversation.error}
            title={t('chat.couldNotOpen')}
            onRetry={() => void conversation.refetch()}
          >
            <p>
              <Link to="/chat">{t('chat.backToList')}</Link>
            </p>
          </ErrorNotice>
        </div>
      </section>
    );
  }

  return (
    <AskInChat value={askInChat}>
      <section className="chat-pane" aria-labelledby="chat-title" ref={pane}>
        <header className="chat-header">
          <Link to="/chat" className="back-link" aria-label={t('chat.backToConversations')}>
            <Icon name="back" />
          </Link>
          <h1 id="chat-title">{title}</h1>
          <ConnectionIndicator />
        </header>
        {banner}
        {chat.memory && (
          <MemoryChips
            facts={chat.memory.facts}
            busy={correcting}
            onEmptied={focusBox}
            onChange={(facts, label) => {
              setCorrecting(true);
              void chat
                .updateMemory(facts)
                .then((memory) => {
                  if (memory) setRemoved((labels) => [...labels.filter((l) => l !== label), label]);
                })
                .finally(() => setCorrecting(false));
            }}
            action={
              // Saved with this conversation, so its alerts are also posted here; a new
              // button (not "saved") once the filters change.
              <SaveSearchButton
                key={JSON.stringify(chat.memory.facts)}
                filters={chat.memory.facts}
                conversationId={conversationId}
              />
            }
          />
        )}
        <MemoryChanged
          removed={removed}
          // Only the assistant searches: with a person on the line, the next message is theirs to answer.
          onSearchNow={
            chat.people.mode === 'assistant' && !chat.activeRun
              ? () => {
                  focusBox();
                  chat.send(t('chat.searchAgainMessage'));
                }
              : undefined
          }
        />
        <div className="chat-scroll" ref={scroller} onScroll={onScroll}>
          {!chat.loaded && <Loading label={t('chat.loadingMessages')} />}
          {shownContext && <AskedListing listing={shownContext} />}
          {/* Only a conversation nobody has asked anything in yet is empty: not one whose
              first message is on its way, being answered, or waiting for a person. */}
          {chat.loaded &&
            chat.messages.length === 0 &&
            !shownContext &&
            !firstMessage &&
            !chat.activeRun &&
            !chat.thinking &&
            chat.people.mode === 'assistant' && <p className="muted empty">{t('chat.empty')}</p>}
          {/* The role is on a wrapper so the <ol> stays a list. The log is not a live region
              (aria-live off): a streamed reply would be read piece by piece, then its
              buttons and every card. <Announcer> reads each new answer once, finished. */}
          <h2 className="visually-hidden" id="chat-messages-title">
            {t('chat.messages')}
          </h2>
          <div
            className="messages-log"
            role="log"
            aria-labelledby="chat-messages-title"
            aria-live={assistantAnswers ? 'off' : 'polite'}
            aria-busy={streaming || undefined}
          >
            <ol className="messages">
              {chat.messages.map((message) => (
                <MessageItem
                  key={message.key}
                  message={message}
                  actions={actions(message)}
                  earlier={earlier.has(message.key)}
                />
              ))}
            </ol>
          </div>
          <Announcer messages={chat.messages} loaded={chat.loaded} quiet={!assistantAnswers} />
          {chat.people.mode === 'waiting' && chat.people.handedBack && (
            <p className="notice agent-left" role="status">
              {t('chat.agentLeft', { name: chat.people.handedBack.name })}
            </p>
          )}
          {chat.thinking && !offline && <TypingIndicator />}
          {agentHolds && agentTyping.name !== null && !offline && (
            <TypingIndicator
              label={t('chat.personTyping', {
                name: agentTyping.name || chat.people.agent?.name || '',
              })}
            />
          )}
        </div>
        {chat.status === 'offline' && chat.error && (
          <ErrorNotice error={chat.error} title={t('chat.liveStopped')} onRetry={chat.reconnect} />
        )}
        {chat.status !== 'offline' && chat.error && (
          <ErrorNotice error={chat.error} title={t('chat.actionFailed')} />
        )}
        {chat.ended && (
          <p className="notice" role="status">
            {t('chat.ended')}
          </p>
        )}
        {/* One block so a short screen can put the two side by side (styles.css). */}
        <div className="chat-foot">
          <PeopleBar chat={chat} askedAbout={askedAbout} agentsOnline={agentsOnline} />
          <Composer
            inputRef={box}
            // With a person on the line the box asks for a message to them, not for a home.
            placeholder={
              chat.people.mode === 'agent' && chat.people.agent
                ? t('chat.placeholderPerson', { name: chat.people.agent.name })
                : chat.people.mode === 'waiting'
                  ? t('chat.placeholderWaiting')
                  : undefined
            }
            // The first message was typed on the welcome pane: keep writing here.
            autoFocus={firstMessage !== undefined || focusOnOpen}
            restoredText={draft.restored}
            onSend={(content) => {
              typingSignal.onSent();
              draft.onTyped('');
              chat.send(content);
            }}
            onTextChange={(text) => {
              typingSignal.onInput(text);
              draft.onTyped(text);
            }}
            onStop={chat.activeRun && !offline ? () => void chat.cancel(stopTarget) : undefined}
          />
        </div>
      </section>
    </AskInChat>
  );
}

/**
 * The buttons each message gets: Retry on our unsent message, and on a question whose
 * answer failed or was stopped (or on that stopped reply) while that answer is the
 * question's latest (docs/runs.md): a later question does not take it away, since the
 * stopped answer is still all that question got. Once retried, the new run is the
 * question's latest and the old answer has no button. Regenerate on the last reply while
 * the assistant is the one answering. Nothing while the assistant is busy.
 */
function useMessageActions(
  chat: UseChatResult,
  focusBox: () => void,
): (message: ChatMessage) => MessageActions {
  const {
    messages,
    activeRun,
    regenerable,
    people,
    resend: resendRaw,
    retry: retryRaw,
    regenerate: regenerateRaw,
  } = chat;
  const assistantAnswers = people.mode === 'assistant';
  return useMemo(() => {
    // The button pressed is gone with the next render: the message box takes focus.
    const resend = (key: string) => {
      focusBox();
      resendRaw(key);
    };
    const retry = (id: string) => {
      focusBox();
      return retryRaw(id);
    };
    const regenerate = () => {
      focusBox();
      return regenerateRaw();
    };
    const questions = new Map(messages.filter((m) => m.id).map((m) => [m.id, m]));
    return (message) => {
      if (message.status === 'failed') return { resend: () => resend(message.key) };
      if (activeRun) return {};
      const id = message.id;
      if (message.role === 'user' && id) {
        const run = message.run;
        const unanswered =
          run?.status === 'failed' || (run?.status === 'cancelled' && !run.assistantMessageId);
        return unanswered ? { retry: () => void retry(id) } : {};
      }
      if (message.status === 'interrupted' && message.replyToId) {
        const question = questions.get(message.replyToId);
        if (question?.run?.assistantMessageId === id) {
          const questionId = message.replyToId;
          return { retry: () => void retry(questionId) };
        }
      }
      // Not while a person is asked for or answering: the last reply is the one that
      // handed over, and another go at it would not reach them.
      if (assistantAnswers && regenerable && message.key === regenerable.key) {
        return { regenerate: () => void regenerate() };
      }
      return {};
    };
  }, [
    messages,
    activeRun,
    regenerable,
    assistantAnswers,
    resendRaw,
    retryRaw,
    regenerateRaw,
    focusBox,
  ]);
}

/**
 * A control that goes once pressed ("Save this search" becomes "Saved: …", "Talk to an
 * agent" becomes the waiting line) would drop the focus to the page. When the element
 * that had the focus in the pane leaves the DOM and nothing has the focus, it goes to the
 * saved search's message (it says what happened, and is read), else to the message box.
 */
function useFocusRescue(
  pane: React.RefObject<HTMLElement | null>,
  box: React.RefObject<HTMLTextAreaElement | null>,
) {
  useEffect(() => {
    const root = pane.current;
    if (!root) return;
    let last: Element | null = null;
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target;
      last = target instanceof Element && root.contains(target) ? target : null;
    };
    // A click on nothing focusable leaves the focus on the page on purpose: not a loss.
    // (A press on a control focuses it right after, through focusin.)
    const onPointerDown = () => {
      last = null;
    };
    const observer = new MutationObserver(() => {
      const lost =
        last !== null &&
        !last.isConnected &&
        (document.activeElement === null || document.activeElement === document.body);
      if (!lost) return;
      const wasSaving = last?.classList.contains('save-search') ?? false;
      last = null;
      const saved = wasSaving ? root.querySelector<HTMLElement>('.save-search.saved') : null;
      if (saved) {
        saved.tabIndex = -1;
        saved.focus();
      } else box.current?.focus();
    });
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('pointerdown', onPointerDown, true);
    observer.observe(root, { childList: true, subtree: true });
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('pointerdown', onPointerDown, true);
      observer.disconnect();
    };
  }, [pane, box]);
}

/**
 * Messages that could not be sent for want of a connection go again, by themselves, when
 * the chat is live again after being cut off: one at a time, in the order they were
 * typed, each with its own clientMessageId (the server stores it once). Each gets one
 * automatic try per return of the connection; other failures keep their Retry.
 */
function useResendWhenBack(chat: UseChatResult, live: boolean) {
  const { messages, resend } = chat;
  const queue = useRef<string[]>([]);
  const wasLive = useRef(live);
  useEffect(() => {
    if (!live) {
      wasLive.current = false;
      queue.current = [];
      return;
    }
    if (!wasLive.current) {
      wasLive.current = true;
      queue.current = messages
        .filter((m) => m.status === 'failed' && isNetworkError(m.error))
        .map((m) => m.key);
    }
    // The one before is still on its way: the next waits, so they are stored in order.
    if (messages.some((m) => m.status === 'sending')) return;
    while (queue.current.length > 0) {
      const key = queue.current.shift() as string;
      // Sent meanwhile (Retry pressed), or gone: nothing to do for it.
      if (messages.find((m) => m.key === key)?.status !== 'failed') continue;
      resend(key);
      return;
    }
  }, [live, messages, resend]);
}

/**
 * A polite live region, visually hidden, that reads each answer once it is finished
 * (its text only: not its cards or buttons), and each alert posted in the chat. What was
 * on screen when the conversation loaded is not read, nor anything while `quiet` (the
 * log itself reads then).
 */
function Announcer({
  messages,
  loaded,
  quiet,
}: {
  messages: readonly ChatMessage[];
  loaded: boolean;
  quiet: boolean;
}) {
  const { t } = useTranslation();
  const seen = useRef<Set<string> | null>(null);
  const [text, setText] = useState('');
  useEffect(() => {
    const done = (m: ChatMessage) =>
      (m.role === 'assistant' || m.role === 'system') &&
      (m.status === 'complete' || m.status === 'interrupted' || m.status === 'sent');
    if (!loaded) return;
    if (seen.current === null) {
      seen.current = new Set(messages.filter(done).map((m) => m.key));
      return;
    }
    const known = seen.current;
    const fresh = messages.filter((m) => done(m) && !known.has(m.key));
    if (fresh.length === 0) return;
    for (const m of fresh) known.add(m.key);
    if (quiet) return;
    setText(
      fresh
        .map((m) => (m.status === 'interrupted' ? `${m.content} ${t('chat.stopped')}` : m.content))
        .join('\n'),
    );
  }, [messages, loaded, quiet, t]);
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-announcer="">
      {text}
    </div>
  );
}

/** The unfinished run writing a reply on screen now, if any. */
function streamingRun(messages: readonly ChatMessage[]): string | undefined {
  const run = messages.findLast(
    (m) => m.status === 'streaming' && (m.run?.status === 'running' || m.run?.status === 'queued'),
  )?.run;
  return run?.id;
}

/**
 * Keeps what was written here and not sent (draft.ts) across a reload: read once, put
 * back in the message box when the conversation has loaded (minus any message that did
 * arrive), then written on every change.
 */
function useDraft(conversationId: string, messages: readonly ChatMessage[], loaded: boolean) {
  const [kept] = useState(() => readDraft(conversationId));
  const [restored, setRestored] = useState<string | undefined>(undefined);
  const [typed, setTyped] = useState('');
  useEffect(() => {
    if (!loaded || restored !== undefined) return;
    const text = textToRestore(kept, messages);
    setRestored(text);
    setTyped(text);
  }, [loaded, restored, kept, messages]);
  useEffect(() => {
    // Not before the restore: the empty chat of a page just loaded would erase the draft.
    if (restored === undefined) return;
    writeDraft(conversationId, draftOf(messages, typed));
  }, [conversationId, messages, typed, restored]);
  return { restored, onTyped: setTyped };
}

/**
 * Replies a later one answers the same question again (Regenerate keeps both, so the
 * conversation's record stays whole): marked as earlier, so two answers in a row read
 * as a first and a second try.
 */
function earlierAnswers(messages: readonly ChatMessage[]): Set<string> {
  // The newest reply to each question, one still being written included (the list puts
  // it last): a reply is "earlier" only when another one came after it, never because
  // it is the only one and not finished yet.
  const latest = new Map<string, string>();
  for (const m of messages)
    if (m.role === 'assistant' && m.replyToId) latest.set(m.replyToId, m.key);
  const earlier = new Set<string>();
  for (const m of messages)
    if (m.role === 'assistant' && m.replyToId && latest.get(m.replyToId) !== m.key)
      earlier.add(m.key);
  return earlier;
}

/**
 * After a chip was removed: the answers above still include it, which would look as if
 * nothing happened. Says what the next answer leaves out, and offers to ask now (the
 * button's words are what it sends, so nothing unexpected appears in the chat).
 */
function MemoryChanged({
  removed,
  onSearchNow,
}: {
  removed: string[];
  onSearchNow?: (() => void) | undefined;
}) {
  const { t, i18n } = useTranslation();
  // The live region stays mounted, so the first message is announced too.
  return (
    <div className="memory-changed" role="status" hidden={removed.length === 0}>
      {removed.length > 0 && (
        <>
          <span>
            {t('chat.searchWithout', {
              labels: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(removed),
            })}
          </span>
          {onSearchNow && (
            <button type="button" className="button button-small" onClick={onSearchNow}>
              {t('chat.searchAgainNow')}
            </button>
          )}
        </>
      )}
    </div>
  );
}

export function TypingIndicator({ label }: { label?: string | undefined } = {}) {
  const { t } = useTranslation();
  return (
    <p className="typing" role="status">
      <span className="typing-dots" aria-hidden="true">
        <span />
        <span />
        <span />
      </span>
      {label ?? t('chat.typing')}
    </p>
  );
}
