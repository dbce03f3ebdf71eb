import {
  type ClipboardEvent,
  type FormEvent,
  type KeyboardEvent,
  type RefObject,
  useEffect,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { COUNT_FROM, MESSAGE_MAX, pasteWithin } from './message-limit';

/**
 * The message box: Enter sends, Shift+Enter starts a new line. While a reply is being
 * written (`onStop` given) the button stops it; Enter still sends (it is answered next).
 *
 * Focus never falls to the page: Send and Stop are one button (the same element, so it
 * keeps focus when one turns into the other), never `disabled` (a disabled button drops
 * its focus) but `aria-disabled`; Stop hands focus back to the box.
 *
 * Near the limit (8,000 characters) the box counts them, and a paste too long for it
 * says it was cut: the browser would cut it without a word, and the rest be lost unseen.
 */
export function Composer({
  onSend,
  onStop,
  disabled,
  placeholder,
  inputRef,
  autoFocus,
  onTextChange,
  restoredText,
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
  /** Text written before a reload and not sent: put back when it arrives, if the box is empty. */
  restoredText?: string | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [text, setText] = useState('');
  // A paste did not fit: said until the text is sent or shortened.
  const [cut, setCut] = useState(false);
  useEffect(() => {
    if (restoredText) setText((current) => current || restoredText);
  }, [restoredText]);
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
    setCut(false);
  };
  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = event.clipboardData.getData('text/plain');
    const target = event.currentTarget;
    const next = pasteWithin(text, pasted, target.selectionStart, target.selectionEnd);
    if (!next.cut) return;
    event.preventDefault();
    setText(next.text);
    setCut(true);
    onTextChange?.(next.text);
    // After React has written the new value, the caret goes after what was pasted.
    requestAnimationFrame(() => target.setSelectionRange(next.caret, next.caret));
  };
  const counting = cut || text.length >= COUNT_FROM;
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
        maxLength={MESSAGE_MAX}
        value={text}
        placeholder={placeholder ?? t('chat.placeholder')}
        onChange={(e) => {
          setText(e.target.value);
          // Edited below the limit: the count says the rest.
          if (e.target.value.length < MESSAGE_MAX) setCut(false);
          onTextChange?.(e.target.value);
        }}
        onPaste={onPaste}
        onKeyDown={onKeyDown}
        aria-describedby={counting ? 'composer-hint composer-limit' : 'composer-hint'}
      />
      {/* Always there, so a screen reader hears the notice when it comes. */}
      <p
        id="composer-limit"
        className={cut ? 'composer-limit is-cut' : 'composer-limit'}
        role="status"
      >
        {counting &&
          (cut
            ? t('chat.limitCut', { max: format.number(MESSAGE_MAX) })
            : t('chat.limitCount', {
                used: format.number(text.length),
                max: format.number(MESSAGE_MAX),
              }))}
      </p>
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
