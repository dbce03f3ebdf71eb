import { useTranslation } from 'react-i18next';
import { ParleyError } from '../../api';
import { ErrorNotice } from '../../ui/Status';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { Composer } from './Composer';
import { MessageItem } from './MessageItem';

const SUGGESTIONS = ['examples.one', 'examples.two', 'examples.three'] as const;

/** The chat page before a conversation is chosen: writing here starts one. */
export function WelcomePane({
  onStart,
  starting,
  pending,
  error,
}: {
  onStart: (content: string) => void;
  starting: boolean;
  /** The first message, shown at once while its conversation is being created. */
  pending: string | undefined;
  error: unknown;
}) {
  const { t } = useTranslation();
  useDocumentTitle(t('chat.docTitle'));
  return (
    <section className="chat-pane welcome" aria-labelledby="welcome-title">
      <div className="welcome-body">
        <h1 id="welcome-title">{t('chat.welcomeTitle')}</h1>
        <p className="muted">{t('chat.welcomeText')}</p>
        <ul className="suggestions" aria-label={t('chat.suggestions')}>
          {SUGGESTIONS.map((key) => (
            <li key={key}>
              <button
                type="button"
                className="suggestion"
                onClick={() => onStart(t(key))}
                disabled={starting}
              >
                {t(key)}
              </button>
            </li>
          ))}
        </ul>
        {pending && (
          // The role on a wrapper, so the <ol> stays a list (as in ChatPane).
          <div className="messages-log" role="log" aria-label={t('chat.messages')}>
            <ol className="messages">
              <MessageItem
                message={{
                  key: 'pending',
                  id: null,
                  clientMessageId: null,
                  role: 'user',
                  content: pending,
                  createdAt: new Date(),
                  replyToId: null,
                  author: null,
                  metadata: {},
                  status: error != null && !starting ? 'failed' : 'sending',
                  error: error != null ? ParleyError.from(error) : null,
                  reply: null,
                  run: null,
                }}
                actions={{ resend: () => onStart(pending) }}
              />
            </ol>
          </div>
        )}
        {error != null && !pending && <ErrorNotice error={error} title={t('chat.couldNotStart')} />}
      </div>
      <Composer onSend={onStart} disabled={starting} />
    </section>
  );
}
