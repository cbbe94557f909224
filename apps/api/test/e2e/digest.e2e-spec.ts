import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Application, RejectionReason } from '@scorecard/contracts';
import { DigestService } from '../../src/modules/digests/digest.service.js';
import { apiOf } from '../support/api-client.js';
import { given, type Given, type Member } from '../support/given.js';
import { startMailServer, type TestMailServer } from '../support/smtp.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { DAY, HOUR, hoursAgo } from '../support/time.js';

const PUBLIC_URL = 'https://scorecard.example.com';

/** `hh:mm` UTC on the day after today (UTC): New York is UTC-5 and Tokyo UTC+9 in December. */
function tomorrowAt(hhmm: string, plusDays = 0): Date {
  const d = new Date();
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1 + plusDays, h, m));
}

describe('the hiring managers’ daily digest', () => {
  let t: TestApp;
  let smtp: TestMailServer;
  let g: Given;
  /** Hiring manager in New York with a decision waiting and an overdue scorecard. */
  let nyc: Member;
  /** Hiring manager in Tokyo with a decision waiting. */
  let tokyo: Member;
  /** Hiring manager of an open opening with nothing to report. */
  let idle: Member;
  /** Hiring manager with a decision waiting who turned the digest off. */
  let optedOut: Member;
  let waiting: Application;

  beforeAll(async () => {
    smtp = await startMailServer();
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL, JOB_POLL_SECONDS: '0.5', QUEUE_SCHEDULES: 'false' });
    g = await given(t, 'Digest Co');
    [nyc, tokyo, idle, optedOut] = await Promise.all([
      g.member({ role: 'hiring_manager', name: 'Nia York' }),
      g.member({ role: 'hiring_manager', name: 'Taro Kyo' }),
      g.member({ role: 'hiring_manager', name: 'Ida Idle' }),
      g.member({ role: 'hiring_manager', name: 'Otto Out' }),
    ]);
    const prefs = (m: Member, body: { timeZone?: string; emails?: { digest?: boolean } }) =>
      apiOf(t).as(m).call('updatePreferences', { body });
    await prefs(nyc, { timeZone: 'America/New_York' });
    await prefs(tokyo, { timeZone: 'Asia/Tokyo' });
    await prefs(idle, { timeZone: 'America/New_York' });
    await prefs(optedOut, { timeZone: 'America/New_York', emails: { digest: false } });

    const [ana, ben] = await g.members(2);
    const engineer = await g.opening({ title: 'Staff Engineer', update: { hiringManagerId: nyc.user.id } });
    waiting = await g.applicationInDebrief({
      opening: engineer,
      candidate: { name: 'Grace Hopper' },
      panel: [{ interviewer: ana! }],
    });
    // Interviewed 30 hours ago, feedback due 6 hours ago, still a draft: overdue.
    const late = await g.application({
      opening: engineer,
      candidate: { name: 'Alan Turing' },
      stages: ['screen', 'interviews'],
    });
    await g.scheduledInterview({
      application: late,
      interviewer: ben!,
      startsAt: hoursAgo(30),
      feedbackDueAt: hoursAgo(6),
    });

    // Overdue too, but the candidate was rejected since: not chased (no misfire).
    const gone = await g.application({
      opening: engineer,
      candidate: { name: 'Rejected Person' },
      stages: ['screen', 'interviews'],
    });
    await g.scheduledInterview({
      application: gone,
      interviewer: ben!,
      startsAt: hoursAgo(30),
      feedbackDueAt: hoursAgo(6),
    });
    await g.move(await g.api.as(g.recruiter).call('getApplication', { params: { id: gone.id } }), {
      to: 'rejected',
      reason: RejectionReason.options[0],
      note: '',
    });

    const designer = await g.opening({ title: 'Product Designer', update: { hiringManagerId: tokyo.user.id } });
    await g.applicationInDebrief({
      opening: designer,
      candidate: { name: 'Ada Lovelace' },
      panel: [{ interviewer: ana! }],
    });

    const idleOpening = await g.opening({ title: 'Quiet Role', update: { hiringManagerId: idle.user.id } });
    // An application that waits on nothing (screening) is nothing to report.
    await g.application({ opening: idleOpening, candidate: { name: 'Quiet Candidate' }, stages: ['screen'] });

    const outOpening = await g.opening({ title: 'Opted Out Role', update: { hiringManagerId: optedOut.user.id } });
    await g.applicationInDebrief({
      opening: outOpening,
      candidate: { name: 'Otto Candidate' },
      panel: [{ interviewer: ben! }],
    });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const digestsTo = async (m: Member) =>
    (await t.db.query(
      `select subject, dedupe_key from emails where recipient_id = $1 and kind = 'digest' order by created_at`,
      [m.user.id],
    )) as { subject: string; dedupe_key: string }[];
  const sweep = (at: Date) => t.app.get(DigestService).sweep(at);

  it('is not sent before 08:00 in the hiring manager’s own time zone', async () => {
    // 12:30 UTC: 07:30 in New York, 21:30 in Tokyo.
    expect(await sweep(tomorrowAt('12:30'))).toBe(1);
    expect(await digestsTo(nyc)).toEqual([]);
    const toTokyo = await digestsTo(tokyo);
    expect(toTokyo).toHaveLength(1);
    expect(toTokyo[0]!.subject).toBe('Your Scorecard digest: 1 decision waiting');
  });

  it('lists the decisions waiting and the overdue scorecards with links, from 08:00 local time', async () => {
    // 13:05 UTC: 08:05 in New York.
    const at = tomorrowAt('13:05');
    expect(await sweep(at)).toBe(1);
    const mail = await smtp.waitFor(nyc.user.email, (m) => m.subject.startsWith('Your Scorecard digest'));
    expect(mail.subject).toBe('Your Scorecard digest: 1 decision waiting, 1 scorecard overdue');
    expect(mail.text).toContain('Digest Co');
    expect(mail.text).toMatch(/Grace Hopper, Staff Engineer: in debrief for \d+ (hours|days), 1 of 1 scorecard in\./);
    expect(mail.text).toContain(`${PUBLIC_URL}/applications/${waiting.id}/debrief`);
    expect(mail.text).toMatch(
      /Alan Turing, Staff Engineer \([^)]+\): A interviewer's scorecard, \d+ (hours|days) overdue\./,
    );
    expect(mail.text).not.toContain('Ada Lovelace');
    expect(mail.text).not.toContain('Rejected Person');
    expect(mail.html).toContain('Grace Hopper');
    expect(mail.text).toContain('08:00, America/New_York');
    // An optional email: it says how to stop it.
    expect(mail.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/im);
    const [row] = await digestsTo(nyc);
    const localDate = new Date(at.getTime() - 5 * HOUR).toISOString().slice(0, 10);
    expect(row!.dedupe_key).toBe(`digest:${nyc.user.id}:${localDate}`);
  });

  it('is sent once per local day: a later sweep that day sends nothing, the next day sends again', async () => {
    expect(await sweep(tomorrowAt('13:20'))).toBe(0);
    // 22:45 UTC: 17:45 in New York, 07:45 tomorrow in Tokyo.
    expect(await sweep(tomorrowAt('22:45'))).toBe(0);
    // Two sweeps at once (two instances) still make one digest each.
    const next = tomorrowAt('13:05', 1);
    const counts = await Promise.all([sweep(next), sweep(next)]);
    expect(counts[0]! + counts[1]!).toBe(2);
    expect(await digestsTo(nyc)).toHaveLength(2);
    expect(await digestsTo(tokyo)).toHaveLength(2);
    const days = (await digestsTo(nyc)).map((d) => d.dedupe_key);
    expect(new Set(days).size).toBe(2);
    expect(next.getTime() - tomorrowAt('13:05').getTime()).toBe(DAY);
  });

  it('sends nothing to a hiring manager with nothing to report, or one who turned the digest off', async () => {
    expect(await digestsTo(idle)).toEqual([]);
    expect(await digestsTo(optedOut)).toEqual([]);
    // Turning it back on: the next sweep sends it.
    await apiOf(t)
      .as(optedOut)
      .call('updatePreferences', { body: { emails: { digest: true } } });
    expect(await sweep(tomorrowAt('14:00', 1))).toBe(1);
    const [digest] = await digestsTo(optedOut);
    expect(digest!.subject).toBe('Your Scorecard digest: 1 decision waiting');
    expect(await digestsTo(idle)).toEqual([]);
  });
});
