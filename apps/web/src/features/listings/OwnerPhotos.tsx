import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isParleyError, type Listing, useParleyClient } from '../../api';
import { useMaybeAuth } from '../auth/AuthProvider';

type Progress =
  | { kind: 'idle' }
  | { kind: 'uploading'; n: number; total: number }
  | { kind: 'done'; count: number }
  | { kind: 'failed'; name: string; message: string };

/**
 * On a listing's page, for the agent who listed it (or an admin): add photos. Each file
 * goes to `POST /media` (through the SDK), then the listing's `images` gain their URLs
 * in one update, so the card shows the first photo. Nothing is shown to anyone else.
 */
export function OwnerPhotos({ listing }: { listing: Listing }) {
  const { t } = useTranslation();
  const user = useMaybeAuth()?.user;
  const client = useParleyClient();
  const utils = api.useUtils();
  const update = api.listings.update.useMutation();
  const [progress, setProgress] = useState<Progress>({ kind: 'idle' });
  const headingId = useId();
  const canEdit =
    user?.role === 'admin' || (user?.role === 'agent' && listing.agent?.id === user.id);
  if (!canEdit) return null;

  async function add(files: File[]) {
    const urls: string[] = [];
    for (const [i, file] of files.entries()) {
      setProgress({ kind: 'uploading', n: i + 1, total: files.length });
      try {
        urls.push((await client.media.upload(file)).url);
      } catch (error) {
        const message = isParleyError(error) ? error.message : String(error);
        setProgress({ kind: 'failed', name: file.name, message });
        if (urls.length === 0) return;
        break;
      }
    }
    await update.mutateAsync({ id: listing.id, images: [...listing.images, ...urls] });
    await Promise.all([
      utils.listings.get.invalidate({ id: listing.id }),
      utils.listings.search.invalidate(),
    ]);
    setProgress((now) => (now.kind === 'failed' ? now : { kind: 'done', count: urls.length }));
  }

  const busy = progress.kind === 'uploading' || update.isPending;
  return (
    <section className="owner-photos" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('listing.ownerPhotos.title')}</h2>
      <p className="muted small">{t('listing.ownerPhotos.hint')}</p>
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
      <p role="status" className="small">
        {progress.kind === 'uploading' &&
          t('listing.ownerPhotos.uploading', { n: progress.n, total: progress.total })}
        {progress.kind === 'done' && t('listing.ownerPhotos.added', { count: progress.count })}
      </p>
      {progress.kind === 'failed' && (
        <p role="alert" className="error small">
          {t('listing.ownerPhotos.failed', { name: progress.name, message: progress.message })}
        </p>
      )}
    </section>
  );
}
