import { describe, expect, it } from '@jest/globals';
import {
  agoText,
  canRemindNow,
  DEFAULT_REMINDER_POLICY,
  describeReminderPolicy,
  dueReminder,
  durationText,
  enabledReminderSteps,
  reminderAudience,
  reminderDueAt,
  type ReminderPolicy,
} from './reminders.js';

const END = new Date('2026-12-01T10:00:00Z');
/** `h` hours (and `m` minutes) after the interview's end. */
const after = (h: number, m = 0) => new Date(END.getTime() + h * 3_600_000 + m * 60_000);
const policy = (over: Partial<ReminderPolicy> = {}): ReminderPolicy => ({ ...DEFAULT_REMINDER_POLICY, ...over });

describe('reminder schedule (first 2 h, every 24 h, escalate after 2)', () => {
  it.each([
    [1, 'interviewer', 2],
    [2, 'interviewer', 26],
    [3, 'hiring_manager', 50],
    [4, 'recruiter', 74],
  ] as const)('step %i goes to the %s at end + %i h', (step, audience, hours) => {
    expect(reminderAudience(step, DEFAULT_REMINDER_POLICY)).toBe(audience);
    expect(reminderDueAt(END, step, DEFAULT_REMINDER_POLICY).toISOString()).toBe(after(hours).toISOString());
  });

  it('has the escalation after K interviewer steps', () => {
    const p = policy({ escalateAfter: 4 });
    expect([1, 2, 3, 4, 5, 6].map((n) => reminderAudience(n, p))).toEqual([
      'interviewer',
      'interviewer',
      'interviewer',
      'interviewer',
      'hiring_manager',
      'recruiter',
    ]);
  });
});

describe('dueReminder', () => {
  it.each<[string, Partial<ReminderPolicy>, number | null, Date, number | null]>([
    ['nothing before the interview has ended', {}, null, after(0, -1), null],
    ['nothing right at the end', {}, null, after(0), null],
    ['nothing a minute before the first step', {}, null, after(1, 59), null],
    ['the first step exactly at end + first', {}, null, after(2), 1],
    ['nothing again once step 1 is sent', {}, 1, after(25, 59), null],
    ['step 2 at end + first + repeat', {}, 1, after(26), 2],
    ['the hiring manager at step 3', {}, 2, after(50), 3],
    ['the recruiter at step 4', {}, 3, after(74), 4],
    ['nothing after the last step', {}, 4, after(1000), null],
    ['only the latest missed step after downtime', {}, null, after(60), 3],
    ['the last step after long downtime', {}, 1, after(500), 4],
    ['interviewer off: the hiring manager keeps its time', { remindInterviewers: false }, null, after(49), null],
    ['interviewer off: hiring manager at end + 50 h', { remindInterviewers: false }, null, after(50), 3],
    ['hiring manager off: nothing at its time', { escalateToHiringManager: false }, 2, after(50), null],
    ['hiring manager off: the recruiter at its time', { escalateToHiringManager: false }, 2, after(74), 4],
    ['recruiter off: nothing after the hiring manager', { escalateToRecruiter: false }, 3, after(1000), null],
    [
      'hiring manager off, after downtime: the missed interviewer step',
      { escalateToHiringManager: false },
      1,
      after(60),
      2,
    ],
    [
      'everything off: nothing ever',
      { remindInterviewers: false, escalateToHiringManager: false, escalateToRecruiter: false },
      null,
      after(1000),
      null,
    ],
    [
      'first 1 h, every 1 h, escalate after 1: recruiter at 3 h',
      { firstHours: 1, repeatHours: 1, escalateAfter: 1 },
      2,
      after(3),
      3,
    ],
  ])('%s', (_label, over, lastStep, now, expected) => {
    const due = dueReminder({ endsAt: END, policy: policy(over), lastStep, now });
    expect(due?.step ?? null).toBe(expected);
    if (due) expect(due.dueAt.getTime()).toBeLessThanOrEqual(now.getTime());
  });

  it('says whom a due step goes to and when it fell due', () => {
    expect(dueReminder({ endsAt: END, policy: policy(), lastStep: 2, now: after(51) })).toEqual({
      step: 3,
      audience: 'hiring_manager',
      dueAt: after(50),
    });
  });

  it('lists the steps that are sent', () => {
    expect(enabledReminderSteps(policy())).toEqual([1, 2, 3, 4]);
    expect(enabledReminderSteps(policy({ escalateAfter: 3, escalateToHiringManager: false }))).toEqual([1, 2, 3, 5]);
    expect(enabledReminderSteps(policy({ remindInterviewers: false }))).toEqual([3, 4]);
  });
});

describe('canRemindNow', () => {
  const base = {
    status: 'scheduled' as const,
    scorecardStatus: 'draft' as const,
    stage: 'interviews' as const,
    endsAt: END,
    lastManualAt: null,
    now: after(3),
  };

  it.each<[string, Partial<Parameters<typeof canRemindNow>[0]>, string | null]>([
    ['an ended interview with a draft scorecard', {}, null],
    ['a hired candidate’s scorecard (the record is still wanted)', { stage: 'hired' }, null],
    ['a cancelled interview', { status: 'cancelled' }, 'nothing_to_remind'],
    ['a submitted scorecard', { scorecardStatus: 'submitted' }, 'nothing_to_remind'],
    ['no live scorecard', { scorecardStatus: null }, 'nothing_to_remind'],
    ['a rejected application', { stage: 'rejected' }, 'nothing_to_remind'],
    ['a withdrawn application', { stage: 'withdrawn' }, 'nothing_to_remind'],
    ['an interview still running', { now: after(0, -1) }, 'interview_not_ended'],
    ['a manual reminder 59 min ago', { lastManualAt: after(2, 1) }, 'reminder_too_soon'],
    ['a manual reminder exactly an hour ago', { lastManualAt: after(2) }, null],
  ])('%s', (_label, over, code) => {
    const verdict = canRemindNow({ ...base, ...over });
    expect(verdict.ok ? null : verdict.code).toBe(code);
  });

  it('says when the next manual reminder is possible', () => {
    const verdict = canRemindNow({ ...base, lastManualAt: after(2, 55) });
    expect(verdict).toMatchObject({ ok: false, code: 'reminder_too_soon', retryAfterSeconds: 55 * 60 });
    if (!verdict.ok) expect(verdict.message).toBe('A reminder went out 5 min ago; the next one is possible in 55 min.');
  });
});

describe('plain words', () => {
  it.each([
    [30_000, '1 min'],
    [45 * 60_000, '45 min'],
    [200 * 60_000, '3 h 20 min'],
    [50 * 3_600_000, '2 days 2 h'],
  ])('durationText(%i) = %s', (ms, text) => expect(durationText(ms)).toBe(text));

  it.each([
    [20_000, 'just now'],
    [5 * 60_000, '5 min ago'],
    [3 * 3_600_000, '3 h ago'],
    [72 * 3_600_000, '3 days ago'],
  ])('agoText(%i) = %s', (ms, text) => expect(agoText(ms)).toBe(text));

  it.each<[Partial<ReminderPolicy>, string]>([
    [
      {},
      'The interviewer is reminded 2 h after the interview ends, then every 24 h (2 reminders); after 2 reminders the hiring manager is told (50 h after the end), then the recruiter (74 h after the end).',
    ],
    [
      { escalateAfter: 1, escalateToRecruiter: false },
      'The interviewer is reminded 2 h after the interview ends (1 reminder); after 1 reminder the hiring manager is told (26 h after the end).',
    ],
    [
      { remindInterviewers: false, escalateToHiringManager: false },
      'Interviewers are not reminded; the recruiter is told (74 h after the end).',
    ],
    [
      { escalateToHiringManager: false, escalateToRecruiter: false },
      'The interviewer is reminded 2 h after the interview ends, then every 24 h (2 reminders); nobody else is told.',
    ],
    [
      { remindInterviewers: false, escalateToHiringManager: false, escalateToRecruiter: false },
      'No scorecard reminders are sent: every step is switched off.',
    ],
  ])('describes %j', (over, text) => expect(describeReminderPolicy(policy(over))).toBe(text));
});
