import { useTranslation } from 'react-i18next';
import type { Listing } from '../../api';
import { Icon } from '../../ui/icons';
import type { Favorites } from './useFavorites';
import './favorites.css';

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
  return (
    <button
      type="button"
      className={`favorite favorite-${variant}${saved ? ' is-saved' : ''}`}
      aria-pressed={saved}
      aria-label={variant === 'overlay' ? label : undefined}
      title={variant === 'overlay' ? label : undefined}
      onClick={() => favorites.toggle(listing)}
    >
      <Icon name="heart" size={variant === 'overlay' ? 20 : 18} filled={saved} />
      {variant === 'inline' && <span>{t(saved ? 'favorites.saved' : 'favorites.save')}</span>}
    </button>
  );
}
