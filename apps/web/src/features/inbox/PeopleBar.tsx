import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type UseChatResult } from '../../api';
import { ErrorNotice } from '../../ui/Status';
import type { AskedAbout } from './AskAboutListing';
import './inbox.css';

/** "Waiting for an agent", naming the listing asked about and whether one is online. */
function waitingText(
  t: TFunction,
  askedAbout: AskedAbout | undefined,
  agentsOnline: boolean | undefined,
): string {
  if (askedAbout) {
    const title = askedAbout.title;
    if (agentsOnline === true) return t('people.waitingAboutOnline', { title });
    if (agentsOnline === false) return t('people.waitingAboutOffline', { title });
    return t('people.waitingAbout', { title });
  }
  if (agentsOnline === true) return t('people.waitingOnline');
  if (agentsOnline === false) return t('people.waitingOffline');
  return t('people.waiting');
}

/**
 * Under a chat: "Talk to an agent", then where the hand-off stands ("Waiting for an
 * agent", "Aylin joined", "Aylin handed you back to the assistant"), from the SDK's chat
 * state (replayed from the conversation's events, so a reload shows the same).
 */
export function PeopleBar({
  chat,
  askedAbout,
  agentsOnline,
}: {
  chat: UseChatResult;
  /** The listing the person asked about (a card's "Ask an agent"), named while waiting. */
  askedAbout?: AskedAbout | undefined;
  /**
   * Whether an agent was online when one was asked for (the `handoff.requested` event):
   * a person waiting should know whether to expect someone now or later.
   */
  agentsOnline?: boolean | undefined;
}) {
  const { t } = useTranslation();
  const request = api.sessions.requestAgent.useMutation();
  const { people, sessionId } = chat;
  // "Aylin handed you back" is news until the assistant answers again: then the reply
  // itself says who is answering, and the line goes (it would otherwise stay for good).
  const replies = chat.messages.filter((m) => m.role === 'assistant').length;
  const [handedBackAt, setHandedBackAt] = useState<{ from: unknown; replies: number } | null>(null);
  if (people.handedBack && handedBackAt?.from !== people.handedBack)
    setHandedBackAt({ from: people.handedBack, replies });
  const showHandedBack =
    people.handedBack !== null &&
    (handedBackAt?.from !== people.handedBack || replies <= handedBackAt.replies);
  if (!sessionId) return null;
  return (
    <div className="people-bar" role="status">
      {people.mode === 'agent' && people.agent ? (
        <span>{t('people.joined', { name: people.agent.name })}</span>
      ) : people.mode === 'waiting' ? (
        <span>{waitingText(t, askedAbout, agentsOnline)}</span>
      ) : (
        <>
          {people.handedBack && showHandedBack && (
            <span>{t('people.handedBack', { name: people.handedBack.name })}</span>
          )}
          <button
            type="button"
            className="button button-small"
            disabled={request.isPending}
            onClick={() => request.mutate({ sessionId })}
          >
            {t('people.talkToAgent')}
          </button>
        </>
      )}
      {request.isError && <ErrorNotice error={request.error} title={t('people.couldNotAsk')} />}
    </div>
  );
}
