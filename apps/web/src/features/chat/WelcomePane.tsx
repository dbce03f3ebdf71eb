import { errorDetails } from '../../lib/errors';
import { ErrorNotice } from '../../ui/Status';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { Composer } from './Composer';
import { MessageItem } from './MessageItem';

const SUGGESTIONS = [
  '2 bedroom apartment in Girne for long-term rent under 1000',
  'Villa with a pool near the beach in Esentepe',
  'Holiday studio in Famagusta with sea view',
];

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
  useDocumentTitle('Chat');
  return (
    <section className="chat-pane welcome" aria-labelledby="welcome-title">
      <div className="welcome-body">
        <h1 id="welcome-title">Find a home in North Cyprus</h1>
        <p className="muted">
          Tell the assistant what you are looking for. It answers with listings that match, and
          remembers what you said as you refine.
        </p>
        <ul className="suggestions" aria-label="Suggestions">
          {SUGGESTIONS.map((s) => (
            <li key={s}>
              <button
                type="button"
                className="suggestion"
                onClick={() => onStart(s)}
                disabled={starting}
              >
                {s}
              </button>
            </li>
          ))}
        </ul>
        {pending && (
          <ol className="messages" role="log" aria-label="Messages">
            <MessageItem
              entry={{
                key: 'pending',
                role: 'user',
                content: pending,
                createdAt: new Date(),
                pending: starting,
                failed: error != null ? errorDetails(error).message : undefined,
              }}
              onRetry={() => onStart(pending)}
            />
          </ol>
        )}
        {error != null && !pending && (
          <ErrorNotice error={error} title="Could not start a conversation" />
        )}
      </div>
      <Composer onSend={onStart} disabled={starting} />
    </section>
  );
}
