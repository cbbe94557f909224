import { useEffect } from 'react';

/** Sets the tab title to "<title> · Scorecard" while the calling page is shown. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Scorecard` : 'Scorecard';
  }, [title]);
}
