export type OpeningStatus = 'draft' | 'open' | 'on_hold' | 'closed';

const ALLOWED: Record<OpeningStatus, readonly OpeningStatus[]> = {
  draft: ['open', 'closed'],
  open: ['on_hold', 'closed'],
  on_hold: ['open', 'closed'],
  closed: [],
};

/** Which status changes an opening allows. A closed opening stays closed; copy it to hire again. */
export function canChangeOpeningStatus(from: OpeningStatus, to: OpeningStatus): boolean {
  return ALLOWED[from].includes(to);
}

/** What an opening needs before it can be opened, besides a passing (or overridden) plan check. */
export function openingReadinessIssues(o: {
  hiringManagerId: string | null;
  rubricVersionId: string | null;
  checklistVersionId: string | null;
}): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (!o.hiringManagerId) issues.push({ path: 'hiringManagerId', message: 'Choose the hiring manager.' });
  if (!o.rubricVersionId) issues.push({ path: 'rubricVersionId', message: 'Choose a published rubric.' });
  if (!o.checklistVersionId)
    issues.push({ path: 'checklistVersionId', message: 'Choose a published red-flag checklist.' });
  return issues;
}
