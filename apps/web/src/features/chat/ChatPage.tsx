import { useCallback, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { isUuid, newUuid } from '../../lib/ids';
import { ChatPane, type FirstMessage } from './ChatPane';
import { ConversationSidebar } from './ConversationSidebar';
import { useLiveSessions } from './live-sessions';
import { WelcomePane } from './WelcomePane';

/** Sidebar of conversations beside the open one (on a phone: one or the other). */
export function ChatPage() {
  const { conversationId } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const sessions = useLiveSessions();
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<unknown>(null);
  const firstMessage = (location.state as { firstMessage?: FirstMessage } | null)?.firstMessage;

  const start = useCallback(
    async (content?: string) => {
      setStarting(true);
      setStartError(null);
      try {
        const created = await sessions.startNew();
        const state = content ? { firstMessage: { content, clientMessageId: newUuid() } } : null;
        navigate(`/chat/${created.conversation.id}`, { state });
      } catch (error) {
        setStartError(error);
      } finally {
        setStarting(false);
      }
    },
    [sessions, navigate],
  );
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
        startingNew={starting}
        onDeleted={onDeleted}
      />
      {conversationId === undefined ? (
        <WelcomePane onStart={(content) => void start(content)} starting={starting} error={startError} />
      ) : valid ? (
        <ChatPane
          key={conversationId}
          conversationId={conversationId}
          sessions={sessions}
          firstMessage={firstMessage}
          onFirstMessageSent={clearFirstMessage}
        />
      ) : (
        <section className="chat-pane" aria-label="Conversation">
          <div className="page">
            <h1>Conversation not found</h1>
            <p>This address does not point to a conversation.</p>
          </div>
        </section>
      )}
    </div>
  );
}
