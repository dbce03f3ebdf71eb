import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Listing } from '../../api';
import { errorDetails } from '../../lib/errors';

/**
 * Delete, asked twice: the button turns into "Delete this listing? Delete / Cancel",
 * with focus on Cancel (Enter on a focused Delete must not remove a listing at once);
 * Cancel or Escape puts focus back on Delete.
 */
export function DeleteListing({ listing, onDeleted }: { listing: Listing; onDeleted: () => void }) {
  const { t } = useTranslation();
  const utils = api.useUtils();
  const remove = api.listings.delete.useMutation({
    onSuccess: () => {
      onDeleted();
      void utils.listings.search.invalidate();
      utils.listings.get.setData({ id: listing.id }, undefined);
    },
  });
  const [asking, setAsking] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (asking) cancel.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      start.current?.focus();
    }
  }, [asking]);
  const stop = () => {
    returnFocus.current = true;
    setAsking(false);
    remove.reset();
  };

  if (!asking)
    return (
      <button
        ref={start}
        type="button"
        className="button button-small button-danger-outline"
        aria-label={t('manage.deleteNamed', { title: listing.title })}
        onClick={() => setAsking(true)}
      >
        {t('common.delete')}
      </button>
    );
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of two buttons and a question, not a form field set
    <div
      className="manage-confirm"
      role="group"
      aria-label={t('manage.confirmDelete', { title: listing.title })}
      onKeyDown={(e) => {
        if (e.key === 'Escape') stop();
      }}
    >
      <span className="small">{t('manage.confirmShort')}</span>
      <button
        type="button"
        className="button button-small button-danger"
        aria-disabled={remove.isPending || undefined}
        onClick={() => !remove.isPending && remove.mutate({ id: listing.id })}
      >
        {remove.isPending ? t('manage.deleting') : t('common.delete')}
      </button>
      <button ref={cancel} type="button" className="button button-small" onClick={stop}>
        {t('common.cancel')}
      </button>
      {remove.isError && (
        <p role="alert" className="field-error">
          {t('manage.couldNotDelete', { message: errorDetails(remove.error).message })}
        </p>
      )}
    </div>
  );
}
