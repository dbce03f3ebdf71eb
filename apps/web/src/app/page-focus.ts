import { type RefObject, useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * Focus on a page change. A link followed in the app (or a step that leads to a new page
 * on purpose, such as publishing a listing) replaces the page without a load: the pressed
 * link leaves the page and focus falls to <body>, so a keyboard starts again from the top
 * and a screen reader hears nothing. The new page's h1 takes focus instead, which reads
 * its name and puts the next Tab inside it. The first load, Back and Forward keep the
 * browser's own behaviour (a card's title takes focus again on Back, see ListingCard).
 */

/**
 * The link pressed (or the control that asked in code), until the page changes. A link to
 * the page already shown changes nothing, so the request is good for a short while only:
 * a page change long after it (a redirect, Back) is not the link's.
 */
let asked: { by: Element | null; at: number } | null = null;
const ASKED_FOR_MS = 10_000;

/** Asks that the next page's h1 take focus (for a change made with `navigate`). */
export function focusNextPageHeading(): void {
  asked = { by: document.activeElement, at: Date.now() };
}

/** A plain left click on a link of this app (not a new tab, a download or another site). */
function appLinkOf(event: MouseEvent): HTMLAnchorElement | null {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return null;
  const link = (event.target as Element | null)?.closest?.('a[href]');
  if (!(link instanceof HTMLAnchorElement)) return null;
  if (link.target && link.target !== '_self') return null;
  if (link.hasAttribute('download') || link.origin !== window.location.origin) return null;
  return link;
}

/**
 * Focuses the first h1 in `main` once it is shown (a page's chunk and data may still be
 * on their way), unless the page has put focus somewhere of its own meanwhile (a message
 * box, a card's title). Returns a function that stops waiting.
 */
function focusHeadingWhenShown(main: HTMLElement, pressed: Element | null): () => void {
  const untouched = () => {
    const active = document.activeElement;
    // A link that stays where it was in the page (a conversation in the chat's list) keeps
    // the focus: the person goes on from there. A link of the header moves it to the page.
    if (active === pressed && pressed?.isConnected && main.contains(pressed)) return false;
    return !active || active === document.body || active === main || active === pressed;
  };
  const attempt = () => {
    if (!untouched()) return true;
    // The page before may still be in the document, hidden while the new one loads.
    const heading = [...main.querySelectorAll<HTMLElement>('h1')].find(
      (h) => h.getClientRects().length > 0,
    );
    if (!heading) return false;
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus();
    return document.activeElement === heading;
  };
  if (attempt()) return () => {};
  const observer = new MutationObserver(() => {
    if (attempt()) stop();
  });
  // A page with no h1 (or one that never loads) is not waited for forever.
  const timer = setTimeout(() => stop(), 10_000);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
  };
  observer.observe(main, { childList: true, subtree: true });
  return stop;
}

/** In the layout: moves focus to the new page's h1 after a link of the app is followed. */
export function usePageFocus(main: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const link = appLinkOf(event);
      if (link) asked = { by: link, at: Date.now() };
    };
    // Back and Forward are not a link of the page: whatever was pressed before is not theirs.
    const onHistory = () => {
      asked = null;
    };
    // Captured, so it is seen before the router's handler acts on the click.
    document.addEventListener('click', onClick, true);
    window.addEventListener('popstate', onHistory);
    return () => {
      document.removeEventListener('click', onClick, true);
      window.removeEventListener('popstate', onHistory);
    };
  }, []);
  const shown = useRef<string | null>(null);
  useEffect(() => {
    const before = shown.current;
    shown.current = pathname;
    const request = asked;
    asked = null;
    // The first page, a link to this same page (a filter, #main) or Back: nothing to do.
    if (before === null || before === pathname || !main.current) return;
    if (!request || Date.now() - request.at > ASKED_FOR_MS) return;
    return focusHeadingWhenShown(main.current, request.by);
  }, [pathname, main]);
}
