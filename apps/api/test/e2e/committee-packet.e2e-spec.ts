import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Application, Meeting, Recommendation } from '@scorecard/contracts';
import { candidateCode } from '@scorecard/domain';
import { extractText, getDocumentProxy, getMeta } from 'unpdf';
import type { Response } from 'supertest';
import type { FocusedOpening } from '../support/factories.js';
import { flagOf, given, scorecardContent, type Given, type Member, type ScorecardContent } from '../support/given.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();
let g: Given;
let hm: Member, lukasz: Member, sam: Member, ivo: Member, outsider: Member;
let opening: FocusedOpening;
let a: Application;
let foreignApplication: Application;

const NAME = 'Zoë Chen-Ngô';
const EMAIL = `zoe.chen.${randomUUID().slice(0, 8)}@example.org`;
const PHONE = '+1 (415) 555-0100';
const GITHUB = 'https://github.com/zoechenngo';

/** What Łukasz wrote: the name, the company, the school, contacts and pronouns, all of which anonymising takes out. */
const LUKASZ_EVIDENCE =
  'Zoë walked us through her sharding plan at Globex; she had studied it at Stanford. Chen-Ngô’s code is at github.com/zoechenngo, and she can be reached at ' +
  EMAIL +
  '.';
const SAM_EVIDENCE = 'Ms. Chen could not explain how he or she would test the rollback.';
const FLAG_EVIDENCE = 'She blamed her previous team for the outage.';
const RATIONALE = 'Hold until Zoë’s reference from Globex comes back.';

/** Every criterion of the first step rated `rating` with `evidence`, and the recommendation. */
function rated(rating: 1 | 2 | 3 | 4, recommendation: Recommendation, evidence: string): Partial<ScorecardContent> {
  return {
    ratings: opening.focus
      .flatMap((c) => c.criteria)
      .map((c, i) => ({ criterionKey: c.key, rating, evidence: `${evidence} [${i + 1}]` })),
    recommendation,
  };
}

/** The packet's text, read back from the PDF with a real extractor, and its response. */
async function packet(
  who: { token: string },
  query: Record<string, string> = {},
  id = a.id,
): Promise<{ res: Response; text: string; pages: number; title: string }> {
  const res = await g.api
    .as(who)
    .raw('getCommitteePacket', { params: { id }, query })
    .buffer(true)
    .parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
  expect(res.status).toBe(200);
  const bytes = res.body as Buffer;
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text, totalPages } = await extractText(pdf, { mergePages: true });
  const meta = await getMeta(pdf);
  return { res, text, pages: totalPages, title: String((meta.info as { Title?: string }).Title ?? '') };
}

/** Compared without whitespace: lines wrap anywhere in a PDF. */
const squash = (s: string) => s.replace(/\s+/g, '');
const has = (text: string, part: string) => squash(text).includes(squash(part));

/** How many audit events and feedback views the organization has: a refused request adds neither. */
async function footprint() {
  const [row] = (await t.db.query(
    `select (select count(*)::int from audit_events where organization_id = $1) as audit,
            (select count(*)::int from feedback_views where organization_id = $1) as views`,
    [g.session.organization.id],
  )) as { audit: number; views: number }[];
  return row!;
}

beforeAll(async () => {
  g = await given(t, 'Packet Co');
  [hm, lukasz, sam, ivo, outsider] = await Promise.all([
    g.member({ role: 'hiring_manager', name: 'Hana Manager' }),
    g.member({ name: 'Łukasz Nowak' }),
    g.member({ name: 'Sam Severe' }),
    g.member({ name: 'Ivo Drafting' }),
    g.member({ name: 'Otto Outsider' }),
  ]);
  opening = await g.opening({
    title: 'Tech Lead, Payments',
    update: { hiringManagerId: hm.user.id, codingSharePct: 40 },
  });
  a = await g.application({
    candidate: {
      name: NAME,
      email: EMAIL,
      phone: PHONE,
      currentTitle: 'Staff Engineer',
      currentCompany: 'Globex',
      links: { linkedin: '', github: GITHUB, blog: '', talks: '' },
    },
    stages: ['screen', 'interviews'],
  });
  const concern = flagOf(opening, 'concern');
  await g.submittedScorecard({
    application: a,
    interviewer: lukasz,
    content: {
      ...rated(4, 'strong_yes', LUKASZ_EVIDENCE),
      redFlags: [{ flagKey: concern.key, evidence: FLAG_EVIDENCE }],
      summary: 'Zoë is the strongest tech lead we have seen; her mentoring stories were concrete.',
    },
  });
  const samCard = await g.submittedScorecard({
    application: a,
    interviewer: sam,
    content: { ...rated(2, 'no', SAM_EVIDENCE), summary: 'Not convinced on testing.' },
  });
  // Sam later raises his first rating: the packet prints the first submission, the amendment beside it.
  const first = opening.focus[0]!.criteria[0]!.key;
  await g.api.as(sam).call('amendScorecard', {
    params: { id: samCard.id },
    body: {
      ...scorecardContent(opening, { ...rated(2, 'no', SAM_EVIDENCE), summary: 'Not convinced on testing.' }),
      ratings: rated(2, 'no', SAM_EVIDENCE).ratings!.map((r) => (r.criterionKey === first ? { ...r, rating: 3 } : r)),
      reason: 'Re-read my notes: the rollback answer was better than I wrote.',
      revision: samCard.revision,
    },
  });
  await g.savedScorecard({ application: a, interviewer: ivo, content: rated(3, 'yes', 'Draft notes') });
  a = await g.move(a, 'debrief');

  // A finished debrief meeting: two silent rounds, Sam moves toward the others on the first competency.
  const as = (who: { token: string }) => g.api.as(who);
  const m = (await as(hm).call('startMeeting', { params: { id: a.id } })) as Meeting;
  const c1 = m.competencies[0]!.key;
  const ballot = (round: 1 | 2, recommendation: Recommendation, first: number) => ({
    params: { id: m.id },
    body: {
      round,
      recommendation,
      ratings: m.competencies.map((c) => ({ competencyKey: c.key, rating: c.key === c1 ? first : 3 })),
    },
  });
  await as(hm).call('castMeetingVote', ballot(1, 'yes', 3));
  await as(lukasz).call('castMeetingVote', ballot(1, 'strong_yes', 4));
  await as(sam).call('castMeetingVote', ballot(1, 'no', 1));
  await as(hm).call('openMeetingRoundTwo', { params: { id: m.id } });
  await as(hm).call('castMeetingVote', ballot(2, 'yes', 3));
  await as(lukasz).call('castMeetingVote', ballot(2, 'strong_yes', 4));
  await as(sam).call('castMeetingVote', ballot(2, 'yes', 3));

  await as(hm).call('decide', {
    params: { id: a.id },
    body: { decision: 'hold', rationale: RATIONALE, revision: a.revision },
  });
  const elsewhere = await given(t, 'Elsewhere Co');
  await elsewhere.opening({ title: 'Their opening' });
  foreignApplication = await elsewhere.application();
});

describe('the committee packet', () => {
  it('is a PDF attachment, never cached, named after the candidate', async () => {
    const { res, pages } = await packet(hm);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="committee-packet-zo_-chen-ng_-\d{4}-\d{2}-\d{2}\.pdf"/);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('committee-packet-zoë-chen-ngô')}`);
    expect((res.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pages).toBeGreaterThan(1);
  });

  it('holds every section, in reading order, with the organization, the time and page numbers', async () => {
    const { text, pages } = await packet(hm);
    const sections = [
      'Role profile',
      'Rubric and its anchors',
      'Combined score',
      'Disagreements',
      'Evidence gaps',
      'Red flags',
      'Scorecards',
      'Debrief meeting',
      'Decision',
    ];
    // Each heading found after the one before it ("Decision authority" in the profile is not the decision).
    let from = 0;
    for (const s of sections) {
      const i = text.indexOf(s, from);
      expect([s, i >= 0]).toEqual([s, true]);
      from = i + s.length;
    }
    expect(text).toContain('Packet Co');
    expect(squash(text)).toMatch(/Generated\d{4}-\d{2}-\d{2}\d{2}:\d{2}UTCbyHanaManager/);
    expect(has(text, `Page 1 of ${pages}`)).toBe(true);
    expect(has(text, `Page ${pages} of ${pages}`)).toBe(true);
  });

  it('prints names outside WinAnsi as written (Zoë Chen-Ngô, Łukasz Nowak), not mangled', async () => {
    const { text, title } = await packet(hm);
    expect(text).toContain(NAME);
    expect(text).toContain('Łukasz Nowak');
    expect(title).toContain(NAME);
  });

  it('shows the role profile, the rubric with its anchors, and the compensation band to the hiring team', async () => {
    const { text } = await packet(hm);
    expect(text).toContain('Tech Lead, Payments');
    expect(has(text, '40% of the time')).toBe(true);
    expect(text).toContain('Compensation band');
    const criterion = opening.competencies[0]!.criteria[0]!;
    expect(has(text, criterion.title)).toBe(true);
    for (const anchor of criterion.anchors) expect(has(text, anchor)).toBe(true);
  });

  it('gives the combined score with its standard error and coverage: 4s and 2s make 3.0 ± 1.0', async () => {
    // Łukasz's own overall is 4, Sam's 2: mean 3, SD √2, SE √2 / √2 = 1.
    const { text } = await packet(hm);
    expect(has(text, 'Overall 3.0 ± 1.0')).toBe(true);
    expect(has(text, 'From 2 scorecards, whose own overalls range from 2.0 to 4.0 (spread 2)')).toBe(true);
    // The first step rates the rubric's first two competencies: their share of the weights.
    const weights = opening.competencies.map((c) => c.weight);
    const covered = (weights[0]! + weights[1]!) / weights.reduce((x, y) => x + y, 0);
    expect(has(text, `It covers ${Math.round(covered * 100)}% of the rubric’s weight`)).toBe(true);
  });

  it('lists the disagreements, the evidence gaps, the red flags with their evidence, and the decision', async () => {
    const { text } = await packet(hm);
    expect(has(text, 'The panel is split')).toBe(true);
    expect(has(text, `Competency: ${opening.focus[0]!.name}`)).toBe(true);
    // The third and fourth competencies were rated by nobody.
    expect(has(text, `${opening.competencies[3]!.name}: nobody rated it`)).toBe(true);
    expect(has(text, `Concern: ${flagOf(opening, 'concern').description}`)).toBe(true);
    expect(has(text, `Łukasz Nowak: ${FLAG_EVIDENCE}`)).toBe(true);
    expect(has(text, 'Hold')).toBe(true);
    expect(has(text, RATIONALE)).toBe(true);
    expect(has(text, 'Recorded by Hana Manager')).toBe(true);
  });

  it('prints each submitted scorecard with its ratings, anchors, evidence and recommendation; never a draft', async () => {
    const { text } = await packet(hm);
    expect(has(text, `${LUKASZ_EVIDENCE} [1]`)).toBe(true);
    expect(has(text, `${SAM_EVIDENCE} [1]`)).toBe(true);
    expect(has(text, 'Recommendation: Strong yes')).toBe(true);
    expect(has(text, 'Recommendation: No.')).toBe(true);
    expect(has(text, `${opening.focus[0]!.criteria[0]!.title}: 4 of 4`)).toBe(true);
    expect(has(text, `Anchor: ${opening.focus[0]!.criteria[0]!.anchors[3]}`)).toBe(true);
    expect(text).not.toContain('Draft notes');
    // Ivo's unsubmitted interview is listed as pending, with no scorecard of his.
    expect(text).not.toContain(': Ivo Drafting');
    expect(has(text, 'Ivo Drafting: due')).toBe(true);
  });

  it('prints the debrief meeting: both rounds, each member’s votes, who moved and toward whom, and the timings', async () => {
    const { text } = await packet(hm);
    expect(has(text, 'Hosted by Hana Manager')).toBe(true);
    expect(has(text, 'Panel: Hana Manager, Łukasz Nowak, Sam Severe')).toBe(true);
    expect(squash(text)).toMatch(
      /Round1\(silentvote\):opened.*?,revealed.*?;3votes\(HanaManager,ŁukaszNowak,SamSevere\)/,
    );
    expect(squash(text)).toMatch(/Round2\(silentvote\):opened.*?,revealed.*?;3votes/);
    // First competency: Sam 1 → 3 against the others' first-round mean (3 + 4) / 2 = 3.5: toward.
    expect(has(text, `${opening.competencies[0]!.name}: 1 toward, 0 away, 2 stayed`)).toBe(true);
    expect(has(text, 'Sam Severe 1 3 3.50 Toward the others')).toBe(true);
    // The recommendation: Sam No → Yes, against (Yes + Strong yes) / 2 = 3.5: toward.
    expect(has(text, 'Sam Severe No Yes 3.50 Toward the others')).toBe(true);
  });

  it('prints an amended scorecard as first submitted, with the amendment, who made it, why and what it changed', async () => {
    const { text } = await packet(hm);
    const criterion = opening.focus[0]!.criteria[0]!.title;
    expect(has(text, `${criterion}: 2 of 4 (amended to 3 of 4)`)).toBe(true);
    expect(has(text, 'Amended by Sam Severe on')).toBe(true);
    expect(has(text, 'Why: Re-read my notes: the rollback answer was better than I wrote.')).toBe(true);
    expect(has(text, `${criterion}: 2 of 4 → 3 of 4`)).toBe(true);
    // The figures read the first submission: Sam's 2s still make the overall 3.0.
    expect(has(text, 'Overall 3.0 ± 1.0')).toBe(true);
  });

  it('records each download in the audit log: who, and which application', async () => {
    const before = await footprint();
    await packet(hm);
    const [event] = (await t.db.query(
      `select action, entity_type, entity_id, actor_user_id from audit_events
        where organization_id = $1 order by occurred_at desc, id desc limit 1`,
      [g.session.organization.id],
    )) as Record<string, string>[];
    expect(event).toEqual({
      action: 'getCommitteePacket',
      entity_type: 'application',
      entity_id: a.id,
      actor_user_id: hm.user.id,
    });
    expect((await footprint()).audit).toBe(before.audit + 1);
  });
});

describe('the anonymised packet', () => {
  let text: string;
  let res: Response;
  let title: string;
  const code = () => candidateCode(a.id);

  beforeAll(async () => {
    ({ text, res, title } = await packet(hm, { anonymise: 'true', redact: 'Stanford, MIT' }));
  });

  it('names the candidate by a stable code derived from the application, in the text, the title and the file name', async () => {
    expect(code()).toMatch(/^C-[0-9A-F]{5}$/);
    expect(text).toContain(`Candidate ${code()}`);
    expect(title).toContain(`Candidate ${code()}`);
    expect(String(res.headers['content-disposition'])).toBe(
      `attachment; filename="committee-packet-${code()}.pdf"; filename*=UTF-8''committee-packet-${code()}.pdf`,
    );
    const again = await packet(hm, { anonymise: 'true' });
    expect(again.text).toContain(`Candidate ${code()}`);
  });

  it('holds no part of the name, the company, the email, the phone, the link or the school anywhere', async () => {
    // Name parts as words (any case, any script): "Ngo" may sit inside "ongoing" without naming anyone.
    for (const part of ['Zoë', 'Zoe', 'Chen', 'Ngô', 'Ngo']) {
      expect([part, new RegExp(`(?<!\\p{L})${part}(?!\\p{L})`, 'iu').test(text)]).toEqual([part, false]);
    }
    for (const hidden of ['Globex', EMAIL, 'zoechenngo', '555-0100', 'Stanford']) {
      expect([hidden, text.toLowerCase().includes(hidden.toLowerCase())]).toEqual([hidden, false]);
    }
    expect(String(res.headers['content-disposition']).toLowerCase()).not.toContain('zo');
    // The raw bytes too (metadata is not compressed).
    expect((res.body as Buffer).toString('latin1')).not.toMatch(/Chen|Globex/);
  });

  it('replaces the gendered pronouns in the free text, and keeps the evidence and the interviewers’ names', async () => {
    expect(has(text, `Łukasz Nowak: They blamed their previous team for the outage.`)).toBe(true);
    expect(
      has(
        text,
        `Candidate ${code()} walked us through their sharding plan at [current company]; they had studied it at [redacted]. Candidate ${code()}’s code is at [link removed], and they can be reached at [email removed]. [1]`,
      ),
    ).toBe(true);
    expect(has(text, `Candidate ${code()} could not explain how they or they would test the rollback. [1]`)).toBe(true);
    expect(has(text, `Hold until Candidate ${code()}’s reference from [current company] comes back.`)).toBe(true);
    expect(has(text, 'Staff Engineer')).toBe(true);
    expect(text).toContain('Łukasz Nowak');
    expect(text).toContain('Sam Severe');
    expect(has(text, 'with 2 more terms named by the reader')).toBe(true);
  });
});

describe('who may read the packet', () => {
  it('an interviewer with a draft, or who never scored, gets the debrief’s 403 (independence rule)', async () => {
    for (const who of [ivo, outsider]) {
      const [pdf, debrief] = await Promise.all([
        g.api
          .as(who)
          .call('getCommitteePacket', { params: { id: a.id }, query: {} })
          .expect(403),
        g.api
          .as(who)
          .call('getDebrief', { params: { id: a.id }, query: {} })
          .expect(403),
      ]);
      expect(pdf.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(pdf.body).toMatchObject({ code: 'forbidden', detail: (debrief.body as { detail: string }).detail });
    }
  });

  it('an interviewer who submitted reads it, without the compensation band', async () => {
    const { text } = await packet(lukasz);
    expect(text).toContain(NAME);
    expect(text).not.toContain('Compensation band');
  });

  it('an application of another organization, or none, answers 404', async () => {
    for (const id of [foreignApplication.id, randomUUID()]) {
      const res = await g.api.as(hm).call('getCommitteePacket', { params: { id }, query: {} }).expect(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });
});

describe('the packet’s query is validated, and a refused request changes nothing', () => {
  it.each([
    ['anonymise that is not a boolean', { anonymise: 'maybe' }, 'anonymise'],
    ['terms to redact without anonymise', { redact: 'Stanford' }, 'redact'],
    ['a one-letter term', { anonymise: 'true', redact: 'Stanford,X' }, 'redact.1'],
    [
      'more than 20 terms',
      { anonymise: 'true', redact: Array.from({ length: 21 }, (_, i) => `School ${i}`).join(',') },
      'redact',
    ],
    ['an unknown parameter', { anonymise: 'true', school: 'MIT' }, ''],
  ])('%s: 400 problem+json naming the field', async (_what, query, path) => {
    const before = await footprint();
    const res = await g.api
      .as(hm)
      .raw('getCommitteePacket', { params: { id: a.id }, query })
      .expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: 'validation_failed' });
    if (path) expect((res.body as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain(path);
    expect(await footprint()).toEqual(before);
  });
});

describe('long text', () => {
  it('wraps long evidence and unbroken strings across pages without losing any of it', async () => {
    const b = await g.application({ candidate: { name: 'Ana Ruiz' }, stages: ['screen', 'interviews'] });
    const long = `START ${'The rollout plan covered canaries, metrics and a rollback drill. '.repeat(55)}${'x'.repeat(300)} END`;
    await g.submittedScorecard({
      application: b,
      interviewer: lukasz,
      content: {
        ratings: opening.focus
          .flatMap((c) => c.criteria)
          .map((c) => ({ criterionKey: c.key, rating: 3, evidence: long.slice(0, 4000) })),
        recommendation: 'yes',
      },
    });
    const { text, pages } = await packet(hm, {}, b.id);
    expect(pages).toBeGreaterThan(3);
    expect(has(text, 'x'.repeat(300))).toBe(true);
    expect(squash(text).split('START').length - 1).toBe(opening.focus.flatMap((c) => c.criteria).length);
    expect(has(text, 'No debrief meeting was finished for this application.')).toBe(true);
    expect(has(text, 'No decision is recorded yet.')).toBe(true);
  });
});
