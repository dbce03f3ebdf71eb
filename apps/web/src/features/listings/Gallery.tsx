import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/icons';
import { photo } from './photos';
import './gallery.css';

/**
 * A listing's photos: one large picture with previous/next buttons (and the arrow keys),
 * and a strip of thumbnails to jump to any of them. A photo that fails to load is left
 * out; with none left the gallery shows nothing rather than an empty frame.
 */
export function Gallery({ images, title }: { images: string[]; title: string }) {
  const { t } = useTranslation();
  const [broken, setBroken] = useState<string[]>([]);
  const [current, setCurrent] = useState(0);
  const shown = images.filter((src) => !broken.includes(src));
  if (shown.length === 0) return null;
  const total = shown.length;
  const index = Math.min(current, total - 1);
  const go = (next: number) => setCurrent((next + total) % total);
  const drop = (src: string) => setBroken((b) => (b.includes(src) ? b : [...b, src]));
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowRight') go(index + 1);
    else if (e.key === 'ArrowLeft') go(index - 1);
    else return;
    e.preventDefault();
  };
  const main = shown[index]!;
  return (
    <section
      className="gallery"
      aria-roledescription={t('gallery.roleDescription')}
      aria-label={t('listing.photos')}
      onKeyDown={onKeyDown}
    >
      <div className="gallery-stage">
        <img
          key={main}
          src={photo(main, 'page')}
          alt={t('listing.photoAlt', { title, n: index + 1, total })}
          onError={() => drop(main)}
        />
        {total > 1 && (
          <>
            <button
              type="button"
              className="gallery-nav gallery-prev"
              aria-label={t('gallery.previous')}
              onClick={() => go(index - 1)}
            >
              <Icon name="back" size={22} />
            </button>
            <button
              type="button"
              className="gallery-nav gallery-next"
              aria-label={t('gallery.next')}
              onClick={() => go(index + 1)}
            >
              <Icon name="next" size={22} />
            </button>
            <p className="gallery-count" aria-live="polite">
              {t('gallery.count', { n: index + 1, total })}
            </p>
          </>
        )}
      </div>
      {total > 1 && (
        <ul className="gallery-thumbs" aria-label={t('gallery.thumbnails')}>
          {shown.map((src, i) => (
            <li key={src}>
              <button
                type="button"
                aria-label={t('gallery.show', { n: i + 1, total })}
                aria-current={i === index ? 'true' : undefined}
                onClick={() => setCurrent(i)}
              >
                <img
                  src={photo(src, 'card')}
                  alt=""
                  loading="lazy"
                  decoding="async"
                  width={96}
                  height={72}
                  onError={() => drop(src)}
                />
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
