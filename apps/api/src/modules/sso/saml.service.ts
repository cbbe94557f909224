import { Injectable } from '@nestjs/common';

/**
 * SAML 2.0 service provider (@node-saml/node-saml): metadata, the AuthnRequest redirect, the ACS
 * (signed assertions, audience, recipient, time window, replay). Filled by the SAML slice.
 */
@Injectable()
export class SamlService {
  /** The identity provider's sign-in address with a fresh AuthnRequest, for the organization. */
  async authorizeUrl(_organizationId: string, _slug: string, _relayState: string): Promise<string> {
    throw new Error('SAML is not built yet');
  }
}
