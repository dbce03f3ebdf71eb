import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api } from '../../api';
import { isUuid, newUuid } from '../../lib/ids';
import { useMaybeAuth } from '../auth/AuthProvider';
import { redirectOf } from '../auth/redirect';
import type { AskedAbout } from '../inbox/AskAboutListing';
import { ChatPane, type FirstMessage } from './ChatPane';
import { ConversationSidebar } from './ConversationSidebar';
import { WelcomePane } from './WelcomePane';

/** Sidebar of conversations beside the open one (on a phone: one or the other). */
export function ChatPage() {
  const { t } = useTranslation();
  const { conversationId } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const create = api.conversations.create.useMutation();
  const { mutateAsync: createConversation } = create;
  /** A conversation being started, with the first message typed for it (kept if it fails). */
  const [starting, setStarting] = useState<{ content?: string; error?: unknown; busy: boolean }>();
  const state = location.state as {
    firstMessage?: FirstMessage;
    askedAbout?: AskedAbout;
    newChat?: boolean;
  } | null;
  const firstMessage = state?.firstMessage;

  const start = useCallback(
    async (content?: string) => {
      setStarting({ content, busy: true });
      try {
        // The chat pane opens its session on it (useChat) and sends the first message.
        const conversation = await createConversation({});
        // "New chat" (no words yet): the new conversation's message box takes the focus,
        // which the pressed button (disabled meanwhile, then in another list) drops.
        const state = content
          ? { firstMessage: { content, clientMessageId: newUuid() } }
          : { newChat: true };
        setStarting(undefined);
        navigate(`/chat/${conversation.id}`, { state });
      } catch (error) {
        setStarting({ content, error, busy: false });
      }
    },
    [createConversation, navigate],
  );
  // A request typed on the landing page (carried through sign-up) starts a conversation
  // once; the state is cleared first so Back or a reload does not ask it again.
  const request = conversationId === undefined ? redirectOf(location.state).request : undefined;
  const asked = useRef(false);
  useEffect(() => {
    if (!request || asked.current) return;
    asked.current = true;
    navigate(location.pathname, { replace: true, state: null });
    void start(request);
  }, [request, start, navigate, location.pathname]);
  // Sent once: a reload must not send it again.
  const clearFirstMessage = useCallback(
    () => navigate(location.pathname, { replace: true, state: null }),
    [navigate, location.pathname],
  );
  const onDeleted = useCallback(
    (id: string) => {
      if (id === conversationId) navigate('/chat', { replace: true });
    },
    [conversationId, navigate],
  );

  const valid = isUuid(conversationId);
  const guest = useMaybeAuth()?.status === 'guest';
  return (
    <div className={`chat-layout${conversationId ? ' has-conversation' : ''}`}>
      <ConversationSidebar
        activeId={valid ? conversationId : undefined}
        onNewChat={() => void start()}
        startingNew={starting?.busy ?? false}
        onDeleted={onDeleted}
      />
      {conversationId === undefined ? (
        <WelcomePane
          onStart={(content) => void start(content)}
          starting={starting?.busy ?? false}
          pending={starting?.content}
          error={starting?.error}
        />
      ) : valid ? (
        <ChatPane
          key={conversationId}
          conversationId={conversationId}
          firstMessage={firstMessage}
          onFirstMessageSent={clearFirstMessage}
          askedAbout={state?.askedAbout}
          focusBox={state?.newChat === true}
          banner={guest ? <GuestBanner from={location.pathname} /> : undefined}
        />
      ) : (
        <section className="chat-pane" aria-label={t('chat.conversation')}>
          <div className="page">
            <h1>{t('chat.notFoundTitle')}</h1>
            <p>{t('chat.notFoundText')}</p>
          </div>
        </section>
      )}
    </div>
  );
}

const BANNER_HIDDEN_KEY = 'parley.guestBannerHidden';

function bannerHidden(): boolean {
  try {
    return sessionStorage.getItem(BANNER_HIDDEN_KEY) === '1';
  } catch {
    return false;
  }
}

/**
 * A guest's invitation to sign up; the conversation comes along. It can be hidden for
 * the rest of the visit: on a small phone it takes room the conversation needs, and it
 * was read the first time.
 */
function GuestBanner({ from }: { from: string }) {
  const { t } = useTranslation();
  const [hidden, setHidden] = useState(bannerHidden);
  if (hidden) return null;
  return (
    <p className="guest-banner">
      <span>{t('chat.guestNote')}</span>
      <Link to="/signup" state={{ from }} className="button button-small button-primary">
        {t('chat.guestSignUp')}
      </Link>
      <button
        type="button"
        className="icon-button guest-banner-close"
        aria-label={t('chat.dismissBanner')}
        onClick={() => {
          try {
            sessionStorage.setItem(BANNER_HIDDEN_KEY, '1');
          } catch {
            // Private mode may refuse storage: hidden for this page only, then.
          }
          setHidden(true);
          // The button goes with the banner: the message box takes the focus.
          document.getElementById('composer-message')?.focus();
        }}
      >
        <span aria-hidden="true">×</span>
      </button>
    </p>
  );
}
