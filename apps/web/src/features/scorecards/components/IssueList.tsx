import type { ScorecardIssue } from '@scorecard/domain';
import type { MouseEvent, Ref } from 'react';
import { fieldIdForIssue, type DraftContent } from '../scorecard-draft';

export const ISSUES_HEADING_ID = 'scorecard-issues-title';

export function focusField(id: string): boolean {
  const el = document.getElementById(id);
  if (!el) return false;
  el.focus({ preventScroll: true });
  el.scrollIntoView({ block: 'center' });
  return true;
}

type IssueListProps = {
  issues: readonly ScorecardIssue[];
  content: DraftContent;
  /** What the button does once nothing is missing: "submit", "save the amendment". */
  action: string;
  headingRef?: Ref<HTMLHeadingElement>;
};

/** What is missing before submitting; each item takes the keyboard to its field. */
export function IssueList({ issues, content, action, headingRef }: IssueListProps) {
  const go = (event: MouseEvent<HTMLAnchorElement>, id: string | null) => {
    if (id && focusField(id)) event.preventDefault();
  };
  if (issues.length === 0) {
    return (
      <section className="issues issues--done" aria-labelledby={ISSUES_HEADING_ID}>
        <h2 id={ISSUES_HEADING_ID} ref={headingRef} tabIndex={-1} className="issues__title">
          Nothing is missing
        </h2>
        <p>Everything needed is there: you can {action}.</p>
      </section>
    );
  }
  return (
    <section className="issues" aria-labelledby={ISSUES_HEADING_ID}>
      <h2 id={ISSUES_HEADING_ID} ref={headingRef} tabIndex={-1} className="issues__title">
        {issues.length === 1 ? '1 thing is missing' : `${issues.length} things are missing`} before you can {action}
      </h2>
      <ul className="issues__list">
        {issues.map((issue) => {
          const id = fieldIdForIssue(issue.path, content);
          return (
            <li key={issue.path}>
              <a href={id ? `#${id}` : undefined} onClick={(e) => go(e, id)}>
                {issue.message}
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
