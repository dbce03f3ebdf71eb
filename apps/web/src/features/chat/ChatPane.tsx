import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
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
import { useReplyScroll } from './useReplyScroll';

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
  const { t } = useTranslation();
  const chat = useChat(conversationId, sessions);
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
    send(firstMessage.content, firstMessage.clientMessageId);
    onFirstMessageSent?.();
  }, [firstMessage, send, onFirstMessageSent]);

  const scroller = useRef<HTMLDivElement>(null);
  const onScroll = useReplyScroll(scroller, chat.entries, chat.typing);

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
    <section className="chat-pane" aria-labelledby="chat-title">
      <header className="chat-header">
        <Link to="/chat" className="back-link" aria-label={t('chat.backToConversations')}>
          <Icon name="back" />
        </Link>
        <h1 id="chat-title">{title}</h1>
        <ConnectionIndicator />
      </header>
      <div className="chat-scroll" ref={scroller} onScroll={onScroll}>
        {chat.history.isPending && <Loading label={t('chat.loadingMessages')} />}
        {chat.history.isError && (
          <ErrorNotice
            error={chat.history.error}
            title={t('chat.couldNotLoadEarlier')}
            onRetry={() => void chat.history.refetch()}
          />
        )}
        {chat.history.isSuccess && chat.entries.length === 0 && (
          <p className="muted empty">{t('chat.empty')}</p>
        )}
        <ol className="messages" role="log" aria-label={t('chat.messages')}>
          {chat.entries.map((entry) => (
            <MessageItem key={entry.key} entry={entry} onRetry={chat.retry} />
          ))}
        </ol>
        {chat.typing && <TypingIndicator />}
      </div>
      {chat.eventsError && (
        <ErrorNotice
          error={chat.eventsError}
          title={t('chat.liveStopped')}
          onRetry={chat.resumeEvents}
        />
      )}
      {chat.sessionError != null && (
        <ErrorNotice error={chat.sessionError} title={t('chat.couldNotConnect')} />
      )}
      {chat.ended && (
        <p className="notice" role="status">
          {t('chat.ended')}
        </p>
      )}
      <Composer onSend={(content) => chat.send(content)} />
    </section>
  );
}

export function TypingIndicator() {
  const { t } = useTranslation();
  return (
    <p className="typing" role="status">
      <span className="typing-dots" aria-hidden="true">
        <span />
        <span />
        <span />
      </span>
      {t('chat.typing')}
    </p>
  );
}
