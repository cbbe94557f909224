/** Placeholder: issue 21 fills this in ("Remind now" for one overdue scorecard). */
export function RemindNowButton(_props: { interviewId: string }) {
  return null;
}
