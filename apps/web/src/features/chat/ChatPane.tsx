import { useEffect, useLayoutEffect, useRef } from 'react';
import { Link } from 'react-router';
import { api } from '../../api';
import { Icon } from '../../ui/icons';
import { ErrorNotice, Loading } from '../../ui/Status';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { Composer } from './Composer';
import { ConnectionIndicator } from './ConnectionIndicator';
import { conversationTitle } from './ConversationItem';
import type { LiveSessions } from './live-sessions';
import { MessageItem } from './MessageItem';
import { useChat } from './useChat';

export interface FirstMessage {
  content: string;
  clientMessageId: string;
}

/** The live chat over one conversation. Mount with `key={conversationId}`. */
export function ChatPane({
  conversationId,
  sessions,
  firstMessage,
  onFirstMessageSent,
}: {
  conversationId: string;
  sessions: LiveSessions;
  /** A message typed before the conversation existed, sent once on mount. */
  firstMessage?: FirstMessage;
  onFirstMessageSent?: () => void;
}) {
  const chat = useChat(conversationId, sessions);
  const conversation = api.conversations.get.useQuery({ id: conversationId });
  const title = conversation.data ? conversationTitle(conversation.data) : 'Conversation';
  useDocumentTitle(title);

  const { send } = chat;
  const sentFirst = useRef(false);
  useEffect(() => {
    if (!firstMessage || sentFirst.current) return;
    sentFirst.current = true;
    send(firstMessage.content, firstMessage.clientMessageId);
    onFirstMessageSent?.();
  }, [firstMessage, send, onFirstMessageSent]);

  const scroller = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  const last = chat.entries.at(-1);
  // Scroll when the last message grows or a new one arrives.
  useLayoutEffect(() => {
    const node = scroller.current;
    if (node && pinned.current) node.scrollTop = node.scrollHeight;
  }, [chat.entries.length, last?.content, last?.reply, chat.typing]);

  if (conversation.isError) {
    return (
      <section className="chat-pane" aria-label="Conversation">
        <div className="page">
          <ErrorNotice
            error={conversation.error}
            title="Could not open this conversation"
            onRetry={() => void conversation.refetch()}
          >
            <p>
              <Link to="/chat">Back to your conversations</Link>
            </p>
          </ErrorNotice>
        </div>
      </section>
    );
  }

  return (
    <section className="chat-pane" aria-labelledby="chat-title">
      <header className="chat-header">
        <Link to="/chat" className="back-link" aria-label="Back to conversations">
          <Icon name="back" />
        </Link>
        <h1 id="chat-title">{title}</h1>
        <ConnectionIndicator />
      </header>
      <div
        className="chat-scroll"
        ref={scroller}
        onScroll={(e) => {
          const n = e.currentTarget;
          pinned.current = n.scrollHeight - n.scrollTop - n.clientHeight < 80;
        }}
      >
        {chat.history.isPending && <Loading label="Loading messages…" />}
        {chat.history.isError && (
          <ErrorNotice
            error={chat.history.error}
            title="Could not load earlier messages"
            onRetry={() => void chat.history.refetch()}
          />
        )}
        {chat.history.isSuccess && chat.entries.length === 0 && (
          <p className="muted empty">No messages yet. Say hello!</p>
        )}
        <ol className="messages" role="log" aria-label="Messages">
          {chat.entries.map((entry) => (
            <MessageItem key={entry.key} entry={entry} onRetry={chat.retry} />
          ))}
        </ol>
        {chat.typing && <TypingIndicator />}
      </div>
      {chat.eventsError && (
        <ErrorNotice
          error={chat.eventsError}
          title="Live updates stopped"
          onRetry={chat.resumeEvents}
        />
      )}
      {chat.sessionError != null && (
        <ErrorNotice error={chat.sessionError} title="Could not connect to this conversation" />
      )}
      {chat.ended && (
        <p className="notice" role="status">
          This chat session has ended; your next message starts a new one.
        </p>
      )}
      <Composer onSend={(content) => chat.send(content)} />
    </section>
  );
}

export function TypingIndicator() {
  return (
    <p className="typing" role="status">
      <span className="typing-dots" aria-hidden="true">
        <span />
        <span />
        <span />
      </span>
      Assistant is typing…
    </p>
  );
}
