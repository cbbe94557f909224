import type { INestApplicationContext } from '@nestjs/common';
import { TECH_LEAD_KEYS } from '../modules/library/tech-lead-kit.js';
import { QualificationRepository } from '../modules/qualification/qualification.repository.js';
import { QualificationService } from '../modules/qualification/qualification.service.js';
import { ScorecardsService } from '../modules/scorecards/scorecards.service.js';
import { UsersService } from '../modules/users/users.service.js';
import { Db } from './db.js';
import type { DemoContext, Step } from './demo-context.js';
import { DEMO_PASSWORD } from './seed-demo.js';

/** The demo's shadowing interviewer (not in DEMO_USERS: the password is the demo's, the README names him). */
export const DEMO_SHADOW = { email: 'interviewer5@acme.test', name: 'Theo Nakamura', timeZone: 'Asia/Tokyo' } as const;

/** The interview Theo shadowed: Ines Okafor's system design interview of Tomasz Nowak, now in debrief. */
const SHADOWED = { candidateEmail: 'tomasz.nowak@example.com', leadEmail: 'interviewer1@acme.test', step: 0 } as const;

const Q = TECH_LEAD_KEYS.criteria;

/** Theo's ratings: close to Ines's, a point lower where a new interviewer tends to hold back. */
const THEO_RATINGS: Record<string, [1 | 2 | 3 | 4, string]> = {
  [Q.systemDesign]: [4, 'Asked about latency and retention before drawing; split ingestion from the query store.'],
  [Q.tradeOffs]: [
    3,
    'Explained the managed column store choice and its cost; I wanted more on how they would leave it.',
  ],
  [Q.handsOnCode]: [3, 'Wrote the back-pressure handling himself; described the tests and the canary.'],
  [Q.productionDebugging]: [
    3,
    'Found pool starvation after a retry storm with dashboards, then a staging reproduction.',
  ],
  [Q.audiences]: [2, 'Clear to the on-call engineer; the analyst version leaned on jargon.'],
};

/**
 * Issue 24 §5 in the demo: Theo Nakamura (interviewer5@acme.test) joined as a new interviewer and
 * is shadowing every competency of the Tech Lead kit. He sat beside Ines Okafor in Tomasz Nowak's
 * system design interview (a qualified lead: everyone who was there before qualification is
 * qualified) and submitted his shadow scorecard: one shadow session of the two he needs. The
 * debrief shows it labelled "Shadow", and it counts in none of its figures.
 *
 * The pairing is written through the repository because the seed runs after Ines submitted (in
 * the story, the recruiter added Theo when scheduling; the product refuses a pairing once the
 * lead's scorecard is in). Theo's scorecard goes through the scorecards service like any other.
 */
export async function seedDemoQualification(
  app: INestApplicationContext,
  step: Step,
  demo: DemoContext,
): Promise<void> {
  const db = app.get(Db);
  const users = app.get(UsersService);
  const qualification = app.get(QualificationService);
  const repo = app.get(QualificationRepository);
  const scorecards = app.get(ScorecardsService);
  const organizationId = demo.hiringManager.organizationId;
  const admin = demo.byEmail.get('admin@acme.test')!;
  const lead = demo.byEmail.get(SHADOWED.leadEmail)!;

  const theo = await step(async () => {
    const user = await users.createMember({
      organizationId,
      name: DEMO_SHADOW.name,
      email: DEMO_SHADOW.email,
      role: 'interviewer',
      password: DEMO_PASSWORD,
    });
    await db.query(`update users set time_zone = $3 where organization_id = $1 and id = $2`, [
      organizationId,
      user.id,
      DEMO_SHADOW.timeZone,
    ]);
    return user;
  });
  await step(() =>
    qualification.startTraining(admin, theo.id, { competencyKeys: Object.values(TECH_LEAD_KEYS.competencies) }),
  );

  const seatId = await step(async () => {
    const [interview] = await db.query<{ id: string }[]>(
      `select i.id
         from interviews i
         join applications a on a.organization_id = i.organization_id and a.id = i.application_id
         join candidates c on c.organization_id = a.organization_id and c.id = a.candidate_id
         join openings o on o.organization_id = a.organization_id and o.id = a.opening_id
        where i.organization_id = $1 and c.email = $2 and i.interviewer_id = $3 and i.status = 'scheduled'
          and i.step_key = (o.plan -> 'steps' -> $4::int ->> 'key')::uuid
        order by i.starts_at limit 1`,
      [organizationId, SHADOWED.candidateEmail, lead.userId, SHADOWED.step],
    );
    if (!interview) throw new Error('demo qualification: the interview Theo shadowed is missing');
    const target = await repo.lockSeatTarget(organizationId, interview.id, db.manager);
    return repo.addSeat(
      organizationId,
      target!,
      { interviewerId: theo.id, mode: 'shadow', by: demo.recruiter.userId },
      db.manager,
    );
  });

  const asTheo = { ...lead, userId: theo.id, name: theo.name, email: theo.email, role: 'interviewer' as const };
  const kit = await step(() => scorecards.kit(asTheo, seatId));
  const asked = kit.competencies.flatMap((c) => c.criteria.map((cr) => cr.key));
  const missing = asked.filter((key) => !THEO_RATINGS[key]);
  if (missing.length > 0) throw new Error(`demo qualification: Theo's scorecard misses ${missing.join(', ')}`);
  const saved = await step(() =>
    scorecards.save(asTheo, kit.scorecard!.id, {
      ratings: asked.map((criterionKey) => ({
        criterionKey,
        rating: THEO_RATINGS[criterionKey]![0],
        evidence: THEO_RATINGS[criterionKey]![1],
      })),
      redFlags: [],
      recommendation: 'yes',
      summary:
        'My first shadow session. A strong design interview; I would hire, with a question mark on how he adapts to a non-technical audience.',
      notes: 'Watch how Ines lets silences run before the follow-up question.',
      revision: kit.scorecard!.revision,
    }),
  );
  await step(() => scorecards.submit(asTheo, saved.id, { revision: saved.revision, confirmContradiction: false }));
}
