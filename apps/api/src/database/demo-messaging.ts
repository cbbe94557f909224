import type { INestApplicationContext } from '@nestjs/common';
import { InvitationsService } from '../modules/invitations/invitations.service.js';
import { RemindersService } from '../modules/reminders/reminders.service.js';
import type { DemoContext, Step } from './demo-context.js';

/** Someone invited who has not accepted yet: the users list shows them as Invited. */
export const DEMO_INVITEE = { name: 'Noor Haddad', email: 'noor@acme.test', role: 'interviewer' as const };

/**
 * What issue 21 adds to the demo: an open invitation (its email in the Email log), and the
 * scorecard reminders already due for the demo's overdue scorecards, so Settings → Email log shows
 * invitations, calendar invitations (sent while the demo scheduled its interviews) and reminders on
 * first start. Without SMTP_URL every one of them is held there.
 */
export async function seedDemoMessaging(app: INestApplicationContext, step: Step, demo: DemoContext): Promise<void> {
  const admin = demo.byEmail.get('admin@acme.test')!;
  await step(() => app.get(InvitationsService).createUser(admin, DEMO_INVITEE));
  await app.get(RemindersService).sweep();
}
