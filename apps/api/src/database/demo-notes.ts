import type { INestApplicationContext } from '@nestjs/common';
import type { DemoContext, Step } from './demo-context.js';
import { Db } from './db.js';

/** The demo's notes on candidates: who wrote them (recruiter or hiring manager), and how long ago. */
const NOTES: { candidate: string; by: 'recruiter' | 'hiringManager'; daysAgo: number; body: string }[] = [
  {
    candidate: 'Tomasz Nowak',
    by: 'recruiter',
    daysAgo: 9,
    body: 'Referred by Priya. Wants to stay hands-on: about 60% coding. Notice period is two months.',
  },
  {
    candidate: 'Tomasz Nowak',
    by: 'hiringManager',
    daysAgo: 1,
    body: 'Debrief on Thursday. Ask the panel about the stakeholder interview: the notes are thin there.',
  },
  {
    candidate: 'Amara Nwosu',
    by: 'recruiter',
    daysAgo: 6,
    body: 'Has a competing offer; expects an answer within two weeks.',
  },
  {
    candidate: 'Rosa Delgado',
    by: 'recruiter',
    daysAgo: 2,
    body: 'Prefers afternoon interviews (Europe/Madrid).\nSent the CV over LinkedIn; uploaded it here.',
  },
  {
    candidate: 'Grace Adeyemi',
    by: 'hiringManager',
    daysAgo: 3,
    body: 'Strong open-source track record; check the mentoring examples in the onsite.',
  },
];

/**
 * Notes on a few demo candidates, and believable times for the demo's interviews: the seed
 * schedules them all at seeding time, so each one's "scheduled" moment moves back to an hour after
 * the application entered Interviews (or two days before the interview, whichever is later), always
 * at least an hour before the interview and never after it was really created. Deterministic and set-based: two statements.
 */
export async function seedDemoNotes(app: INestApplicationContext, step: Step, demo: DemoContext): Promise<void> {
  const db = app.get(Db);
  const org = demo.recruiter.organizationId;
  await step(async () => {
    await db.query(
      `insert into candidate_notes (organization_id, candidate_id, body, author_id, created_at)
       select $1, c.id, n.body, n.author_id, now() - make_interval(days => n.days_ago) - interval '3 hours'
         from jsonb_to_recordset($2::jsonb) as n (candidate text, author_id uuid, days_ago integer, body text)
         join candidates c on c.organization_id = $1 and c.name = n.candidate`,
      [
        org,
        JSON.stringify(
          NOTES.map((n) => ({
            candidate: n.candidate,
            author_id: demo[n.by].userId,
            days_ago: n.daysAgo,
            body: n.body,
          })),
        ),
      ],
    );
    await db.query(
      `update interviews i
          set created_at = least(i.created_at, i.starts_at - interval '1 hour', greatest(i.starts_at - interval '2 days', (
                select max(mv.moved_at) + interval '1 hour' from application_moves mv
                 where mv.organization_id = i.organization_id and mv.application_id = i.application_id
                   and mv.to_stage = 'interviews' and mv.moved_at <= i.starts_at)))
        where i.organization_id = $1`,
      [org],
    );
  });
}
