import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Listing, useParleyClient } from '../../api';
import { errorDetails } from '../../lib/errors';
import { localFieldMessage } from '../../lib/field-messages';
import { useMaybeAuth } from '../auth/AuthProvider';
import { photo } from './photos';
import './owner-photos.css';

type Progress =
  | { kind: 'idle' }
  | { kind: 'uploading'; n: number; total: number }
  | { kind: 'done'; count: number }
  | { kind: 'failed'; text: string };

/** What the last change of the photos did: said in the status line, with Undo after a removal. */
type Change =
  | { kind: 'removed'; before: string[]; index: number }
  | { kind: 'restored'; index: number }
  | { kind: 'first' }
  | { kind: 'failed'; text: string };

/**
 * On a listing's page, for the agent who listed it (or an admin): its photos in order,
 * each can be removed (with Undo) or put first (the one on the listing's card); and add
 * photos. Each new file goes to `POST /media` (through the SDK), then the listing's
 * `images` gain their URLs in one update. Every change is one `listings.update` with the
 * whole `images` array. Nothing is shown to anyone else.
 */
export function OwnerPhotos({ listing }: { listing: Listing }) {
  const { t } = useTranslation();
  const user = useMaybeAuth()?.user;
  const client = useParleyClient();
  const utils = api.useUtils();
  const update = api.listings.update.useMutation();
  const [progress, setProgress] = useState<Progress>({ kind: 'idle' });
  const [change, setChange] = useState<Change | null>(null);
  /** The order just saved, shown until the listing is read again. */
  const [shown, setShown] = useState<string[] | null>(null);
  const headingId = useId();
  const undoButton = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLOListElement>(null);
  // Focus never falls to the page when the pressed button goes: after a removal it is
  // on Undo; after a photo was put first or put back, on that photo.
  useEffect(() => {
    if (change?.kind === 'removed') undoButton.current?.focus();
    else if (change?.kind === 'first' || change?.kind === 'restored') {
      const index = change.kind === 'first' ? 0 : change.index;
      list.current?.querySelectorAll<HTMLElement>(':scope > li')[index]?.focus();
    }
  }, [change]);
  const canEdit =
    user?.role === 'admin' || (user?.role === 'agent' && listing.agent?.id === user.id);
  if (!canEdit) return null;
  const images = shown ?? listing.images;

  /**
   * A failed upload, in the language on screen: the API's words about the file (`file:
   * the file is not a picture`) become "bad.txt is not a picture (JPEG, PNG or WebP)".
   */
  function uploadFailure(name: string, error: unknown): string {
    const details = errorDetails(error);
    const about = details.fieldErrors.file?.[0];
    if (about) return localFieldMessage(name, about);
    return t('listing.ownerPhotos.failed', { name, message: details.message });
  }

  async function refresh() {
    await Promise.all([
      utils.listings.get.invalidate({ id: listing.id }),
      utils.listings.search.invalidate(),
    ]);
  }

  async function save(next: string[], done: Change) {
    setProgress({ kind: 'idle' });
    setShown(next);
    try {
      await update.mutateAsync({ id: listing.id, images: next });
      setChange(done);
      await refresh();
    } catch (error) {
      setChange({
        kind: 'failed',
        text: t('listing.ownerPhotos.couldNotSave', { message: errorDetails(error).message }),
      });
    } finally {
      setShown(null);
    }
  }

  async function add(files: File[]) {
    setChange(null);
    const urls: string[] = [];
    for (const [i, file] of files.entries()) {
      setProgress({ kind: 'uploading', n: i + 1, total: files.length });
      try {
        urls.push((await client.media.upload(file)).url);
      } catch (error) {
        setProgress({ kind: 'failed', text: uploadFailure(file.name, error) });
        if (urls.length === 0) return;
        break;
      }
    }
    await update.mutateAsync({ id: listing.id, images: [...listing.images, ...urls] });
    await refresh();
    setProgress((now) => (now.kind === 'failed' ? now : { kind: 'done', count: urls.length }));
  }

  const busy = progress.kind === 'uploading' || update.isPending;
  const total = images.length;
  return (
    <section className="owner-photos" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('listing.ownerPhotos.title')}</h2>
      <p className="muted small">{t('listing.ownerPhotos.hint')}</p>
      {total > 0 ? (
        <ol ref={list} className="owner-photo-list" aria-label={t('listing.ownerPhotos.listLabel')}>
          {images.map((src, i) => {
            const n = i + 1;
            return (
              <li key={`${i}:${src}`} tabIndex={-1} className={i === 0 ? 'is-first' : undefined}>
                <img
                  src={photo(src, 'card')}
                  alt={t('listing.ownerPhotos.photoAlt', { n, total })}
                  loading="lazy"
                  width={160}
                  height={120}
                />
                <div className="owner-photo-actions">
                  {i === 0 ? (
                    <span className="tag">{t('listing.ownerPhotos.onCard')}</span>
                  ) : (
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={t('listing.ownerPhotos.makeFirstNamed', { n })}
                      aria-disabled={busy || undefined}
                      onClick={() => {
                        if (busy) return;
                        const next = [src, ...images.filter((_, j) => j !== i)];
                        void save(next, { kind: 'first' });
                      }}
                    >
                      {t('listing.ownerPhotos.makeFirst')}
                    </button>
                  )}
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={t('listing.ownerPhotos.removeNamed', { n })}
                    aria-disabled={busy || undefined}
                    onClick={() => {
                      if (busy) return;
                      const next = images.filter((_, j) => j !== i);
                      void save(next, { kind: 'removed', before: images, index: i });
                    }}
                  >
                    {t('listing.ownerPhotos.remove')}
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="muted small">{t('listing.ownerPhotos.none')}</p>
      )}
      <label className={`button${busy ? ' disabled' : ''}`}>
        {t('listing.ownerPhotos.add')}
        <input
          type="file"
          accept="image/jpeg,image/png,image/webp"
          multiple
          disabled={busy}
          className="visually-hidden"
          onChange={(e) => {
            const files = [...(e.currentTarget.files ?? [])];
            e.currentTarget.value = '';
            if (files.length) void add(files);
          }}
        />
      </label>
      <p role="status" className="small owner-photos-status">
        {progress.kind === 'uploading' &&
          t('listing.ownerPhotos.uploading', { n: progress.n, total: progress.total })}
        {progress.kind === 'done' && t('listing.ownerPhotos.added', { count: progress.count })}
        {change?.kind === 'removed' && (
          <>
            <span>{t('listing.ownerPhotos.removed')}</span>{' '}
            <button
              ref={undoButton}
              type="button"
              className="button button-small"
              aria-disabled={busy || undefined}
              onClick={() => {
                if (busy) return;
                void save(change.before, { kind: 'restored', index: change.index });
              }}
            >
              {t('listing.ownerPhotos.undo')}
            </button>
          </>
        )}
        {change?.kind === 'restored' && t('listing.ownerPhotos.restored')}
        {change?.kind === 'first' && t('listing.ownerPhotos.madeFirst')}
      </p>
      {(progress.kind === 'failed' || change?.kind === 'failed') && (
        <p role="alert" className="error small">
          {progress.kind === 'failed' ? progress.text : change?.kind === 'failed' && change.text}
        </p>
      )}
    </section>
  );
}
