import { useTranslation } from 'react-i18next';
import type { ChatMessage, Listing } from '../../api';
import { currentLanguage } from '../../i18n/i18n';
import { errorDetails, isNetworkError } from '../../lib/errors';
import { ListingCard } from '../listings/ListingCard';
import { FilterChips } from './FilterChips';

/**
 * What can be done to one message, decided by the pane from the whole chat (a reply is
 * retried only while it is its question's latest answer, "Regenerate" only on the last).
 */
export interface MessageActions {
  /** Our message was not sent: send it again (same clientMessageId). */
  resend?: () => void;
  /** The answer failed or was stopped: answer the question again. */
  retry?: () => void;
  /** The last reply: write another one. */
  regenerate?: () => void;
}

/** One message: the user's on the right, the assistant's with its filters and listing cards. */
export function MessageItem({
  message,
  actions = {},
  earlier = false,
}: {
  message: ChatMessage;
  actions?: MessageActions;
  /** A later reply answers the same question again (after Regenerate). */
  earlier?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const mine = message.role === 'user';
  const { reply, status, run } = message;
  // A reply in another language than the page's is read out in its own (screen readers).
  const language = reply?.language;
  const lang = language && language !== currentLanguage(i18n) ? language : undefined;
  const alerted = alertListings(message);
  const streaming = status === 'streaming';
  const sending = status === 'sending';
  // A question whose answer failed, or was stopped before a word was written.
  const unanswered =
    mine &&
    run &&
    (run.status === 'failed' || (run.status === 'cancelled' && !run.assistantMessageId))
      ? run
      : null;
  return (
    <li
      className={`message ${mine ? 'message-user' : 'message-assistant'}${earlier ? ' message-earlier' : ''}`}
      aria-busy={streaming || sending || undefined}
      data-pending={sending || undefined}
      data-status={status}
      data-entry={message.key}
    >
      {message.role === 'agent' ? (
        <span className="message-author">{message.author?.name}</span>
      ) : (
        <span className="visually-hidden">{mine ? t('chat.you') : t('chat.assistant')}</span>
      )}
      <div className="bubble">
        {earlier && <span className="message-tag">{t('chat.earlierAnswer')}</span>}
        <p className="message-text" lang={lang}>
          {message.content}
          {streaming && <span className="caret" aria-hidden="true" />}
        </p>
        {sending && <span className="message-meta">{t('chat.sending')}</span>}
        {status === 'interrupted' && <span className="message-meta">{t('chat.stopped')}</span>}
      </div>
      {status === 'failed' && (
        <p className="message-failed" role="alert">
          {isNetworkError(message.error)
            ? t('chat.notSentOffline')
            : t('chat.notSent', { reason: errorDetails(message.error).message })}{' '}
          {actions.resend && (
            <button type="button" className="button button-small" onClick={actions.resend}>
              {t('chat.retry')}
            </button>
          )}
        </p>
      )}
      {unanswered && (
        <p className="message-failed" role="alert">
          {unanswered.status === 'cancelled'
            ? t('chat.stoppedBeforeAnswer')
            : unanswered.error?.code === 'interrupted'
              ? t('chat.answerInterrupted')
              : t('chat.answerFailed')}{' '}
          {actions.retry && (
            <button type="button" className="button button-small" onClick={actions.retry}>
              {t('chat.retry')}
            </button>
          )}
        </p>
      )}
      {reply && status === 'complete' && (
        <>
          <FilterChips filters={reply.appliedFilters} />
          {reply.recommendations.length > 0 && (
            <section className="recommendations" aria-label={t('chat.recommended')}>
              {reply.recommendations.map((listing) => (
                <ListingCard key={listing.id} listing={listing} />
              ))}
            </section>
          )}
        </>
      )}
      {alerted.length > 0 && (
        <section className="recommendations" aria-label={t('chat.alertListing')}>
          {alerted.map((listing) => (
            <ListingCard key={listing.id} listing={listing} />
          ))}
        </section>
      )}
      {!mine && (actions.retry || actions.regenerate) && (
        <p className="message-actions">
          {actions.retry && (
            <button type="button" className="button button-small" onClick={actions.retry}>
              {t('chat.retry')}
            </button>
          )}
          {actions.regenerate && (
            <button type="button" className="button button-small" onClick={actions.regenerate}>
              {t('chat.regenerate')}
            </button>
          )}
        </p>
      )}
    </li>
  );
}

/** The listing of a saved search's alert posted in the chat (a `system` message's card). */
function alertListings(message: ChatMessage): Listing[] {
  if (message.role !== 'system' || !message.metadata.alert) return [];
  const listings = message.metadata.recommendations;
  return Array.isArray(listings) ? (listings as Listing[]) : [];
}
