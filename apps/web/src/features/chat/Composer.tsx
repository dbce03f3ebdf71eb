import { type FormEvent, type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The message box: Enter sends, Shift+Enter starts a new line. While a reply is being
 * written (`onStop` given) the button stops it; Enter still sends (it is answered next).
 */
export function Composer({
  onSend,
  onStop,
  disabled,
  placeholder,
}: {
  onSend: (content: string) => void;
  onStop?: (() => void) | undefined;
  disabled?: boolean;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const submit = () => {
    const content = text.trim();
    if (!content || disabled) return;
    onSend(content);
    setText('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };
  return (
    <form className="composer" onSubmit={onSubmit}>
      <label htmlFor="composer-message" className="visually-hidden">
        {t('chat.message')}
      </label>
      <textarea
        id="composer-message"
        name="message"
        rows={2}
        maxLength={8000}
        value={text}
        placeholder={placeholder ?? t('chat.placeholder')}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        aria-describedby="composer-hint"
      />
      <p id="composer-hint" className="visually-hidden">
        {t('chat.composerHint')}
      </p>
      {onStop ? (
        <button type="button" className="button button-stop" onClick={onStop}>
          <span className="stop-square" aria-hidden="true" />
          {t('chat.stop')}
        </button>
      ) : (
        <button type="submit" className="button button-primary" disabled={disabled || !text.trim()}>
          {t('chat.send')}
        </button>
      )}
    </form>
  );
}
