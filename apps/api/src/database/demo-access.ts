import type { INestApplicationContext } from '@nestjs/common';
import { ScimTokensService } from '../modules/scim/scim-tokens.service.js';
import { SsoSettingsService } from '../modules/sso/sso-settings.service.js';
import type { DemoContext, Step } from './demo-context.js';

/**
 * What issue 22 adds to the demo: an OpenID Connect connection filled in but turned off (there is
 * no identity provider on a demo machine: turning it on would send "Sign in with SSO" to a site
 * that does not exist), with the break-glass admin chosen, and a SCIM token, so Settings → Single
 * sign-on and Settings → Provisioning show what a configured organization sees. Two-factor stays off
 * for every demo login, so each signs in with the password alone.
 */
export async function seedDemoAccess(app: INestApplicationContext, step: Step, demo: DemoContext): Promise<void> {
  const admin = demo.byEmail.get('admin@acme.test')!;
  await step(() =>
    app.get(SsoSettingsService).update(admin, {
      protocol: 'oidc',
      enabled: false,
      oidcIssuer: 'https://acme-robotics.okta.com',
      oidcClientId: '0oa1demoScorecardClient',
      oidcClientSecret: 'demo-client-secret-not-a-real-one',
      allowedDomains: ['acme.test'],
      defaultRole: 'interviewer',
      requireSso: false,
      breakGlassUserId: admin.userId,
    }),
  );
  await step(() => app.get(ScimTokensService).create(admin, { name: 'Okta provisioning' }));
}
