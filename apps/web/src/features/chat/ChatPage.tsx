import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { isUuid, newUuid } from '../../lib/ids';
import { redirectOf } from '../auth/redirect';
import { ChatPane, type FirstMessage } from './ChatPane';
import { ConversationSidebar } from './ConversationSidebar';
import { useLiveSessions } from './live-sessions';
import { WelcomePane } from './WelcomePane';

/** Sidebar of conversations beside the open one (on a phone: one or the other). */
export function ChatPage() {
  const { t } = useTranslation();
  const { conversationId } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const sessions = useLiveSessions();
  /** A conversation being started, with the first message typed for it (kept if it fails). */
  const [starting, setStarting] = useState<{ content?: string; error?: unknown; busy: boolean }>();
  const firstMessage = (location.state as { firstMessage?: FirstMessage } | null)?.firstMessage;

  const start = useCallback(
    async (content?: string) => {
      setStarting({ content, busy: true });
      try {
        const created = await sessions.startNew();
        const state = content ? { firstMessage: { content, clientMessageId: newUuid() } } : null;
        setStarting(undefined);
        navigate(`/chat/${created.conversation.id}`, { state });
      } catch (error) {
        setStarting({ content, error, busy: false });
      }
    },
    [sessions, navigate],
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
          sessions={sessions}
          firstMessage={firstMessage}
          onFirstMessageSent={clearFirstMessage}
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
