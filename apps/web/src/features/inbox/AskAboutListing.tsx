import { createContext, use, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, type Listing } from '../../api';
import { ErrorNotice } from '../../ui/Status';
import { useMaybeAuth } from '../auth/AuthProvider';

/** The listing a person asked an agent about, as the chat names it while they wait. */
export interface AskedAbout {
  id: string;
  title: string;
}

/**
 * Inside a chat: its session, so a card's "Ask an agent" hands this conversation over
 * (naming the listing) instead of starting another one; `onAsked` tells the chat which.
 */
export const AskInChat = createContext<{
  sessionId: string | null;
  onAsked: (listing: AskedAbout) => void;
} | null>(null);

/**
 * "Ask about this listing": in a chat, asks for an agent in that conversation, naming the
 * listing (the agent's brief names it). Elsewhere (the listing's page), a new
 * conversation named after the listing asks for one, and the chat opens to wait.
 *
 * No account is needed, as for the chat: a first-time visitor becomes a guest
 * (`startGuest`) on the press, then asks. Only when no guest can be started does it lead
 * to sign-in and back.
 */
export function AskAboutListing({
  listing,
  compact = false,
}: {
  listing: Listing;
  /** On a card: a small button whose accessible name says which listing. */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const label = compact ? t('people.askShort') : t('people.askAboutListing');
  const className = compact ? 'button button-small' : 'button';
  const named = compact ? t('people.askAboutNamed', { title: listing.title }) : undefined;
  const auth = useMaybeAuth();
  const user = auth?.user;
  const inChat = use(AskInChat);
  const [startingGuest, setStartingGuest] = useState(false);
  const navigate = useNavigate();
  const utils = api.useUtils();
  const createConversation = api.conversations.create.useMutation();
  const create = api.sessions.create.useMutation();
  const request = api.sessions.requestAgent.useMutation();
  // Signed out: a guest is made on the press (while `loading`, finding out who this is,
  // the button waits). The server unreachable, or no auth context: sign in.
  const canStartGuest = auth?.status === 'signed-out';
  if (!user && !canStartGuest && auth?.status !== 'loading') {
    return (
      <Link
        className={className}
        to="/signin"
        state={{ from: `/listings/${listing.id}` }}
        aria-label={named}
      >
        {label}
      </Link>
    );
  }
  const asked: AskedAbout = { id: listing.id, title: listing.title };
  const signIn = () => navigate('/signin', { state: { from: `/listings/${listing.id}` } });
  const ask = async () => {
    if (!user && auth) {
      setStartingGuest(true);
      try {
        await auth.startGuest();
      } catch {
        signIn();
        return;
      } finally {
        setStartingGuest(false);
      }
    }
    const sessionId = inChat?.sessionId;
    if (inChat && sessionId) {
      await request.mutateAsync({ sessionId, listingId: listing.id, reason: listing.title });
      inChat.onAsked(asked);
      return;
    }
    const conversation = await createConversation.mutateAsync({
      title: t('people.askTitle', { title: listing.title }).slice(0, 200),
    });
    const created = await create.mutateAsync({ conversationId: conversation.id });
    await request.mutateAsync({
      sessionId: created.session.id,
      listingId: listing.id,
      reason: listing.title,
    });
    // The sidebar lists it at once, named after the listing.
    void utils.conversations.list.invalidate();
    void navigate(`/chat/${conversation.id}`, { state: { askedAbout: asked } });
  };
  const error = createConversation.error ?? create.error ?? request.error;
  const busy =
    startingGuest ||
    auth?.status === 'loading' ||
    createConversation.isPending ||
    create.isPending ||
    request.isPending;
  // In a chat whose session is still opening there is nothing to hand over yet.
  const unavailable = inChat !== null && !inChat.sessionId;
  return (
    <>
      <button
        type="button"
        className={className}
        aria-label={named}
        // Not `disabled`: the pressed button keeps focus while the agent is asked for.
        aria-disabled={busy || unavailable || undefined}
        onClick={() => {
          if (!busy && !unavailable) void ask().catch(() => {});
        }}
      >
        {label}
      </button>
      {error && <ErrorNotice error={error} title={t('people.couldNotAsk')} />}
    </>
  );
}
