import { agoText, durationText, type ReminderAudience } from '@scorecard/domain';
import type { OutgoingEmail } from '../mail/mail.service.js';
import type { ReminderSubject } from './reminders.repository.js';

type Content = OutgoingEmail['content'];

/** "Tue 1 Dec 2026, 10:00 (Europe/Berlin)": an instant in the reader's time zone. */
export function formatInstant(at: Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  return `${text} (${timeZone})`;
}

/** "Scorecard due: Noor Haddad, Technical interview": names only, as every subject. */
export function reminderSubject(s: ReminderSubject): string {
  return `Scorecard due: ${s.candidate_name}, ${s.step_name}`;
}

/** How overdue the scorecard is, in one sentence. */
function overdueSentence(s: ReminderSubject, now: Date): string {
  const ended = `The interview ended ${agoText(now.getTime() - s.ends_at.getTime())}`;
  const due = s.feedback_due_at.getTime();
  return due <= now.getTime()
    ? `${ended}; feedback was due ${agoText(now.getTime() - due)}, so it is ${durationText(now.getTime() - due)} overdue.`
    : `${ended}; feedback is due in ${durationText(due - now.getTime())}.`;
}

function details(s: ReminderSubject, timeZone: string): [string, string][] {
  return [
    ['Candidate', s.candidate_name],
    ['Opening', s.opening_title],
    ['Interview', s.step_name],
    ['Interviewer', s.interviewer_name],
    ['Ended', formatInstant(s.ends_at, timeZone)],
    ['Feedback due', formatInstant(s.feedback_due_at, timeZone)],
  ];
}

/**
 * The email of one scheduled step: a reminder to the interviewer (steps 1..K), or an escalation to
 * the opening's hiring manager or recruiter, linking to the interview or to the application.
 */
export function scheduledReminderEmail(input: {
  subject: ReminderSubject;
  audience: ReminderAudience;
  step: number;
  escalateAfter: number;
  now: Date;
  timeZone: string;
  link: (path: string) => string;
}): Pick<OutgoingEmail, 'kind' | 'subject' | 'content'> {
  const { subject: s, audience, step, escalateAfter: k, now, timeZone, link } = input;
  const overdue = overdueSentence(s, now);
  if (audience === 'interviewer') {
    const content: Content = {
      heading: `Your scorecard for ${s.candidate_name} is waiting`,
      paragraphs: [
        `Your ${s.step_name} interview with ${s.candidate_name} for ${s.opening_title} has no submitted scorecard yet.`,
        overdue,
        'Writing it while the interview is fresh keeps the evidence exact, and the hiring decision waits for it.',
      ],
      details: details(s, timeZone),
      action: { label: 'Write the scorecard', url: link(`/interviews/${s.interview_id}`) },
      reason: `You get this because you interviewed ${s.candidate_name} and the scorecard is not submitted (reminder ${step} of ${k}).`,
    };
    return { kind: 'scorecard_reminder', subject: reminderSubject(s), content };
  }
  const role = audience === 'hiring_manager' ? 'hiring manager' : 'recruiter';
  const content: Content = {
    heading: `${s.interviewer_name}’s scorecard for ${s.candidate_name} is overdue`,
    paragraphs: [
      `${s.interviewer_name} interviewed ${s.candidate_name} (${s.step_name}) for ${s.opening_title} and has not submitted the scorecard after ${k} reminder${k === 1 ? '' : 's'}.`,
      overdue,
      `A word from you may help; the application shows every interview and its scorecard.`,
    ],
    details: details(s, timeZone),
    action: { label: 'Open the application', url: link(`/applications/${s.application_id}`) },
    reason: `You get this because you are the ${role} of ${s.opening_title}.`,
  };
  return { kind: 'scorecard_escalation', subject: reminderSubject(s), content };
}

/** The email of a "remind now": the interviewer, asked by name by the person who pressed it. */
export function manualReminderEmail(input: {
  subject: ReminderSubject;
  askedBy: string;
  now: Date;
  timeZone: string;
  link: (path: string) => string;
}): Pick<OutgoingEmail, 'kind' | 'subject' | 'content'> {
  const { subject: s, askedBy, now, timeZone, link } = input;
  return {
    kind: 'scorecard_reminder',
    subject: reminderSubject(s),
    content: {
      heading: `${askedBy} is waiting for your scorecard on ${s.candidate_name}`,
      paragraphs: [
        `${askedBy} asked you to submit your scorecard for the ${s.step_name} interview with ${s.candidate_name} (${s.opening_title}).`,
        overdueSentence(s, now),
      ],
      details: details(s, timeZone),
      action: { label: 'Write the scorecard', url: link(`/interviews/${s.interview_id}`) },
      reason: `You get this because ${askedBy} sent you a reminder: you interviewed ${s.candidate_name} and the scorecard is not submitted.`,
    },
  };
}
