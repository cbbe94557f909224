import { Module } from '@nestjs/common';
import { SignInModule } from '../sign-in/sign-in.module.js';
import { UsersModule } from '../users/users.module.js';
import { FederatedSignInService } from './federated-sign-in.service.js';
import { SamlService } from './saml.service.js';
import { SsoConnectionsRepository } from './sso-connections.repository.js';
import { SsoPolicy } from './sso-policy.service.js';

/** Single sign-on: the organization's OpenID Connect or SAML connection, sign-in through it, just-in-time accounts. */
@Module({
  imports: [SignInModule, UsersModule],
  controllers: [],
  providers: [SsoPolicy, SsoConnectionsRepository, FederatedSignInService, SamlService],
  exports: [SsoPolicy],
})
export class SsoModule {}
