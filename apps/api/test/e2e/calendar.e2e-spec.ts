import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Interview } from '@scorecard/contracts';
import ICAL from 'ical.js';
import { Db } from '../../src/database/db.js';
import { CalendarInvitationsService } from '../../src/modules/calendar/calendar-invitations.service.js';
import { apiOf } from '../support/api-client.js';
import { given, type Given, type Member } from '../support/given.js';
import type { FocusedOpening } from '../support/factories.js';
import { emailsOf } from '../support/mail.js';
import { startMailServer, type ReceivedMail, type TestMailServer } from '../support/smtp.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { HOUR, hoursAgo } from '../support/time.js';

const PUBLIC_URL = 'https://scorecard.example.com';

/** A whole minute `h` hours from now: calendars keep times to the second, people schedule to the minute. */
const hoursFromNow = (h: number) => new Date(Math.floor((Date.now() + h * HOUR) / 60_000) * 60_000).toISOString();

/** An iCalendar document parsed back with ical.js, its VTIMEZONEs registered so TZID times resolve. */
function parseCalendar(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const events = cal.getAllSubcomponents('vevent');
  return {
    method: cal.getFirstPropertyValue('method'),
    events,
    event: events[0]!,
    zones: cal.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid')),
  };
}

/** The text/calendar part of a received email, parsed. */
function invitationIn(mail: ReceivedMail) {
  const part = mail.attachments.find((a) => a.contentType === 'text/calendar');
  if (!part) throw new Error(`no text/calendar part in "${mail.subject}"`);
  return parseCalendar(part.content.toString('utf8'));
}

const prop = (c: ICAL.Component, name: string) => c.getFirstPropertyValue(name);
const mailto = (c: ICAL.Component, name: string) => String(prop(c, name)).replace(/^mailto:/i, '');
const startOf = (c: ICAL.Component) => new ICAL.Event(c).startDate;
/** The TZID parameter of DTSTART (none for a UTC time). */
const tzidOf = (c: ICAL.Component) => c.getFirstProperty('dtstart')?.getParameter('tzid');
const uidOf = (interviewId: string) => `interview-${interviewId}@scorecard.example.com`;
const kitLink = (interviewId: string) => `${PUBLIC_URL}/interviews/${interviewId}`;

describe('calendar invitations (through a real SMTP server)', () => {
  let t: TestApp;
  let smtp: TestMailServer;
  let g: Given;
  let ines: Member;
  let mateo: Member;
  let opening: FocusedOpening;

  beforeAll(async () => {
    smtp = await startMailServer();
    t = await startTestApp({
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Scorecard Hiring <hiring@scorecard.test>',
      PUBLIC_URL,
      JOB_POLL_SECONDS: '0.5',
    });
    g = await given(t, 'Calendar Co');
    opening = await g.opening({ title: 'Tech Lead' });
    ines = await g.member({ name: 'Ines Interviewer' });
    mateo = await g.member({ name: 'Mateo Interviewer' });
    await setTimeZone(ines, 'Europe/Berlin');
    await setTimeZone(mateo, 'America/New_York');
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const setTimeZone = (m: Member, zone: string) =>
    t.db.query(`update users set time_zone = $1 where id = $2`, [zone, m.user.id]);

  /** A new application of Noor Haddad, with an interview of the first step for `interviewer`. */
  async function schedule(interviewer: Member, extra: Parameters<Given['scheduledInterview']>[0]['extra'] = {}) {
    const application = await g.application();
    return g.scheduledInterview({ application, interviewer, startsAt: hoursFromNow(50), extra });
  }

  const update = (i: Interview, body: Record<string, unknown>) =>
    apiOf(t)
      .as(g.recruiter)
      .call('updateInterview', { params: { id: i.id }, body: { ...body, revision: i.revision } });

  const calendarEmailsTo = async (m: Member) =>
    (await emailsOf(t, g.session.organization.id)).filter(
      (e) => e.kind === 'calendar_invitation' && e.to_address.includes(m.user.email),
    );

  it('scheduling emails the interviewer a REQUEST in their time zone, with the kit link, the place and the video link', async () => {
    const interview = await schedule(ines, { location: 'Room 4', videoLink: 'meet.example.com/abc-defg' });
    const step = interview.step.name;
    const mail = await smtp.waitFor(ines.user.email, (m) => m.subject === `Interview: Noor Haddad – ${step}`);

    const ics = invitationIn(mail);
    expect(ics.method).toBe('REQUEST');
    expect(prop(ics.event, 'uid')).toBe(uidOf(interview.id));
    expect(prop(ics.event, 'sequence')).toBe(interview.revision);
    expect(prop(ics.event, 'status')).toBe('CONFIRMED');
    expect(prop(ics.event, 'summary')).toBe(`Interview: Noor Haddad – ${step}`);
    expect(prop(ics.event, 'location')).toBe('Room 4');
    expect(prop(ics.event, 'description')).toContain(
      `Interview kit (questions, rubric and your scorecard): ${kitLink(interview.id)}`,
    );
    expect(prop(ics.event, 'description')).toContain('Video link: https://meet.example.com/abc-defg');
    expect(mailto(ics.event, 'organizer')).toBe('hiring@scorecard.test');
    expect(mailto(ics.event, 'attendee')).toBe(ines.user.email);
    // In the interviewer's zone, with its definition, and the same instant as scheduled.
    const start = startOf(ics.event);
    expect(tzidOf(ics.event)).toBe('Europe/Berlin');
    expect(ics.zones).toEqual(['Europe/Berlin']);
    expect(start.toJSDate().toISOString()).toBe(interview.startsAt);
    expect(new ICAL.Event(ics.event).endDate.toJSDate().toISOString()).toBe(interview.endsAt);
    // Mail clients offer to add it: a text/calendar alternative that names its method.
    expect(mail.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);

    // The body says when and where, in the interviewer's zone, and links the kit.
    const berlin = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Berlin',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(interview.startsAt));
    expect(mail.text).toContain(`${berlin}–`);
    expect(mail.text).toContain('(Europe/Berlin)');
    expect(mail.text).toContain('Room 4');
    expect(mail.text).toContain(kitLink(interview.id));
    expect(mail.html).toContain(`href="${kitLink(interview.id)}"`);
    expect(mail.text).toContain('Calendar Co');
  });

  it('a reschedule sends an updated REQUEST: same UID, higher SEQUENCE, the new time', async () => {
    const interview = await schedule(ines);
    const first = invitationIn(await smtp.waitFor(ines.user.email, (m) => m.text.includes(interview.id)));
    const moved = await update(interview, { startsAt: hoursFromNow(74), durationMinutes: 90 });
    const mail = await smtp.waitFor(
      ines.user.email,
      (m) => m.subject.startsWith('Updated: ') && m.text.includes(interview.id),
    );
    const ics = invitationIn(mail);
    expect(ics.method).toBe('REQUEST');
    expect(prop(ics.event, 'uid')).toBe(prop(first.event, 'uid'));
    expect(Number(prop(ics.event, 'sequence'))).toBeGreaterThan(Number(prop(first.event, 'sequence')));
    expect(prop(ics.event, 'sequence')).toBe(moved.revision);
    expect(startOf(ics.event).toJSDate().toISOString()).toBe(moved.startsAt);
    expect(new ICAL.Event(ics.event).endDate.toJSDate().toISOString()).toBe(moved.endsAt);

    // A change a calendar does not show (only when feedback is due) sends nothing.
    const before = (await calendarEmailsTo(ines)).length;
    await update(moved, { feedbackDueAt: hoursFromNow(200) });
    expect(await calendarEmailsTo(ines)).toHaveLength(before);
  });

  it('a new interviewer gets a REQUEST and the previous one a CANCEL of the same event', async () => {
    const interview = await schedule(ines);
    await smtp.waitFor(ines.user.email, (m) => m.text.includes(interview.id) && !m.subject.startsWith('Cancelled'));
    const reassigned = await update(interview, { interviewerId: mateo.user.id });

    const cancel = await smtp.waitFor(
      ines.user.email,
      (m) =>
        m.subject.startsWith('Cancelled: ') &&
        invitationIn(m).method === 'CANCEL' &&
        prop(invitationIn(m).event, 'uid') === uidOf(interview.id),
    );
    const old = invitationIn(cancel);
    expect(prop(old.event, 'status')).toBe('CANCELLED');
    expect(prop(old.event, 'sequence')).toBe(reassigned.revision);
    expect(mailto(old.event, 'attendee')).toBe(ines.user.email);

    const request = await smtp.waitFor(mateo.user.email, (m) => m.text.includes(interview.id));
    const ics = invitationIn(request);
    expect(ics.method).toBe('REQUEST');
    expect(prop(ics.event, 'uid')).toBe(uidOf(interview.id));
    expect(mailto(ics.event, 'attendee')).toBe(mateo.user.email);
    // The new interviewer's own zone.
    expect(tzidOf(ics.event)).toBe('America/New_York');
    expect(startOf(ics.event).toJSDate().toISOString()).toBe(interview.startsAt);
    expect(request.text).toContain('(America/New_York)');
  });

  it('a cancellation sends METHOD:CANCEL with STATUS:CANCELLED and the same UID', async () => {
    const interview = await schedule(ines);
    await smtp.waitFor(ines.user.email, (m) => m.text.includes(interview.id));
    const cancelled = await apiOf(t)
      .as(g.recruiter)
      .call('cancelInterview', { params: { id: interview.id }, body: { revision: interview.revision } });
    const mail = await smtp.waitFor(
      ines.user.email,
      (m) => m.subject.startsWith('Cancelled: ') && prop(invitationIn(m).event, 'uid') === uidOf(interview.id),
    );
    const ics = invitationIn(mail);
    expect(ics.method).toBe('CANCEL');
    expect(prop(ics.event, 'status')).toBe('CANCELLED');
    expect(prop(ics.event, 'sequence')).toBe(cancelled.revision);
    expect(mail.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=CANCEL/i);
  });

  it('an interviewer who turned calendar invitations off gets none, and the others still do', async () => {
    const olga = await g.member({ name: 'Olga Optout' });
    await t.db.query(`update users set email_opt_outs = '{calendar_invitation}' where id = $1`, [olga.user.id]);
    const interview = await schedule(olga);
    await update(interview, { startsAt: hoursFromNow(80) });
    expect(await calendarEmailsTo(olga)).toEqual([]);
    // Still sent to someone who wants them, and nothing reached Olga meanwhile.
    const other = await schedule(mateo);
    await smtp.waitFor(mateo.user.email, (m) => m.text.includes(other.id));
    expect(smtp.to(olga.user.email)).toEqual([]);
  });

  it('a refused schedule or change sends nothing', async () => {
    const before = (await calendarEmailsTo(ines)).length;
    const application = await g.application();
    // An interviewer who is not an active member: refused, no invitation.
    const gone = await g.member({ name: 'Gone Member' });
    await apiOf(t)
      .as(g.admin)
      .call('updateUser', { params: { id: gone.user.id }, body: { active: false } });
    await apiOf(t)
      .as(g.recruiter)
      .call('scheduleInterview', {
        params: { id: application.id },
        body: { stepKey: opening.steps[0]!.key, interviewerId: gone.user.id, startsAt: hoursFromNow(30) },
      })
      .expect(400);
    // A change on a stale revision: refused, no update.
    const interview = await schedule(ines);
    await apiOf(t)
      .as(g.recruiter)
      .call('updateInterview', {
        params: { id: interview.id },
        body: { startsAt: hoursFromNow(90), revision: interview.revision + 5 },
      })
      .expect(409);
    const emails = await calendarEmailsTo(ines);
    expect(emails).toHaveLength(before + 1); // the one invitation of the interview scheduled above
    expect(await calendarEmailsTo(gone)).toEqual([]);
  });

  it('writes its email in the change’s transaction: a change that fails after it sends nothing', async () => {
    const interview = await schedule(ines);
    const before = (await calendarEmailsTo(ines)).length;
    const organizationId = g.session.organization.id;
    const db = t.app.get(Db);
    await expect(
      db.asTenant(organizationId, () =>
        db.transaction(async (m) => {
          await t.app.get(CalendarInvitationsService).cancelled(organizationId, interview.id, m);
          throw new Error('the change fails after its invitation was written');
        }),
      ),
    ).rejects.toThrow('the change fails');
    expect(await calendarEmailsTo(ines)).toHaveLength(before);
  });

  it('an interview that has already ended (recorded after the fact) sends no invitation', async () => {
    const before = (await calendarEmailsTo(ines)).length;
    const application = await g.application();
    await g.scheduledInterview({ application, interviewer: ines, startsAt: hoursAgo(5) });
    expect(await calendarEmailsTo(ines)).toHaveLength(before);
  });
});

describe('the private calendar feed', () => {
  let t: TestApp;
  let g: Given;
  let fay: Member;
  let gus: Member;
  const interviews: Record<'upcoming' | 'cancelled' | 'recent' | 'old' | 'gus', Interview> = {} as never;

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL, JOB_POLL_SECONDS: '0.5' });
    g = await given(t, 'Feed Co');
    await g.opening({ title: 'Tech Lead' });
    fay = await g.member({ name: 'Fay Feed' });
    gus = await g.member({ name: 'Gus Other' });
    await t.db.query(`update users set time_zone = 'Asia/Tokyo' where id = $1`, [fay.user.id]);
    const at = async (who: Member, startsAt: string) =>
      g.scheduledInterview({ application: await g.application(), interviewer: who, startsAt });
    interviews.upcoming = await at(fay, hoursFromNow(30));
    const toCancel = await at(fay, hoursFromNow(60));
    interviews.cancelled = await apiOf(t)
      .as(g.recruiter)
      .call('cancelInterview', { params: { id: toCancel.id }, body: { revision: toCancel.revision } });
    interviews.recent = await at(fay, hoursFromNow(-10 * 24));
    interviews.old = await at(fay, hoursFromNow(-70 * 24));
    interviews.gus = await at(gus, hoursFromNow(30));
  });
  afterAll(() => t.close());

  const as = (m: Member) => apiOf(t).as(m);
  const fetchFeed = (url: string) => t.http().get(new URL(url).pathname);

  it('is off until turned on; turning it on answers a webcal link once, and the state says since when', async () => {
    expect(await as(fay).call('getCalendarFeed')).toEqual({ enabled: false, since: null });
    const link = await as(fay).call('enableCalendarFeed');
    expect(link.webcalUrl).toMatch(/^webcal:\/\/scorecard\.example\.com\/api\/v1\/calendar-feeds\/[\w-]{43}\.ics$/);
    expect(link.httpsUrl).toBe(link.webcalUrl.replace(/^webcal:/, 'https:'));
    const state = await as(fay).call('getCalendarFeed');
    expect(state).toEqual({ enabled: true, since: link.since });
    // Only the token's SHA-256 is stored.
    const token = /calendar-feeds\/([\w-]+)\.ics$/.exec(link.httpsUrl)![1]!;
    const rows = (await t.db.query(
      `select token_hash = sha256(convert_to($1, 'utf8')) as hashed, data::text as data, expires_at
         from user_tokens where purpose = 'calendar_feed' and user_id = $2`,
      [token, fay.user.id],
    )) as { hashed: boolean; data: string; expires_at: Date | null }[];
    expect(rows).toEqual([{ hashed: true, data: '{}', expires_at: null }]);
  });

  it('lists the user’s interviews from 60 days back in their time zone, cancelled ones marked, with the invitations’ UIDs', async () => {
    const link = await as(fay).call('enableCalendarFeed');
    const res = await fetchFeed(link.httpsUrl).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar; charset=utf-8/);
    expect(res.headers['cache-control']).toBe('private, max-age=300');
    const feed = parseCalendar(res.text);
    expect(feed.method).toBe('PUBLISH');
    const byUid = new Map(feed.events.map((e) => [prop(e, 'uid'), e]));
    expect([...byUid.keys()].sort()).toEqual(
      [interviews.upcoming, interviews.cancelled, interviews.recent].map((i) => uidOf(i.id)).sort(),
    );
    const upcoming = byUid.get(uidOf(interviews.upcoming.id))!;
    expect(prop(upcoming, 'status')).toBe('CONFIRMED');
    expect(prop(upcoming, 'sequence')).toBe(interviews.upcoming.revision);
    expect(tzidOf(upcoming)).toBe('Asia/Tokyo');
    expect(startOf(upcoming).toJSDate().toISOString()).toBe(interviews.upcoming.startsAt);
    expect(prop(upcoming, 'description')).toContain(kitLink(interviews.upcoming.id));
    expect(prop(upcoming, 'summary')).toBe(`Interview: Noor Haddad – ${interviews.upcoming.step.name}`);
    const cancelled = byUid.get(uidOf(interviews.cancelled.id))!;
    expect(prop(cancelled, 'status')).toBe('CANCELLED');
    expect(prop(cancelled, 'sequence')).toBe(interviews.cancelled.revision);
  });

  it('never shows another member’s interviews; each member’s own feed shows theirs', async () => {
    const link = await as(gus).call('enableCalendarFeed');
    const feed = parseCalendar((await fetchFeed(link.httpsUrl).expect(200)).text);
    expect(feed.events.map((e) => prop(e, 'uid'))).toEqual([uidOf(interviews.gus.id)]);
  });

  it('a reset link ends the old one; turning the feed off ends the link; unknown links are 404 problems', async () => {
    const first = await as(fay).call('enableCalendarFeed');
    await fetchFeed(first.httpsUrl).expect(200);
    const second = await as(fay).call('enableCalendarFeed');
    expect(second.httpsUrl).not.toBe(first.httpsUrl);
    const old = await fetchFeed(first.httpsUrl).expect(404);
    expect(old.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(old.body).toMatchObject({ status: 404, code: 'not_found' });
    await fetchFeed(second.httpsUrl).expect(200);

    await as(fay).call('disableCalendarFeed');
    expect(await as(fay).call('getCalendarFeed')).toEqual({ enabled: false, since: null });
    await fetchFeed(second.httpsUrl).expect(404);
    // Turning off twice is fine; made-up links are simply not found.
    await as(fay).call('disableCalendarFeed');
    await t.http().get('/api/v1/calendar-feeds/not-a-token.ics').expect(404);
    await t
      .http()
      .get(`/api/v1/calendar-feeds/${'A'.repeat(43)}.ics`)
      .expect(404);
    await t
      .http()
      .get(`/api/v1/calendar-feeds/${'A'.repeat(43)}`)
      .expect(404);
  });

  it('a deactivated member’s feed is gone', async () => {
    const hal = await g.member({ name: 'Hal Leaving' });
    const link = await as(hal).call('enableCalendarFeed');
    await fetchFeed(link.httpsUrl).expect(200);
    await apiOf(t)
      .as(g.admin)
      .call('updateUser', { params: { id: hal.user.id }, body: { active: false } });
    await fetchFeed(link.httpsUrl).expect(404);
  });

  it('keeps organizations apart: another organization’s member sees only their own, and the settings need a session', async () => {
    const other = await given(t, 'Other Feed Co');
    await other.opening();
    const ola = await other.member({ name: 'Ola Elsewhere' });
    const theirs = await other.scheduledInterview({
      application: await other.application(),
      interviewer: ola,
      startsAt: hoursFromNow(30),
    });
    const link = await apiOf(t).as(ola).call('enableCalendarFeed');
    const feed = parseCalendar((await fetchFeed(link.httpsUrl).expect(200)).text);
    expect(feed.events.map((e) => prop(e, 'uid'))).toEqual([uidOf(theirs.id)]);
    // Fay's feed state is her own, untouched by Ola's.
    expect((await as(fay).call('getCalendarFeed')).enabled).toBe(false);
    await apiOf(t).anonymous.call('getCalendarFeed').expect(401);
    await apiOf(t).anonymous.call('enableCalendarFeed').expect(401);
  });
});
