import type { INestApplicationContext } from '@nestjs/common';
import { ApiTokensService } from '../modules/api-tokens/api-tokens.service.js';
import { ScorecardImportService } from '../modules/integrations/scorecard-import.service.js';
import { WebhooksService } from '../modules/webhooks/webhooks.service.js';
import { Db } from './db.js';
import { DAY, type DemoContext, type Step } from './demo-context.js';
import { PAST_OPENING_TITLE } from './seed-demo.js';

/** Where the demo's webhook endpoint sends: the example receiver's address in docs/INTEGRATIONS.md. */
export const DEMO_WEBHOOK_URL = 'http://localhost:4000/hooks/scorecard';

/**
 * What issue 23 adds to the demo: a read-only API token of the kind a data warehouse uses, and a
 * webhook endpoint of the kind a chat tool uses, with a test event in its delivery log. Nothing
 * listens on the endpoint's address on a demo machine, so its delivery log shows attempts failing
 * and being retried, as a failing endpoint's does; running the example receiver there shows them
 * arrive (for signatures, add an endpoint of your own: a secret is shown only when it is made).
 * Added last, so the seeding of the rest of the demo sends no events.
 */
export async function seedDemoIntegrations(app: INestApplicationContext, step: Step, demo: DemoContext): Promise<void> {
  const admin = demo.byEmail.get('admin@acme.test')!;
  await step(() =>
    app.get(ApiTokensService).create(admin, {
      name: 'Data warehouse export',
      scopes: ['openings:read', 'candidates:read', 'applications:read', 'scorecards:read', 'decisions:read'],
    }),
  );
  const endpoint = await step(() =>
    app.get(WebhooksService).create(admin, {
      url: DEMO_WEBHOOK_URL,
      events: ['application.moved', 'scorecard.submitted', 'decision.recorded'],
      description: 'Hiring channel in the team chat',
    }),
  );
  await step(() => app.get(WebhooksService).sendTest(admin, endpoint.id));
  await seedImportedScorecards(app, step, demo);
}

/** Where the demo's imported scorecards come from. */
export const DEMO_IMPORT_SOURCE = 'greenhouse';

/**
 * Two scorecards imported from the organization's previous ATS, on two rejected candidates of the
 * closed opening (the first by name) that the panel rated here too, each written by another of the
 * panel and two points harsher on every criterion. Calibration leaves them out until "Count
 * scorecards imported from another system" is ticked, and then the offsets move; the debriefs
 * count them and label them "Imported".
 */
async function seedImportedScorecards(app: INestApplicationContext, step: Step, demo: DemoContext): Promise<void> {
  const admin = demo.byEmail.get('admin@acme.test')!;
  const db = app.get(Db);
  const rated = await step(() =>
    db.query<
      {
        id: string;
        application_id: string;
        step_key: string;
        interviewer_id: string;
        submitted_at: Date;
        ratings: { criterionKey: string; rating: number }[];
      }[]
    >(
      `select distinct on (c.name) s.id, s.application_id, i.step_key, s.interviewer_id, s.submitted_at,
              (select json_agg(json_build_object('criterionKey', r.criterion_key, 'rating', r.rating)
                               order by r.criterion_key)
                 from scorecard_ratings r
                where r.organization_id = s.organization_id and r.scorecard_id = s.id and r.rating is not null) as ratings
         from scorecards s
         join interviews i on i.organization_id = s.organization_id and i.id = s.interview_id
         join applications a on a.organization_id = s.organization_id and a.id = s.application_id
         join candidates c on c.organization_id = a.organization_id and c.id = a.candidate_id
         join openings o on o.organization_id = a.organization_id and o.id = a.opening_id
         join users u on u.organization_id = s.organization_id and u.id = s.interviewer_id
        where s.organization_id = $1 and o.title = $2 and a.stage = 'rejected' and s.status = 'submitted'
          and s.imported_at is null and not s.shadow and i.step_kind = 'assessment'
          and exists (select 1 from scorecard_ratings r
                       where r.organization_id = s.organization_id and r.scorecard_id = s.id and r.rating is not null)
        order by c.name, u.name, i.starts_at
        limit 2`,
      [admin.organizationId, PAST_OPENING_TITLE],
    ),
  );
  for (const [n, card] of rated.entries()) {
    const author = demo.interviewerIds.find((id) => id !== card.interviewer_id)!;
    await step(() =>
      app.get(ScorecardImportService).import(admin, {
        applicationId: card.application_id,
        interviewerId: author,
        stepKey: card.step_key,
        source: DEMO_IMPORT_SOURCE,
        externalId: `gh-scorecard-${1041 + n}`,
        submittedAt: new Date(card.submitted_at.getTime() - DAY).toISOString(),
        ratings: card.ratings.map((r) => ({
          criterionKey: r.criterionKey,
          rating: Math.max(1, r.rating - 2) as 1 | 2 | 3 | 4,
          evidence: 'Imported from Greenhouse: the notes were kept in the other system.',
        })),
        redFlags: [],
        recommendation: 'no',
        summary: 'Imported from the previous ATS. Interviewed for the same role before the move to Scorecard.',
      }),
    );
  }
}
