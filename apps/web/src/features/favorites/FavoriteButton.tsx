import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Listing } from '../../api';
import { Icon } from '../../ui/icons';
import type { Favorites } from './useFavorites';
import './favorites.css';

/**
 * The heart last pressed. A visitor's first heart makes them a guest, and the new
 * session reads the page's data again (the landing page's cards are drawn anew): the
 * heart that replaces the pressed one takes focus back, rather than leaving it on <body>.
 */
let pressed: { id: string; variant: string; at: number } | null = null;
const REFOCUS_WITHIN_MS = 10_000;

/** A heart: pressed when the listing is saved. */
export function FavoriteButton({
  listing,
  favorites,
  variant = 'overlay',
}: {
  listing: Listing;
  favorites: Favorites;
  /** `overlay`: a round button on a photo; `inline`: a button with its words, on a page. */
  variant?: 'overlay' | 'inline';
}) {
  const { t } = useTranslation();
  const saved = favorites.isFavorite(listing.id);
  const label = t(saved ? 'favorites.remove' : 'favorites.add', { title: listing.title });
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!pressed || pressed.id !== listing.id || pressed.variant !== variant) return;
    const recent = Date.now() - pressed.at < REFOCUS_WITHIN_MS;
    const active = document.activeElement;
    if (!recent || (active && active !== document.body)) return;
    pressed = null;
    button.current?.focus();
  }, [listing.id, variant]);
  return (
    <button
      ref={button}
      type="button"
      className={`favorite favorite-${variant}${saved ? ' is-saved' : ''}`}
      aria-pressed={saved}
      aria-label={variant === 'overlay' ? label : undefined}
      title={variant === 'overlay' ? label : undefined}
      onClick={() => {
        pressed = { id: listing.id, variant, at: Date.now() };
        favorites.toggle(listing);
      }}
    >
      <Icon name="heart" size={variant === 'overlay' ? 20 : 18} filled={saved} />
      {variant === 'inline' && <span>{t(saved ? 'favorites.saved' : 'favorites.save')}</span>}
    </button>
  );
}
