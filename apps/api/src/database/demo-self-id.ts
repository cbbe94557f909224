import type { INestApplicationContext } from '@nestjs/common';
import { Db } from './db.js';
import type { DemoContext, Step } from './demo-context.js';
import { PAST_OPENING_TITLE } from './demo-history.js';
import { SelfIdRepository } from '../modules/self-id/self-id.repository.js';
import { SelfIdService } from '../modules/self-id/self-id.service.js';

/** Race or ethnicity answers handed out in turn, so some groups are large enough to report and some not. */
const RACES = [
  'white',
  'asian',
  'white',
  'black',
  'asian',
  'white',
  'hispanic_latino',
  'black',
  'white',
  'asian',
  'two_or_more',
  'white',
] as const;

/**
 * Issue 24 in the demo: voluntary self-identification on the past opening's 30 candidates, so that
 * Analytics → Adverse impact reports real ratios. Their answers are seeded straight into the store
 * (they answered through links long ago); the split is chosen from each application's outcome so
 * that, at the debrief → offer step, women are selected at under four fifths of men's rate (a flag),
 * "another answer" is too few to report, and three candidates preferred not to say. One current
 * candidate also gets a link by email, so the candidate page and the Email log show one.
 */
export async function seedDemoSelfId(app: INestApplicationContext, step: Step, demo: DemoContext): Promise<void> {
  const db = app.get(Db);
  const repo = app.get(SelfIdRepository);
  const org = demo.recruiter.organizationId;
  await step(async () => {
    const rows = await db.query<{ candidate_id: string; offered: boolean }[]>(
      `select a.candidate_id,
              exists (select 1 from application_moves m
                       where m.organization_id = a.organization_id and m.application_id = a.id
                         and m.to_stage in ('offer', 'hired')) as offered
         from applications a
         join openings o on o.organization_id = a.organization_id and o.id = a.opening_id
        where a.organization_id = $1 and o.title = $2
        order by a.created_at, a.id`,
      [org, PAST_OPENING_TITLE],
    );
    const offered = rows.filter((r) => r.offered).map((r) => r.candidate_id);
    const declined = rows.filter((r) => !r.offered).map((r) => r.candidate_id);
    const take = (from: string[], n: number) => from.splice(0, Math.min(n, from.length));
    // A third of the offers go to women, who are almost half of those asked.
    const womenOffered = Math.ceil(offered.length / 3);
    const sex = new Map<string, string | null>();
    for (const id of take(offered, womenOffered)) sex.set(id, 'female');
    for (const id of take(declined, 12 - womenOffered)) sex.set(id, 'female');
    for (const id of take(declined, 2)) sex.set(id, 'another');
    for (const id of take(declined, 3)) sex.set(id, null);
    for (const id of [...offered, ...declined]) sex.set(id, 'male');

    let turn = 0;
    for (const { candidate_id: id } of rows) {
      const answer = sex.get(id) ?? null;
      // Those who preferred not to say did so for every question.
      if (answer === null) continue;
      const race = RACES[turn++ % RACES.length]!;
      await repo.replaceAnswers(org, id, [
        ['race_ethnicity', race],
        ['sex', answer],
      ]);
    }
    // Answered when they applied, not today.
    await db.query(
      `update self_id_answers s set answered_at = c.created_at + interval '2 days'
         from candidates c
        where s.organization_id = $1 and c.organization_id = s.organization_id and c.id = s.candidate_id`,
      [org],
    );
  });

  // A link emailed to one current candidate (the most recent one who applied to an open opening).
  await step(async () => {
    const [current] = await db.query<{ candidate_id: string }[]>(
      `select a.candidate_id from applications a
         join openings o on o.organization_id = a.organization_id and o.id = a.opening_id
        where a.organization_id = $1 and o.status = 'open'
        order by a.created_at desc, a.id limit 1`,
      [org],
    );
    if (current) await app.get(SelfIdService).createLink(demo.recruiter, current.candidate_id, { sendEmail: true });
  });
}
