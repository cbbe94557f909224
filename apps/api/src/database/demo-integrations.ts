import type { INestApplicationContext } from '@nestjs/common';
import { ApiTokensService } from '../modules/api-tokens/api-tokens.service.js';
import { WebhooksService } from '../modules/webhooks/webhooks.service.js';
import type { DemoContext, Step } from './demo-context.js';

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
}
