import { ErrorNotice } from '../../ui/Status';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { Composer } from './Composer';

const SUGGESTIONS = [
  '2 bedroom apartment in Girne for long-term rent under 1000',
  'Villa with a pool near the beach in Esentepe',
  'Holiday studio in Famagusta with sea view',
];

/** The chat page before a conversation is chosen: writing here starts one. */
export function WelcomePane({
  onStart,
  starting,
  error,
}: {
  onStart: (content: string) => void;
  starting: boolean;
  error: unknown;
}) {
  useDocumentTitle('Chat');
  return (
    <section className="chat-pane welcome" aria-labelledby="welcome-title">
      <div className="welcome-body">
        <h1 id="welcome-title">Find a home in North Cyprus</h1>
        <p className="muted">
          Tell the assistant what you are looking for. It answers with listings that match, and remembers what you
          said as you refine.
        </p>
        <ul className="suggestions" aria-label="Suggestions">
          {SUGGESTIONS.map((s) => (
            <li key={s}>
              <button type="button" className="suggestion" onClick={() => onStart(s)} disabled={starting}>
                {s}
              </button>
            </li>
          ))}
        </ul>
        {error != null && <ErrorNotice error={error} title="Could not start a conversation" />}
      </div>
      <Composer onSend={onStart} disabled={starting} />
    </section>
  );
}
