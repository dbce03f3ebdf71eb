import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
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

export interface SecretOnceText {
  heading: string;
  text: string;
  /** The name of the box that holds the secret. */
  label: string;
  /** The secret. */
  value: string;
}

/**
 * A secret the server shows this once (a new API key, a webhook's signing secret), with
 * a copy button; the heading takes the focus so a screen reader hears it at once.
 */
export function SecretOnce({
  heading,
  text,
  label,
  value,
  onDismiss,
}: SecretOnceText & { onDismiss: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<'yes' | 'select' | undefined>();
  useEffect(() => title.current?.focus(), []);
  return (
    <section className="card new-key" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} ref={title} tabIndex={-1}>
        {heading}
      </h2>
      <p>{text}</p>
      <div className="copy-row">
        <label htmlFor={`${id}-value`} className="visually-hidden">
          {label}
        </label>
        <input
          id={`${id}-value`}
          ref={input}
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button
          type="button"
          className="button button-primary"
          onClick={async () => setCopied((await copyText(value, input.current)) ? 'yes' : 'select')}
        >
          <Icon name="copy" size={16} /> {t('common.copy')}
        </button>
      </div>
      <p role="status" className="small muted">
        {copied === 'yes' ? t('common.copied') : copied === 'select' ? t('common.selected') : ''}
      </p>
      <button type="button" className="button" onClick={onDismiss}>
        {t('common.done')}
      </button>
    </section>
  );
}
