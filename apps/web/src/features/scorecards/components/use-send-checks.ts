import type { ScorecardIssue } from '@scorecard/domain';
import { useRef, useState } from 'react';
import { draftContradiction, type DraftContent } from '../scorecard-draft';

type KitShape = Parameters<typeof draftContradiction>[1];

/**
 * The checks before a scorecard goes to the server, shared by submitting a draft and saving an
 * amendment: once tried, what is missing is listed and its heading focused; a recommendation that
 * contradicts the person's own ratings asks for confirmation first (the same rules the API applies).
 */
export function useSendChecks() {
  const [attempted, setAttempted] = useState(false);
  /** The contradiction sentence while the confirm dialog is open. */
  const [contradiction, setContradiction] = useState<string | null>(null);
  const issuesHeading = useRef<HTMLHeadingElement>(null);

  const focusIssues = () =>
    requestAnimationFrame(() => {
      issuesHeading.current?.focus({ preventScroll: true });
      issuesHeading.current?.scrollIntoView({ block: 'center' });
    });

  /** Starts an attempt: the issues show from now on, and the last attempt's dialog closes. */
  const begin = () => {
    setAttempted(true);
    setContradiction(null);
  };

  /** True when the content may go: nothing missing, and no contradiction left unconfirmed. */
  const ready = (issues: readonly ScorecardIssue[], content: DraftContent, kit: KitShape, confirmed: boolean) => {
    if (issues.length > 0) {
      focusIssues();
      return false;
    }
    const found = draftContradiction(content, kit);
    if (found && !confirmed) {
      setContradiction(found.message);
      return false;
    }
    return true;
  };

  return { attempted, setAttempted, contradiction, setContradiction, issuesHeading, focusIssues, begin, ready };
}
