import { useTranslation } from 'react-i18next';
import { ListingCard } from '../listings/ListingCard';
import type { ChatEntry } from './chat-state';
import { FilterChips } from './FilterChips';

/** One message: the user's on the right, the assistant's with its filters and listing cards. */
export function MessageItem({
  entry,
  onRetry,
}: {
  entry: ChatEntry;
  onRetry: (entry: ChatEntry) => void;
}) {
  const { t } = useTranslation();
  const mine = entry.role === 'user';
  const reply = entry.reply;
  return (
    <li
      className={`message ${mine ? 'message-user' : 'message-assistant'}`}
      aria-busy={entry.streaming || entry.pending || undefined}
      data-pending={entry.pending || undefined}
      data-entry={entry.key}
    >
      <span className="visually-hidden">{mine ? t('chat.you') : t('chat.assistant')}</span>
      <div className="bubble">
        <p className="message-text">
          {entry.content}
          {entry.streaming && <span className="caret" aria-hidden="true" />}
        </p>
        {entry.pending && <span className="message-meta">{t('chat.sending')}</span>}
      </div>
      {entry.failed && (
        <p className="message-failed" role="alert">
          {t('chat.notSent', { reason: entry.failed })}{' '}
          <button type="button" className="button button-small" onClick={() => onRetry(entry)}>
            {t('chat.retry')}
          </button>
        </p>
      )}
      {reply && !entry.streaming && (
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
    </li>
  );
}
