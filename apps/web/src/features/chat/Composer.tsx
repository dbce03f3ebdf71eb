import {
  type FormEvent,
  type KeyboardEvent,
  type RefObject,
  useEffect,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The message box: Enter sends, Shift+Enter starts a new line. While a reply is being
 * written (`onStop` given) the button stops it; Enter still sends (it is answered next).
 *
 * Focus never falls to the page: Send and Stop are one button (the same element, so it
 * keeps focus when one turns into the other), never `disabled` (a disabled button drops
 * its focus) but `aria-disabled`; Stop hands focus back to the box.
 */
export function Composer({
  onSend,
  onStop,
  disabled,
  placeholder,
  inputRef,
  autoFocus,
  onTextChange,
}: {
  onSend: (content: string) => void;
  /** Each change of the text (to tell a person on the other side that we are typing). */
  onTextChange?: ((text: string) => void) | undefined;
  onStop?: (() => void) | undefined;
  disabled?: boolean;
  placeholder?: string;
  /** The text box, for whatever should hand focus back to it. */
  inputRef?: RefObject<HTMLTextAreaElement | null>;
  /** Take focus on mount (the chat a first message was just typed for). */
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const ownRef = useRef<HTMLTextAreaElement>(null);
  const box = inputRef ?? ownRef;
  useEffect(() => {
    if (autoFocus) box.current?.focus();
  }, []);
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
        ref={box}
        id="composer-message"
        name="message"
        rows={2}
        maxLength={8000}
        value={text}
        placeholder={placeholder ?? t('chat.placeholder')}
        onChange={(e) => {
          setText(e.target.value);
          onTextChange?.(e.target.value);
        }}
        onKeyDown={onKeyDown}
        aria-describedby="composer-hint"
      />
      <p id="composer-hint" className="visually-hidden">
        {t('chat.composerHint')}
      </p>
      {onStop ? (
        <button
          type="button"
          className="button button-stop"
          onClick={() => {
            onStop();
            box.current?.focus();
          }}
        >
          <span className="stop-square" aria-hidden="true" />
          {t('chat.stop')}
        </button>
      ) : (
        <button
          type="submit"
          className="button button-primary"
          aria-disabled={disabled || !text.trim() || undefined}
        >
          {t('chat.send')}
        </button>
      )}
    </form>
  );
}
