/** "No interviews yet", "2 of 3 scorecards": how much of an application's feedback is in. */
export function interviewProgress(scorecardsIn: number, interviews: number): string {
  if (interviews === 0) return 'No interviews yet';
  return `${scorecardsIn} of ${interviews} scorecards`;
}
