import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';

/**
 * A button that shows a small panel below it (the language and account menus): a
 * disclosure, so Tab moves through the panel as through the page. Escape, a click or
 * focus outside, or `close()` from inside, closes it.
 */
export function Popover({
  label,
  button,
  className,
  align = 'end',
  children,
}: {
  /** The button's accessible name. */
  label: string;
  /** What the button shows. */
  button: ReactNode;
  className?: string;
  align?: 'start' | 'end';
  /**
   * `close` shuts the panel; `closeToButton` also gives focus back to the button, for an
   * item that stays on this page (it is hidden with the panel, and focus would drop to <body>).
   */
  children: (close: () => void, closeToButton: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const close = useCallback(() => setOpen(false), []);
  const closeToButton = useCallback(() => {
    setOpen(false);
    trigger.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    const outside = (event: Event) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      trigger.current?.focus();
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('focusin', outside);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('focusin', outside);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className={['popover', className].filter(Boolean).join(' ')} ref={root}>
      <button
        ref={trigger}
        type="button"
        className="popover-button"
        aria-label={label}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        {button}
      </button>
      <div id={panelId} className={`popover-panel popover-${align}`} hidden={!open}>
        {children(close, closeToButton)}
      </div>
    </div>
  );
}
