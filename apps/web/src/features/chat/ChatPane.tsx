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
}: {
  conversationId: string;
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
  const earlier = useMemo(() => earlierAnswers(chat.messages), [chat.messages]);
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
      <section className="chat-pane" aria-labelledby="chat-title">
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
          <ol className="messages" role="log" aria-label={t('chat.messages')}>
            {chat.messages.map((message) => (
              <MessageItem
                key={message.key}
                message={message}
                actions={actions(message)}
                earlier={earlier.has(message.key)}
              />
            ))}
          </ol>
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
            autoFocus={firstMessage !== undefined}
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
            onStop={chat.activeRun && !offline ? () => void chat.cancel() : undefined}
          />
        </div>
      </section>
    </AskInChat>
  );
}

/**
 * The buttons each message gets: Retry on our unsent message, and on the latest question
 * whose answer failed or was stopped (or on that stopped reply); Regenerate on the last
 * reply while the assistant is the one answering. An older failure keeps its words but
 * not its button: the conversation has moved on, and two Retry buttons would be a
 * riddle. Nothing while the assistant is busy.
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
    const latestQuestion = messages.findLast((m) => m.role === 'user' && m.id)?.id;
    return (message) => {
      if (message.status === 'failed') return { resend: () => resend(message.key) };
      if (activeRun) return {};
      const id = message.id;
      if (message.role === 'user' && id) {
        const run = message.run;
        const unanswered =
          run?.status === 'failed' || (run?.status === 'cancelled' && !run.assistantMessageId);
        return unanswered && id === latestQuestion ? { retry: () => void retry(id) } : {};
      }
      if (
        message.status === 'interrupted' &&
        message.replyToId &&
        message.replyToId === latestQuestion
      ) {
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
  const latest = new Map<string, string>();
  for (const m of messages)
    if (m.role === 'assistant' && m.replyToId && m.status !== 'streaming')
      latest.set(m.replyToId, m.key);
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
