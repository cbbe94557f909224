import type { INestApplicationContext } from '@nestjs/common';
import type { Interview } from '@scorecard/contracts';
import { InterviewsService } from '../modules/interviews/interviews.service.js';
import { Db } from './db.js';
import { DAY, type DemoContext, type Step } from './demo-context.js';

/** The candidate whose application shows scheduling details on first start (in Screen). */
export const DEMO_SCHEDULING_CANDIDATE = 'Sofia Marquez';

/**
 * Scheduling on first start (slice E of issue 19): Sofia Marquez, in Screen on the open Tech Lead
 * opening, has an interview in two days at 09:00 Berlin time with Priya Raman, in a room and with a
 * video link (typed without https://, completed by the contract), and one that was scheduled with
 * Jonas Weber and then cancelled, so her application's timeline shows both kinds of event and the
 * list says "Scheduled" for the one that has not started. Lukas Brandt (12 days in Applied) is the
 * board's stuck card under the default limit of 7 days.
 */
export async function seedDemoScheduling(app: INestApplicationContext, step: Step, demo: DemoContext): Promise<void> {
  const db = app.get(Db);
  const interviews = app.get(InterviewsService);
  const recruiter = demo.recruiter;
  const [target] = await step(() =>
    db.query<{ application_id: string; plan: { steps: { key: string; kind?: string }[] } }[]>(
      `select a.id as application_id, o.plan
         from applications a
         join candidates c on c.organization_id = a.organization_id and c.id = a.candidate_id
         join openings o on o.organization_id = a.organization_id and o.id = a.opening_id
        where a.organization_id = $1 and c.name = $2 and o.status = 'open'
        order by a.created_at
        limit 1`,
      [recruiter.organizationId, DEMO_SCHEDULING_CANDIDATE],
    ),
  );
  if (!target) return;
  const steps = target.plan.steps.filter((s) => (s.kind ?? 'assessment') === 'assessment');
  const priya = demo.byEmail.get('interviewer3@acme.test');
  const jonas = demo.byEmail.get('interviewer4@acme.test');
  if (steps.length < 2 || !priya || !jonas) return;

  // Two days from now at 09:00 in Berlin (08:00 UTC in winter, 07:00 in summer: Berlin's own offset).
  const day = new Date(Date.now() + 2 * DAY);
  const berlinNoonOffset = berlinOffsetHours(day);
  const startsAt = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 9 - berlinNoonOffset));

  await step(() =>
    interviews.schedule(recruiter, target.application_id, {
      stepKey: steps[0]!.key,
      interviewerId: priya.userId,
      startsAt: startsAt.toISOString(),
      durationMinutes: 60,
      timeZone: 'Europe/Berlin',
      location: 'Room Spree, 3rd floor',
      videoLink: 'https://meet.example.com/sofia-marquez-screen',
    }),
  );
  const cancelled: Interview = await step(() =>
    interviews.schedule(recruiter, target.application_id, {
      stepKey: steps[1]!.key,
      interviewerId: jonas.userId,
      startsAt: new Date(startsAt.getTime() + DAY).toISOString(),
      durationMinutes: 45,
      timeZone: 'Europe/Berlin',
    }),
  );
  await step(() => interviews.cancel(recruiter, cancelled.id, { revision: cancelled.revision }));
}

/** Berlin's offset from UTC (hours) on `d`. */
function berlinOffsetHours(d: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', hour: 'numeric', hourCycle: 'h23' })
    .formatToParts(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 12)))
    .find((p) => p.type === 'hour');
  return Number(parts?.value ?? 13) - 12;
}
