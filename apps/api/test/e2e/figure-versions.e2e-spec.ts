import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Application, Interview } from '@scorecard/contracts';
import { Db } from '../../src/database/db.js';
import { CalibrationRepository } from '../../src/modules/analytics/calibration.repository.js';
import type { Slice } from '../../src/modules/analytics/slice-sql.js';
import { calibrationFigures } from '../../src/modules/analytics/analytics.service.js';
import type { FocusedOpening } from '../support/factories.js';
import { given, type Given, type Member } from '../support/given.js';
import { useTestApp } from '../support/test-app.js';
import { DAY } from '../support/time.js';

/**
 * The calibration's answer is kept per data version (issue 25 §2: `figure_versions`, bumped by
 * triggers in the transaction of every write that can change a figure; `FigureCache` in the API).
 * Each test warms every slice (organization, opening, opening with imports, opening over dates),
 * makes one write the way the product makes it, and then every slice's answer, for two viewers
 * (the admin, who has a draft of their own on one application, and the hiring manager), must equal
 * the calibration recomputed from scratch (the repository's query, no cache) at that moment; and
 * a write that changes the figures must change the answer. A cache that missed a write path would
 * serve the warmed answer and fail here.
 */

const t = useTestApp();
let g: Given;
let opening: FocusedOpening;
let hm: Member, lena: Member, sam: Member, uma: Member, lea: Member, tara: Member;
let a1: Application, a2: Application, a3: Application;
/** The admin's own interview on a2: while its scorecard is a draft, a2 is hidden from the admin's calibration. */
let adminsInterview: Interview;

const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

/** The slices every test checks, as the query the endpoint takes. */
const queries = (): Record<string, Record<string, string>> => ({
  organization: {},
  opening: { openingId: opening.id },
  'opening with imports': { openingId: opening.id, includeImported: 'true' },
  'opening over dates': { openingId: opening.id, from: day(-1), to: day(1) },
});

function sliceOf(q: Record<string, string>): { slice: Slice; includeImported: boolean } {
  return {
    slice: {
      openingId: q.openingId ?? null,
      from: q.from ? new Date(`${q.from}T00:00:00Z`) : null,
      to: q.to ? new Date(new Date(`${q.to}T00:00:00Z`).getTime() + DAY) : null,
    },
    includeImported: q.includeImported === 'true',
  };
}

/** A complete scorecard's ratings, every focus criterion rated `rating` with evidence, and a recommendation that agrees. */
const ratingsOf = (rating: 1 | 2 | 3 | 4) => ({
  ratings: opening.focus
    .flatMap((c) => c.criteria)
    .map((c) => ({ criterionKey: c.key, rating, evidence: 'Seen in the interview.' })),
  recommendation: rating <= 2 ? ('no' as const) : ('yes' as const),
});

const viewers = () => ({ admin: g.admin, hm });

/** Every slice's answer for every viewer, through the API. */
async function answers(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [who, viewer] of Object.entries(viewers())) {
    for (const [name, query] of Object.entries(queries())) {
      out[`${who} / ${name}`] = await g.api.as(viewer).call('getCalibration', { query: query as never });
    }
  }
  return out;
}

/** Every slice's calibration computed from scratch for every viewer: the repository's query and the domain, no cache. */
async function recomputed(): Promise<Record<string, unknown>> {
  const org = g.session.organization.id;
  const db = t.app.get(Db);
  const analytics = t.app.get(CalibrationRepository);
  const out: Record<string, unknown> = {};
  for (const [who, viewer] of Object.entries(viewers())) {
    for (const [name, query] of Object.entries(queries())) {
      const { slice, includeImported } = sliceOf(query);
      const computed = await db.asTenant(org, () => analytics.calibration(org, viewer.user.id, slice, includeImported));
      out[`${who} / ${name}`] = JSON.parse(JSON.stringify(calibrationFigures(computed)));
    }
  }
  return out;
}

/** Warms every answer, makes the write, and checks the answers against a recomputation; answers them before and after. */
async function afterWrite(
  write: () => PromiseLike<unknown>,
): Promise<{ before: Record<string, unknown>; after: Record<string, unknown> }> {
  const before = await answers();
  expect(await answers()).toEqual(before);
  await write();
  const after = await answers();
  expect(after).toEqual(await recomputed());
  return { before, after };
}

/** The organization's data versions, as the owner reads them. */
async function versions(): Promise<unknown[]> {
  return t.db.query(`select scope_id, version from figure_versions where organization_id = $1 order by scope_id`, [
    g.session.organization.id,
  ]);
}

beforeAll(async () => {
  g = await given(t, 'Figure Versions Co');
  [hm, lena, sam, uma, lea, tara] = await Promise.all([
    g.member({ role: 'hiring_manager', name: 'Hana Manager' }),
    g.member({ name: 'Lena Lenient' }),
    g.member({ name: 'Sam Steady' }),
    g.member({ name: 'Uma Usual' }),
    g.member({ name: 'Lea Lead' }),
    g.member({ name: 'Tara Trainee' }),
  ]);
  opening = await g.opening({ update: { hiringManagerId: hm.user.id } });
  a1 = await g.applicationInDebrief({
    panel: [
      { interviewer: sam, content: ratingsOf(2) },
      { interviewer: uma, content: ratingsOf(3) },
    ],
  });
  a2 = await g.applicationInDebrief({
    panel: [
      { interviewer: sam, content: ratingsOf(3) },
      { interviewer: uma, content: ratingsOf(3) },
      { interviewer: lena, content: ratingsOf(4) },
    ],
  });
  a3 = await g.applicationInDebrief({
    candidate: { name: 'Erin Erasable' },
    panel: [
      { interviewer: sam, content: ratingsOf(1) },
      { interviewer: uma, content: ratingsOf(2) },
    ],
  });
  adminsInterview = await g.scheduledInterview({ application: a2, interviewer: g.admin });
});

describe('the calibration answer follows every write that changes it, for every slice and viewer', () => {
  it('starts equal to a recomputation, and the admin’s own draft hides a2 from the admin only', async () => {
    const now = await answers();
    expect(now).toEqual(await recomputed());
    expect(now['admin / opening']).not.toEqual(now['hm / opening']);
  });

  it('a submit', async () => {
    const { before, after } = await afterWrite(() =>
      g.submittedScorecard({ application: a1, interviewer: lena, content: ratingsOf(1) }),
    );
    expect(after['hm / opening']).not.toEqual(before['hm / opening']);
  });

  it('an amendment (first submissions count: the answer stays, and so does every version)', async () => {
    const card = (await g.api.as(lena).call('listApplicationScorecards', { params: { id: a2.id } })).items.find(
      (c) => c.interviewer.id === lena.user.id,
    )!;
    const current = await g.api.as(lena).call('getScorecard', { params: { id: card.id } });
    const held = await versions();
    const { before, after } = await afterWrite(() =>
      g.api.as(lena).call('amendScorecard', {
        params: { id: card.id },
        body: {
          ratings: opening.focus
            .flatMap((c) => c.criteria)
            .map((c) => ({ criterionKey: c.key, rating: 1, evidence: 'Reconsidered.' })),
          redFlags: [],
          recommendation: 'no',
          summary: 'Reconsidered.',
          notes: '',
          reason: 'Reconsidered after the debrief.',
          revision: current.revision,
        },
      }),
    );
    expect(after).toEqual(before);
    expect(await versions()).toEqual(held);
  });

  it('a void (the admin’s interview cancelled: its draft no longer hides a2 from the admin)', async () => {
    const { before, after } = await afterWrite(() =>
      g.api
        .as(g.recruiter)
        .call('cancelInterview', { params: { id: adminsInterview.id }, body: { revision: adminsInterview.revision } }),
    );
    expect(after['admin / opening']).not.toEqual(before['admin / opening']);
    expect(after['admin / opening']).toEqual(after['hm / opening']);
  });

  it('an import (counted only where imports are included)', async () => {
    const { before, after } = await afterWrite(() =>
      g.api.as(g.admin).call('importScorecard', {
        body: {
          applicationId: a3.id,
          interviewerId: lena.user.id,
          stepKey: opening.steps[0]!.key,
          source: 'greenhouse',
          externalId: 'gh-figure-versions',
          submittedAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
          ratings: opening.focus
            .flatMap((c) => c.criteria)
            .map((c) => ({ criterionKey: c.key, rating: 4, evidence: 'From the old ATS.' })),
          redFlags: [],
          recommendation: 'yes',
          summary: 'Imported.',
        },
      }),
    );
    expect(after['hm / opening with imports']).not.toEqual(before['hm / opening with imports']);
    expect(after['hm / opening']).toEqual(before['hm / opening']);
  });

  it('a shadow’s scorecard (counted in no figure)', async () => {
    await g.api.as(g.admin).call('startTraining', {
      params: { id: tara.user.id },
      body: { competencyKeys: opening.focus.map((c) => c.key) },
    });
    const main = await g.scheduledInterview({ application: a1, interviewer: lea });
    const seat = await g.api
      .as(g.recruiter)
      .call('addTrainingSeat', { params: { id: main.id }, body: { mode: 'shadow', interviewerId: tara.user.id } });
    const { before, after } = await afterWrite(() =>
      g.submittedScorecard({ scorecard: seat.scorecard!.id, interviewer: tara }),
    );
    expect(after['hm / opening']).toEqual(before['hm / opening']);
  });

  it('an erasure of the candidate (their ratings stay, so do the figures)', async () => {
    const { before, after } = await afterWrite(() =>
      g.api.as(g.admin).call('eraseCandidate', { params: { id: a3.candidate.id }, body: { confirm: 'Erin Erasable' } }),
    );
    expect(after['hm / opening']).toEqual(before['hm / opening']);
  });

  it('an interviewer renamed', async () => {
    const { before, after } = await afterWrite(() =>
      g.api.as(g.admin).call('updateUser', { params: { id: lena.user.id }, body: { name: 'Lena Renamed' } }),
    );
    expect(JSON.stringify(before['hm / organization'])).not.toContain('Lena Renamed');
    expect(JSON.stringify(after['hm / organization'])).toContain('Lena Renamed');
  });

  it('the organization’s minimum of matched units', async () => {
    const { after } = await afterWrite(() =>
      g.api.as(g.admin).call('updateOrganizationSettings', { body: { calibrationMinUnits: 3 } }),
    );
    expect((after['hm / organization'] as { thresholds: { offsetUnits: number } }).thresholds.offsetUnits).toBe(3);
  });

  it('a write outside the API (the owner moves the interviews out of the date range)', async () => {
    const { before, after } = await afterWrite(() =>
      t.db.query(
        `update interviews set starts_at = starts_at - interval '5 days'
          where organization_id = $1 and application_id = $2`,
        [g.session.organization.id, a1.id],
      ),
    );
    expect(after['hm / opening over dates']).not.toEqual(before['hm / opening over dates']);
    expect(after['hm / opening']).toEqual(before['hm / opening']);
  });
});

describe('what a write costs', () => {
  it('an autosave of a draft bumps no version: only writes that can change a figure do', async () => {
    const application = await g.application({ stages: ['screen', 'interviews'] });
    const interview = await g.scheduledInterview({ application, interviewer: sam });
    const held = await versions();
    const saved = await g.savedScorecard({ scorecard: interview.scorecard!.id, interviewer: sam });
    const again = await g.savedScorecard({ scorecard: saved.id, interviewer: sam, revision: saved.revision });
    expect(await versions()).toEqual(held);
    await g.api.as(sam).call('submitScorecard', { params: { id: again.id }, body: { revision: again.revision } });
    expect(await versions()).not.toEqual(held);
  });
});
