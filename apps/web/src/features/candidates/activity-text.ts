import { DECISION_LABELS, REASON_LABELS, STAGE_LABELS, type ActivityItem } from '@scorecard/contracts';

/** What happened, as a sentence about the candidate: "Maya moved Rosa from Screen to Onsite". */
export function activitySentence(item: ActivityItem, candidateName: string): string {
  const who = item.actor?.name ?? 'Someone';
  switch (item.kind) {
    case 'application_created':
      return `${who} applied ${candidateName} to the opening`;
    case 'stage_moved': {
      const { from, to, reason } = item.details;
      const why = reason ? ` (${REASON_LABELS[reason]})` : '';
      return `${who} moved ${candidateName} from ${STAGE_LABELS[from]} to ${STAGE_LABELS[to]}${why}`;
    }
    case 'interview_scheduled':
      return `${who} scheduled the ${item.details.stepName} interview${withInterviewer(item.details.interviewer)}`;
    case 'interview_cancelled':
      return `${who} cancelled the ${item.details.stepName} interview${withInterviewer(item.details.interviewer)}`;
    case 'scorecard_submitted':
      return `${who} submitted a scorecard for ${item.details.stepName}`;
    case 'decision_recorded':
      return `${who} decided: ${DECISION_LABELS[item.details.decision]}`;
    case 'note_added':
      return `${who} added a note`;
    case 'file_uploaded':
      return `${who} uploaded ${item.details.filename}`;
  }
}

const withInterviewer = (p: { name: string } | null) => (p ? ` with ${p.name}` : '');

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "just now", "5 minutes ago", "yesterday", "3 weeks ago". */
export function relativeTime(at: string, now = Date.now()): string {
  const seconds = Math.round((Date.parse(at) - now) / 1000);
  if (Math.abs(seconds) < 45) return 'just now';
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return relative.format(Math.round(seconds / 60), 'minute');
}
