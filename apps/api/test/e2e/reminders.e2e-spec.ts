import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Interview, ReminderSettings } from '@scorecard/contracts';
import { RemindersService } from '../../src/modules/reminders/reminders.service.js';
import { apiOf } from '../support/api-client.js';
import { given, type Given, type Member } from '../support/given.js';
import { linkIn, startMailServer, type TestMailServer } from '../support/smtp.js';
import { queueIdle } from '../support/org-fixture.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { HOUR, hoursAgo } from '../support/time.js';

const PUBLIC_URL = 'https://scorecard.example.com';
const MINUTE = 60_000;

let t: TestApp;
let smtp: TestMailServer;

beforeAll(async () => {
  smtp = await startMailServer();
  t = await startTestApp({
    SMTP_URL: smtp.url,
    PUBLIC_URL,
    JOB_POLL_SECONDS: '0.5',
    // The tests drive the sweep themselves, with their own clock.
    QUEUE_SCHEDULES: 'false',
  });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

/** An organization with an opening whose hiring manager and recruiter are set, and one interviewer. */
interface World {
  g: Given;
  hm: Member;
  ana: Member;
}

async function world(name: string, settings?: Partial<ReminderSettings>): Promise<World> {
  const g = await given(t, name);
  const [hm, ana] = await Promise.all([
    g.member({ role: 'hiring_manager', name: 'Hana Manager' }),
    g.member({ name: 'Ana Interviewer' }),
  ]);
  await g.opening({ title: 'Tech Lead', update: { hiringManagerId: hm.user.id, recruiterId: g.recruiter.user.id } });
  if (settings) await apiOf(t).as(g.admin).call('updateReminderSettings', { body: settings });
  return { g, hm, ana };
}

/** An interview of Ana's that started `startedHoursAgo` hours ago and lasts `minutes` (an application in interviews). */
async function interview(w: World, startedHoursAgo = 3, minutes = 60): Promise<Interview> {
  const application = await w.g.application({ stages: ['screen', 'interviews'] });
  return w.g.scheduledInterview({
    application,
    interviewer: w.ana,
    startsAt: hoursAgo(startedHoursAgo),
    extra: { durationMinutes: minutes },
  });
}

/** `h` hours (and `m` minutes) after the interview ended. */
const after = (i: Interview, h: number, m = 0) => new Date(Date.parse(i.endsAt) + h * HOUR + m * MINUTE);

const sweep = (at: Date, app: TestApp = t) => app.app.get(RemindersService).sweep(at);

interface StepRow {
  step: number;
  audience: string;
  recipient_id: string | null;
  email_id: string | null;
}

/** The scheduled steps recorded for an interview, in order. */
async function stepsOf(interviewId: string): Promise<StepRow[]> {
  return (await t.db.query(
    `select step, audience, recipient_id, email_id from scorecard_reminders
      where interview_id = $1 and step is not null order by step`,
    [interviewId],
  )) as StepRow[];
}

/** The reminder emails written for an interview's steps: kind and recipient, in step order. */
async function reminderEmailsOf(
  interviewId: string,
): Promise<{ kind: string; recipient_id: string; subject: string }[]> {
  return (await t.db.query(
    `select kind, recipient_id, subject from emails where dedupe_key like $1 order by dedupe_key`,
    [`reminder:${interviewId}:%`],
  )) as { kind: string; recipient_id: string; subject: string }[];
}

/** The reminder and escalation emails the mail server received for `address` (not, say, calendar invitations). */
const isReminder = (m: { subject: string }) => m.subject.startsWith('Scorecard due:');
const remindersTo = (address: string) => smtp.to(address).filter(isReminder);

const stepNumbers = async (interviewId: string) => (await stepsOf(interviewId)).map((s) => s.step);

describe('the reminder schedule (a controlled clock)', () => {
  it('reminds the interviewer exactly 2 h after the interview ENDS, then every 24 h, then escalates to the hiring manager and the recruiter, then stops', async () => {
    const w = await world('Schedule Co');
    const i = await interview(w);

    await sweep(after(i, 2, -1));
    expect(await stepsOf(i.id)).toEqual([]);

    await sweep(after(i, 2));
    expect(await stepsOf(i.id)).toEqual([
      { step: 1, audience: 'interviewer', recipient_id: w.ana.user.id, email_id: expect.any(String) },
    ]);
    const first = await smtp.waitFor(w.ana.user.email, isReminder);
    expect(first.subject).toBe(`Scorecard due: Noor Haddad, ${i.step.name}`);
    expect(first.text).toContain('Schedule Co');
    expect(first.text).toContain('The interview ended 2 h ago');
    expect(first.text).toContain('reminder 1 of 2');
    expect(linkIn(first.text, `${PUBLIC_URL}/interviews/`)).toBe(`${PUBLIC_URL}/interviews/${i.id}`);
    expect(first.html).toContain(`href="${PUBLIC_URL}/interviews/${i.id}"`);

    // Sweeping again before the next step changes nothing.
    await sweep(after(i, 3));
    await sweep(after(i, 26, -1));
    expect(await stepNumbers(i.id)).toEqual([1]);

    await sweep(after(i, 26));
    expect(await stepNumbers(i.id)).toEqual([1, 2]);

    await sweep(after(i, 50));
    await sweep(after(i, 74));
    await sweep(after(i, 1000));
    expect(await stepsOf(i.id)).toEqual([
      { step: 1, audience: 'interviewer', recipient_id: w.ana.user.id, email_id: expect.any(String) },
      { step: 2, audience: 'interviewer', recipient_id: w.ana.user.id, email_id: expect.any(String) },
      { step: 3, audience: 'hiring_manager', recipient_id: w.hm.user.id, email_id: expect.any(String) },
      { step: 4, audience: 'recruiter', recipient_id: w.g.recruiter.user.id, email_id: expect.any(String) },
    ]);
    expect((await reminderEmailsOf(i.id)).map((e) => [e.kind, e.recipient_id])).toEqual([
      ['scorecard_reminder', w.ana.user.id],
      ['scorecard_reminder', w.ana.user.id],
      ['scorecard_escalation', w.hm.user.id],
      ['scorecard_escalation', w.g.recruiter.user.id],
    ]);

    const escalation = await smtp.waitFor(w.hm.user.email, isReminder);
    expect(escalation.subject).toBe(`Scorecard due: Noor Haddad, ${i.step.name}`);
    expect(escalation.text).toContain('Ana Interviewer interviewed Noor Haddad');
    expect(escalation.text).toContain('after 2 reminders');
    expect(escalation.text).toMatch(/so it is \d+ h( \d+ min)? overdue/);
    expect(linkIn(escalation.text, `${PUBLIC_URL}/applications/`)).toBe(
      `${PUBLIC_URL}/applications/${i.applicationId}`,
    );
    await smtp.waitFor(w.g.recruiter.user.email, (m) => m.subject.startsWith('Scorecard due'));
    // Once the queue has worked every email job, whatever reached the mail server is all there is.
    await queueIdle(t);
    expect(remindersTo(w.ana.user.email)).toHaveLength(2);
    expect(remindersTo(w.hm.user.email)).toHaveLength(1);
  });

  it('sends only the latest due step after downtime, not every missed one', async () => {
    const w = await world('Downtime Co');
    const i = await interview(w);
    await sweep(after(i, 60));
    expect(await stepsOf(i.id)).toEqual([
      { step: 3, audience: 'hiring_manager', recipient_id: w.hm.user.id, email_id: expect.any(String) },
    ]);
    await sweep(after(i, 73));
    expect(await stepNumbers(i.id)).toEqual([3]);
    await sweep(after(i, 74));
    expect(await stepNumbers(i.id)).toEqual([3, 4]);
  });

  it('follows the organization’s own hours and escalation count', async () => {
    const w = await world('Custom Hours Co', { firstHours: 4, repeatHours: 6, escalateAfter: 1 });
    const i = await interview(w);
    await sweep(after(i, 4, -1));
    expect(await stepNumbers(i.id)).toEqual([]);
    await sweep(after(i, 4));
    await sweep(after(i, 10));
    await sweep(after(i, 16));
    expect((await stepsOf(i.id)).map((s) => [s.step, s.audience])).toEqual([
      [1, 'interviewer'],
      [2, 'hiring_manager'],
      [3, 'recruiter'],
    ]);
  });

  it('skips the interviewer’s steps when interviewers are not reminded; the hiring manager keeps its time', async () => {
    const w = await world('No Interviewer Co', { remindInterviewers: false });
    const i = await interview(w);
    await sweep(after(i, 2));
    await sweep(after(i, 26));
    await sweep(after(i, 50, -1));
    expect(await stepsOf(i.id)).toEqual([]);
    await sweep(after(i, 50));
    expect((await stepsOf(i.id)).map((s) => [s.step, s.audience])).toEqual([[3, 'hiring_manager']]);
    expect(remindersTo(w.ana.user.email)).toHaveLength(0);
  });

  it('skips the hiring manager’s step when escalation to them is off; the recruiter keeps its time', async () => {
    const w = await world('No Manager Co', { escalateToHiringManager: false });
    const i = await interview(w);
    await sweep(after(i, 2));
    await sweep(after(i, 26));
    await sweep(after(i, 50));
    await sweep(after(i, 73));
    expect(await stepNumbers(i.id)).toEqual([1, 2]);
    await sweep(after(i, 74));
    expect((await stepsOf(i.id)).map((s) => [s.step, s.audience])).toEqual([
      [1, 'interviewer'],
      [2, 'interviewer'],
      [4, 'recruiter'],
    ]);
    expect((await reminderEmailsOf(i.id)).map((e) => e.recipient_id)).not.toContain(w.hm.user.id);
  });

  it('stops after the hiring manager when escalation to the recruiter is off', async () => {
    const w = await world('No Recruiter Co', { escalateToRecruiter: false });
    const i = await interview(w);
    for (const h of [2, 26, 50, 74, 1000]) await sweep(after(i, h));
    expect(await stepNumbers(i.id)).toEqual([1, 2, 3]);
    expect((await reminderEmailsOf(i.id)).map((e) => e.recipient_id)).not.toContain(w.g.recruiter.user.id);
  });

  it('records an escalation step with nobody to tell (no hiring manager), and moves on', async () => {
    const g = await given(t, 'No HM Co');
    const ana = await g.member();
    await g.opening({ update: { hiringManagerId: null } });
    const application = await g.application({ stages: ['screen', 'interviews'] });
    const i = await g.scheduledInterview({ application, interviewer: ana, startsAt: hoursAgo(3) });
    await sweep(after(i, 50));
    expect(await stepsOf(i.id)).toEqual([{ step: 3, audience: 'hiring_manager', recipient_id: null, email_id: null }]);
    await sweep(after(i, 51));
    expect(await stepNumbers(i.id)).toEqual([3]);
  });
});

describe('no misfires', () => {
  it('sends nothing before the interview has ended, although it started more than the first delay ago', async () => {
    const w = await world('Still Running Co');
    // Started 3 h ago, lasts 4 h: counting from the start would remind now.
    const i = await interview(w, 3, 240);
    await sweep(new Date());
    await sweep(after(i, 2, -1));
    expect(await stepsOf(i.id)).toEqual([]);
    await sweep(after(i, 2));
    expect(await stepNumbers(i.id)).toEqual([1]);
  });

  it('never reminds for a cancelled interview', async () => {
    const w = await world('Cancelled Co');
    const i = await interview(w);
    await apiOf(t)
      .as(w.g.recruiter)
      .call('cancelInterview', { params: { id: i.id }, body: { revision: i.revision } });
    for (const h of [2, 26, 50, 74]) await sweep(after(i, h));
    expect(await stepsOf(i.id)).toEqual([]);
  });

  it('never reminds for a submitted scorecard, and stops once it is submitted', async () => {
    const w = await world('Submitted Co');
    const submitted = await interview(w);
    await w.g.submittedScorecard({ scorecard: submitted.scorecard!.id, interviewer: w.ana });
    for (const h of [2, 26, 50, 74]) await sweep(after(submitted, h));
    expect(await stepsOf(submitted.id)).toEqual([]);

    // Reminded once, then submitted: the schedule ends there.
    const other = await interview(w);
    await sweep(after(other, 2));
    expect(await stepNumbers(other.id)).toEqual([1]);
    await w.g.submittedScorecard({ scorecard: other.scorecard!.id, interviewer: w.ana });
    for (const h of [26, 50, 74]) await sweep(after(other, h));
    expect(await stepNumbers(other.id)).toEqual([1]);
  });

  it.each([
    ['rejected', 'skills_gap'],
    ['withdrawn', 'accepted_other_offer'],
  ] as const)('never reminds once the application is %s', async (stage, reason) => {
    const w = await world(`Closed ${stage} Co`);
    const application = await w.g.application({ stages: ['screen', 'interviews'] });
    const i = await w.g.scheduledInterview({ application, interviewer: w.ana, startsAt: hoursAgo(3) });
    const current = await apiOf(t)
      .as(w.g.recruiter)
      .call('getApplication', { params: { id: application.id } });
    await w.g.move(current, { to: stage, reason, note: '' });
    for (const h of [2, 26, 50, 74]) await sweep(after(i, h));
    expect(await stepsOf(i.id)).toEqual([]);
  });

  it('keeps reminding for a hired candidate (the record of the hire still needs the scorecard)', async () => {
    const w = await world('Hired Co');
    const i = await interview(w);
    await t.db.query(`update applications set stage = 'hired' where id = $1`, [i.applicationId]);
    await sweep(after(i, 2));
    expect(await stepNumbers(i.id)).toEqual([1]);
  });
});

describe('reminder settings', () => {
  it('shows the defaults to any member and lets an admin change them', async () => {
    const w = await world('Settings Co');
    const defaults = {
      firstHours: 2,
      repeatHours: 24,
      escalateAfter: 2,
      remindInterviewers: true,
      escalateToHiringManager: true,
      escalateToRecruiter: true,
    };
    expect(await apiOf(t).as(w.ana).call('getReminderSettings', {})).toEqual(defaults);
    const changed = await apiOf(t)
      .as(w.g.admin)
      .call('updateReminderSettings', { body: { firstHours: 168, repeatHours: 336, escalateToRecruiter: false } });
    expect(changed).toEqual({ ...defaults, firstHours: 168, repeatHours: 336, escalateToRecruiter: false });
    expect(await apiOf(t).as(w.g.recruiter).call('getReminderSettings', {})).toEqual(changed);
    // Another organization keeps its own.
    const other = await given(t, 'Other Settings Co', { recruiter: false });
    expect(await apiOf(t).as(other.admin).call('getReminderSettings', {})).toEqual(defaults);
  });

  it.each([
    [{ firstHours: 0 }, 'firstHours', 'The time until the first reminder is at least 1 hour.'],
    [{ firstHours: 169 }, 'firstHours', 'The time until the first reminder is at most 168 hours (7 days).'],
    [{ repeatHours: 337 }, 'repeatHours', 'The time between reminders is at most 336 hours (14 days).'],
    [{ repeatHours: 1.5 }, 'repeatHours', 'Give the time between reminders as a whole number of hours.'],
    [{ escalateAfter: 11 }, 'escalateAfter', 'Escalate after at most 10 reminders.'],
    [{ escalateAfter: 0 }, 'escalateAfter', 'Escalate after at least 1 reminder.'],
    [{ remindInterviewers: 'yes' }, 'remindInterviewers', 'Say whether interviewers are reminded: true or false.'],
    [{}, '(body)', 'Change at least one setting.'],
  ])('refuses %j with a clear message and changes nothing', async (body, path, message) => {
    const g = await given(t, 'Invalid Settings Co', { recruiter: false });
    const res = await apiOf(t).as(g.admin).raw('updateReminderSettings', { body }).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors).toContainEqual({ path, message });
    expect(await apiOf(t).as(g.admin).call('getReminderSettings', {})).toMatchObject({
      firstHours: 2,
      repeatHours: 24,
      escalateAfter: 2,
    });
  });

  it('refuses an unknown field, and lets only admins change the settings', async () => {
    const w = await world('Settings Roles Co');
    await apiOf(t)
      .as(w.g.admin)
      .raw('updateReminderSettings', { body: { firstHours: 3, weekends: false } })
      .expect(400);
    for (const member of [w.g.recruiter, w.hm, w.ana]) {
      const res = await apiOf(t)
        .as(member)
        .call('updateReminderSettings', { body: { firstHours: 5 } })
        .expect(403);
      expect(res.body.code).toBe('forbidden');
    }
    expect((await apiOf(t).as(w.g.admin).call('getReminderSettings', {})).firstHours).toBe(2);
    await t.http().get('/api/v1/organization/reminder-settings').expect(401);
  });
});

describe('remind now', () => {
  it('emails the interviewer at once, then refuses another for an hour with Retry-After', async () => {
    const w = await world('Remind Now Co');
    const i = await interview(w);
    const api = apiOf(t).as(w.g.recruiter);
    const sent = await api.call('remindInterviewer', { params: { id: i.id } });
    expect(sent).toMatchObject({ interviewId: i.id, interviewer: { id: w.ana.user.id, name: 'Ana Interviewer' } });
    expect(Date.parse(sent.nextAllowedAt) - Date.parse(sent.remindedAt)).toBe(HOUR);
    expect(Math.abs(Date.parse(sent.remindedAt) - Date.now())).toBeLessThan(10_000);

    const mail = await smtp.waitFor(w.ana.user.email, isReminder);
    expect(mail.subject).toBe(`Scorecard due: Noor Haddad, ${i.step.name}`);
    expect(mail.text).toContain('is waiting for your scorecard on Noor Haddad');
    expect(linkIn(mail.text, `${PUBLIC_URL}/interviews/`)).toBe(`${PUBLIC_URL}/interviews/${i.id}`);

    const again = await apiOf(t)
      .as(w.hm)
      .call('remindInterviewer', { params: { id: i.id } })
      .expect(429);
    expect(again.body.code).toBe('reminder_too_soon');
    expect(again.headers['content-type']).toMatch(/application\/problem\+json/);
    const retryAfter = Number(again.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    const [count] = (await t.db.query(
      `select count(*)::int as n from scorecard_reminders where interview_id = $1 and step is null`,
      [i.id],
    )) as { n: number }[];
    expect(count?.n).toBe(1);

    // The manual reminder is recorded with who asked; it is not a step of the schedule.
    const [row] = (await t.db.query(
      `select created_by, step, audience, email_id from scorecard_reminders where interview_id = $1`,
      [i.id],
    )) as { created_by: string; step: number | null; audience: string; email_id: string }[];
    expect(row).toMatchObject({ created_by: w.g.recruiter.user.id, step: null, audience: 'interviewer' });

    // The recruiter home shows when it was last pressed.
    const home = await api.call('getRecruiterHome', { query: { scope: 'all' } });
    const overdueItem = home.overdue.items.find((x) => x.interviewId === i.id);
    if (overdueItem) expect(overdueItem.lastRemindedAt).toBe(sent.remindedAt);

    // An hour later another is allowed (the last one moved back in time), by a hiring manager too.
    await t.db.query(
      `update scorecard_reminders set created_at = created_at - interval '61 minutes' where interview_id = $1`,
      [i.id],
    );
    await apiOf(t)
      .as(w.hm)
      .call('remindInterviewer', { params: { id: i.id } });
    // ...and by an admin, an hour after that.
    await t.db.query(
      `update scorecard_reminders set created_at = created_at - interval '61 minutes' where interview_id = $1`,
      [i.id],
    );
    await apiOf(t)
      .as(w.g.admin)
      .call('remindInterviewer', { params: { id: i.id } });
  });

  it('lists the overdue scorecard on the recruiter home with when it was last reminded', async () => {
    const w = await world('Overdue Home Co');
    const application = await w.g.application({ stages: ['screen', 'interviews'] });
    const i = await w.g.scheduledInterview({ application, interviewer: w.ana, startsAt: hoursAgo(30) });
    const api = apiOf(t).as(w.g.recruiter);
    const before = await api.call('getRecruiterHome', { query: { scope: 'all' } });
    expect(before.overdue.items.find((x) => x.interviewId === i.id)?.lastRemindedAt).toBeNull();
    const sent = await api.call('remindInterviewer', { params: { id: i.id } });
    const after = await api.call('getRecruiterHome', { query: { scope: 'all' } });
    expect(after.overdue.items.find((x) => x.interviewId === i.id)?.lastRemindedAt).toBe(sent.remindedAt);
  });

  it('refuses before the interview has ended (422 interview_not_ended) and writes nothing', async () => {
    const w = await world('Not Ended Co');
    const i = await interview(w, 1, 120);
    const res = await apiOf(t)
      .as(w.g.recruiter)
      .call('remindInterviewer', { params: { id: i.id } })
      .expect(422);
    expect(res.body.code).toBe('interview_not_ended');
    expect(await t.db.query(`select id from scorecard_reminders where interview_id = $1`, [i.id])).toEqual([]);
    expect(
      await t.db.query(`select id from emails where recipient_id = $1 and kind like 'scorecard%'`, [w.ana.user.id]),
    ).toEqual([]);
  });

  it('refuses with nothing_to_remind for a cancelled interview, a submitted scorecard, a closed application', async () => {
    const w = await world('Nothing To Remind Co');
    const api = apiOf(t).as(w.g.recruiter);
    const cancelled = await interview(w);
    await api.call('cancelInterview', { params: { id: cancelled.id }, body: { revision: cancelled.revision } });
    const submitted = await interview(w);
    await w.g.submittedScorecard({ scorecard: submitted.scorecard!.id, interviewer: w.ana });
    const rejected = await interview(w);
    const app = await api.call('getApplication', { params: { id: rejected.applicationId } });
    await w.g.move(app, { to: 'rejected', reason: 'skills_gap', note: '' });
    for (const [i, detail] of [
      [cancelled, /cancelled/],
      [submitted, /submitted/],
      [rejected, /rejected/],
    ] as const) {
      const res = await api.call('remindInterviewer', { params: { id: i.id } }).expect(422);
      expect(res.body).toMatchObject({ code: 'nothing_to_remind', detail: expect.stringMatching(detail) });
    }
    expect(
      await t.db.query(`select id from emails where recipient_id = $1 and kind like 'scorecard%'`, [w.ana.user.id]),
    ).toEqual([]);
  });

  it('respects an interviewer who turned reminder emails off (422, nothing recorded)', async () => {
    const w = await world('Opted Out Co');
    const i = await interview(w);
    await t.db.query(`update users set email_opt_outs = '{scorecard_reminder}' where id = $1`, [w.ana.user.id]);
    const res = await apiOf(t)
      .as(w.g.recruiter)
      .call('remindInterviewer', { params: { id: i.id } })
      .expect(422);
    expect(res.body).toMatchObject({
      code: 'nothing_to_remind',
      detail: 'Ana Interviewer has turned off scorecard reminder emails.',
    });
    expect(await t.db.query(`select id from scorecard_reminders where interview_id = $1`, [i.id])).toEqual([]);
  });

  it('is refused to interviewers (403), answers 404 for another organization’s interview or an unknown id, 400 for a malformed one', async () => {
    const w = await world('Remind Roles Co');
    const i = await interview(w);
    const forbidden = await apiOf(t)
      .as(w.ana)
      .call('remindInterviewer', { params: { id: i.id } })
      .expect(403);
    expect(forbidden.body.code).toBe('forbidden');
    const stranger = await given(t, 'Stranger Co', { recruiter: false });
    const foreign = await apiOf(t)
      .as(stranger.admin)
      .call('remindInterviewer', { params: { id: i.id } })
      .expect(404);
    expect(foreign.body.code).toBe('not_found');
    await apiOf(t)
      .as(w.g.recruiter)
      .call('remindInterviewer', { params: { id: '00000000-0000-4000-8000-000000000000' } })
      .expect(404);
    await apiOf(t)
      .as(w.g.recruiter)
      .raw('remindInterviewer', { params: { id: 'nope' } })
      .expect(400);
    expect(await t.db.query(`select id from scorecard_reminders where interview_id = $1`, [i.id])).toEqual([]);
  });
});

describe('two instances on one database', () => {
  // A database of their own, so the sweeps here meet only this test's interviews; the helpers
  // above work on `t`, which points at the first of the two instances meanwhile.
  let main: TestApp;
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    const env = { SMTP_URL: smtp.url, PUBLIC_URL, JOB_POLL_SECONDS: '0.5', QUEUE_SCHEDULES: 'false' };
    first = await startTestApp(env);
    second = await startTestApp(env, { sameDatabaseAs: first });
    main = t;
    t = first;
  });
  afterAll(async () => {
    t = main;
    await second.close();
    await first.close();
  });

  it('sends exactly one email per due step when both sweep the same moment', async () => {
    const w = await world('Two Instances Co');
    const interviews: Interview[] = [];
    for (let n = 0; n < 3; n++) interviews.push(await interview(w));
    const earliest = interviews[0]!;
    for (const h of [2, 26, 50, 74]) {
      const at = after(earliest, h, 1);
      await Promise.all([sweep(at, first), sweep(at, second), sweep(at, first), sweep(at, second)]);
    }
    for (const i of interviews) {
      expect(await stepNumbers(i.id)).toEqual([1, 2, 3, 4]);
      expect(await reminderEmailsOf(i.id)).toHaveLength(4);
    }
    // Every email delivered once: 2 reminders per interview to Ana, 1 escalation per interview to each of the others.
    // Once the queue has worked every email job, whatever reached the mail server is all there is.
    await queueIdle(first);
    expect(remindersTo(w.ana.user.email)).toHaveLength(6);
    expect(remindersTo(w.hm.user.email)).toHaveLength(3);
    expect(remindersTo(w.g.recruiter.user.email)).toHaveLength(3);
  }, 90_000);
});

describe('the schedule, with no setup', () => {
  // Schedules on (the default), on a database of its own: the sweep here runs on the real clock.
  let main: TestApp;
  let scheduled: TestApp;
  beforeAll(async () => {
    scheduled = await startTestApp({
      SMTP_URL: smtp.url,
      PUBLIC_URL,
      JOB_POLL_SECONDS: '0.5',
      QUEUE_SCHEDULES: 'true',
    });
    main = t;
    t = scheduled;
  });
  afterAll(async () => {
    t = main;
    await scheduled.close();
  });

  // Needs pg-boss's own cron queue (`__pgboss__send-it`), which its timekeeper creates at start-up
  // and the app role may not: the Messaging migration has to create it with the app's queues.
  it('sweeps every minute on the scorecardReminders queue and sends a step that fell due', async () => {
    const [schedule] = (await t.db.query(
      `select cron, timezone from pgboss.schedule where name = 'scorecardReminders'`,
    )) as {
      cron: string;
      timezone: string;
    }[];
    expect(schedule).toEqual({ cron: '* * * * *', timezone: 'UTC' });

    const w = await world('Cron Co');
    // Ended 2 h 30 min ago: step 1 is due now.
    const i = await interview(w, 3.5, 60);
    const deadline = Date.now() + 150_000;
    while ((await stepNumbers(i.id)).length === 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 500));
    expect(await stepNumbers(i.id)).toEqual([1]);
    await smtp.waitFor(w.ana.user.email, isReminder);
  }, 180_000);
});
