import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, type Listing } from '../../api';
import { ErrorNotice } from '../../ui/Status';
import { useMaybeAuth } from '../auth/AuthProvider';

/**
 * "Ask about this listing": a new chat that asks for an agent about this listing at once
 * (the agent's brief names it), then the chat opens to wait for them.
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
  const user = useMaybeAuth()?.user;
  const navigate = useNavigate();
  const create = api.sessions.create.useMutation();
  const request = api.sessions.requestAgent.useMutation();
  if (!user) {
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
  const ask = async () => {
    const created = await create.mutateAsync({});
    await request.mutateAsync({
      sessionId: created.session.id,
      listingId: listing.id,
      reason: listing.title,
    });
    void navigate(`/chat/${created.conversation.id}`);
  };
  const error = create.error ?? request.error;
  return (
    <>
      <button
        type="button"
        className={className}
        aria-label={named}
        disabled={create.isPending || request.isPending}
        onClick={() => void ask().catch(() => {})}
      >
        {label}
      </button>
      {error && <ErrorNotice error={error} title={t('people.couldNotAsk')} />}
    </>
  );
}
