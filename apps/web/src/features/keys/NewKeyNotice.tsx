import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedApiKey } from '../../api';
import { Icon } from '../../ui/icons';

async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (or an insecure page): select it so Ctrl+C works.
    input?.select();
    return false;
  }
}

/** The new key, shown this once, with a copy button. */
export function NewKeyNotice({
  apiKey,
  onDismiss,
}: {
  apiKey: CreatedApiKey;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<'yes' | 'select' | undefined>();
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="card new-key" aria-labelledby="new-key-heading">
      <h2 id="new-key-heading" ref={heading} tabIndex={-1}>
        {t('keys.newKeyHeading', { name: apiKey.name })}
      </h2>
      <p>{t('keys.newKeyText')}</p>
      <div className="copy-row">
        <label htmlFor="new-key-value" className="visually-hidden">
          {t('keys.newKeyLabel')}
        </label>
        <input
          id="new-key-value"
          ref={input}
          readOnly
          value={apiKey.key}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button
          type="button"
          className="button button-primary"
          onClick={async () =>
            setCopied((await copyText(apiKey.key, input.current)) ? 'yes' : 'select')
          }
        >
          <Icon name="copy" size={16} /> {t('keys.copy')}
        </button>
      </div>
      <p role="status" className="small muted">
        {copied === 'yes' ? t('keys.copied') : copied === 'select' ? t('keys.selected') : ''}
      </p>
      <button type="button" className="button" onClick={onDismiss}>
        {t('common.done')}
      </button>
    </section>
  );
}
