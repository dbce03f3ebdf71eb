import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type ChatMessage } from '../../api';
import { useFormat } from '../../lib/format';
import type { AskedAbout } from '../inbox/AskAboutListing';
import { photo } from '../listings/photos';

/**
 * The listing a conversation was started to ask about (a listing's "Ask about this
 * listing"), at the head of the conversation: the question is about it, so it is what the
 * person sees above the waiting line and the first answer, not an empty conversation.
 * Read through the same query as the listing's page, so coming from there it is drawn at
 * once; the title (known from the hand-off) is shown while the rest loads.
 */
export function AskedListing({ listing: asked }: { listing: AskedAbout }) {
  const { t } = useTranslation();
  const format = useFormat();
  const listing = api.listings.get.useQuery({ id: asked.id }, { retry: 1 });
  const [failed, setFailed] = useState(false);
  const l = listing.data;
  const href = `/listings/${asked.id}`;
  const src = l?.images[0];
  return (
    <section className="asked-listing" aria-label={t('chat.askedAbout')}>
      <p className="asked-listing-label muted">{t('chat.askedAbout')}</p>
      <div className="asked-listing-card">
        <Link to={href} tabIndex={-1} aria-hidden="true" className="asked-listing-image">
          {src && !failed ? (
            <img
              src={photo(src, 'card')}
              alt=""
              decoding="async"
              width={400}
              height={300}
              onError={() => setFailed(true)}
            />
          ) : (
            <span className="listing-card-noimage" />
          )}
        </Link>
        <div className="asked-listing-body">
          <h2 className="listing-title">
            <Link to={href}>{l?.title ?? asked.title}</Link>
          </h2>
          {l && (
            <>
              <p className="listing-price">{format.price(l)}</p>
              <p className="listing-facts">
                {format.bedrooms(l.bedrooms)} · {format.place(l)}
              </p>
            </>
          )}
        </div>
      </div>
    </section>
  );
}

/**
 * Whether a message in the conversation already shows this listing's card (a reply's
 * recommendation, or an alert's): a card's "Ask an agent" in a chat asks about a listing
 * that is on screen, which needs no second card at the head.
 */
export function cardShown(messages: readonly ChatMessage[], id: string): boolean {
  return messages.some((m) => {
    const shown = [
      ...(m.reply?.recommendations ?? []),
      ...(Array.isArray(m.metadata.recommendations) ? m.metadata.recommendations : []),
    ] as { id?: unknown }[];
    return shown.some((listing) => listing?.id === id);
  });
}
