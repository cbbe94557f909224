import { Module } from '@nestjs/common';
import { SignInModule } from '../sign-in/sign-in.module.js';
import { UsersModule } from '../users/users.module.js';
import { FederatedSignInService } from './federated-sign-in.service.js';
import { SamlAssertionsRepository } from './saml-assertions.repository.js';
import { SamlController } from './saml.controller.js';
import { OidcService } from './oidc.service.js';
import { SamlService } from './saml.service.js';
import { SsoConnectionsRepository } from './sso-connections.repository.js';
import { SsoPolicy } from './sso-policy.service.js';
import { SsoSettingsService } from './sso-settings.service.js';
import { SsoSignInController } from './sso-sign-in.controller.js';
import { SsoController } from './sso.controller.js';

/** Single sign-on: the organization's OpenID Connect or SAML connection, sign-in through it, just-in-time accounts. */
@Module({
  imports: [SignInModule, UsersModule],
  controllers: [SamlController, SsoController, SsoSignInController],
  providers: [
    SsoPolicy,
    SsoConnectionsRepository,
    FederatedSignInService,
    SamlService,
    SamlAssertionsRepository,
    SsoSettingsService,
    OidcService,
  ],
  exports: [SsoPolicy],
})
export class SsoModule {}
