import { useEffect } from 'react';

/** Sets the tab title (already in the language on screen), so each page is announced and findable in history. */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Parley` : 'Parley';
  }, [title]);
}
