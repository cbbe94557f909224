import { randomUUID } from 'node:crypto';
import * as samlify from 'samlify';
import { generate } from 'selfsigned';
import type { TestApp } from './test-app.js';

/**
 * A real SAML 2.0 identity provider in the test process: samlify's IdentityProvider, with its own
 * RSA key pair and self-signed certificate (selfsigned), signing real assertions (RSA-SHA256,
 * exclusive c14n) for the service provider described by our own metadata.
 *
 * samlify insists on an XML schema validator before it parses any message; the IdP side of the
 * tests uses one that accepts everything (the service provider under test is what must be strict).
 */
samlify.setSchemaValidator({ validate: () => Promise.resolve('skipped') });

const NAMEID_EMAIL = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
const NAMEID_PERSISTENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';

export interface SamlAnswer {
  /** The NameID; an email unless `nameIdFormat` says persistent. */
  nameId: string;
  nameIdFormat?: 'email' | 'persistent';
  /** Attribute statements: name → value. */
  attributes?: Record<string, string>;
  /** Overrides of what a correct IdP would put there, for the bad cases. */
  audience?: string;
  recipient?: string;
  destination?: string;
  /** Minutes from now: when it was issued (default 0) and until when it holds (default +5). */
  issuedAtMinutes?: number;
  validForMinutes?: number;
  /** The InResponseTo of an SP-initiated answer (the AuthnRequest's ID). */
  inResponseTo?: string;
}

export interface SamlIdp {
  entityId: string;
  /** The (fake) sign-in address an AuthnRequest is sent to. */
  ssoUrl: string;
  /** The certificate an admin copies into Scorecard (PEM). */
  certificate: string;
  /** A base64 `<samlp:Response>` with a signed assertion, as the IdP would POST it to the ACS. */
  respond(spMetadataXml: string, answer: SamlAnswer): Promise<string>;
  /** The AuthnRequest an HTTP-Redirect URL carries, as this IdP parses it (ID, issuer, ACS). */
  readRequest(
    spMetadataXml: string,
    redirectUrl: string,
  ): Promise<{ id: string; issuer: string; assertionConsumerServiceUrl: string }>;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function attributeStatement(attributes: Record<string, string>): string {
  const entries = Object.entries(attributes);
  if (entries.length === 0) return '';
  return (
    '<saml:AttributeStatement>' +
    entries
      .map(
        ([name, value]) =>
          `<saml:Attribute Name="${escapeXml(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified">` +
          `<saml:AttributeValue xsi:type="xs:string">${escapeXml(value)}</saml:AttributeValue></saml:Attribute>`,
      )
      .join('') +
    '</saml:AttributeStatement>'
  );
}

/** An identity provider; `entityId` may be shared with another one to forge its assertions with another key. */
export async function startSamlIdp(
  entityId = `https://idp-${randomUUID().slice(0, 8)}.example.test/saml`,
): Promise<SamlIdp> {
  const pems = await generate([{ name: 'commonName', value: new URL(entityId).hostname }], {
    keySize: 2048,
    algorithm: 'sha256',
  });
  const ssoUrl = `${new URL(entityId).origin}/sso/saml`;
  const idp = samlify.IdentityProvider({
    entityID: entityId,
    privateKey: pems.private,
    signingCert: pems.cert,
    nameIDFormat: [NAMEID_EMAIL],
    singleSignOnService: [{ Binding: samlify.Constants.namespace.binding.redirect, Location: ssoUrl }],
    singleLogoutService: [{ Binding: samlify.Constants.namespace.binding.redirect, Location: `${ssoUrl}/logout` }],
  });

  return {
    entityId,
    ssoUrl,
    certificate: pems.cert,
    async respond(spMetadataXml, answer) {
      const sp = samlify.ServiceProvider({ metadata: spMetadataXml });
      const issued = new Date(Date.now() + (answer.issuedAtMinutes ?? 0) * 60_000);
      const until = new Date(issued.getTime() + (answer.validForMinutes ?? 5) * 60_000);
      const acs = sp.entityMeta.getAssertionConsumerService('post') as string;
      const { context } = await idp.createLoginResponse(
        sp,
        { extract: {} },
        'post',
        { email: answer.nameId },
        {
          customTagReplacement: (template) => {
            const id = `_${randomUUID()}`;
            // The attribute statement is XML: put it in before the escaping substitution of the values.
            let xml = template.replace('{AttributeStatement}', attributeStatement(answer.attributes ?? {}));
            if (!answer.inResponseTo) xml = xml.replace(/ InResponseTo="\{InResponseTo\}"/g, '');
            xml = samlify.SamlLib.replaceTagsByValue(xml, {
              ID: id,
              AssertionID: `_${randomUUID()}`,
              Destination: answer.destination ?? acs,
              Audience: answer.audience ?? sp.entityMeta.getEntityID(),
              SubjectRecipient: answer.recipient ?? acs,
              Issuer: entityId,
              IssueInstant: issued.toISOString(),
              StatusCode: samlify.Constants.StatusCode.Success,
              ConditionsNotBefore: issued.toISOString(),
              ConditionsNotOnOrAfter: until.toISOString(),
              SubjectConfirmationDataNotOnOrAfter: until.toISOString(),
              NameIDFormat: answer.nameIdFormat === 'persistent' ? NAMEID_PERSISTENT : NAMEID_EMAIL,
              NameID: answer.nameId,
              InResponseTo: answer.inResponseTo ?? '',
              AuthnStatement:
                `<saml:AuthnStatement AuthnInstant="${issued.toISOString()}" SessionIndex="_${randomUUID()}">` +
                '<saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport' +
                '</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>',
            });
            return { id, context: xml };
          },
        },
      );
      return context;
    },
    async readRequest(spMetadataXml, redirectUrl) {
      const sp = samlify.ServiceProvider({ metadata: spMetadataXml });
      const url = new URL(redirectUrl);
      const { extract } = (await idp.parseLoginRequest(sp, 'redirect', {
        query: Object.fromEntries(url.searchParams),
        octetString: url.search.slice(1),
      } as never)) as unknown as {
        extract: { request: { id: string; assertionConsumerServiceUrl: string }; issuer: string };
      };
      return {
        id: extract.request.id,
        issuer: extract.issuer,
        assertionConsumerServiceUrl: extract.request.assertionConsumerServiceUrl,
      };
    },
  };
}

/**
 * Turns on a SAML connection for an organization, with this IdP's entity id, sign-in address and
 * certificate. Written as the database owner until the SSO settings API exists (the OIDC slice builds it).
 */
export async function givenSamlConnection(
  t: TestApp,
  organizationId: string,
  idp: Pick<SamlIdp, 'entityId' | 'ssoUrl' | 'certificate'>,
  options: { allowedDomains?: string[]; defaultRole?: string; enabled?: boolean } = {},
): Promise<{ slug: string }> {
  await t.db.query(
    `insert into sso_connections (organization_id, protocol, enabled, saml_entry_point, saml_idp_issuer,
                                  saml_idp_certificate, allowed_domains, default_role)
     values ($1, 'saml', $2, $3, $4, $5, $6, $7)
     on conflict (organization_id) do update
       set protocol = excluded.protocol, enabled = excluded.enabled, saml_entry_point = excluded.saml_entry_point,
           saml_idp_issuer = excluded.saml_idp_issuer, saml_idp_certificate = excluded.saml_idp_certificate,
           allowed_domains = excluded.allowed_domains, default_role = excluded.default_role`,
    [
      organizationId,
      options.enabled ?? true,
      idp.ssoUrl,
      idp.entityId,
      idp.certificate,
      options.allowedDomains ?? ['example.test'],
      options.defaultRole ?? 'interviewer',
    ],
  );
  const [org] = (await t.db.query(`select slug from organizations where id = $1`, [organizationId])) as {
    slug: string;
  }[];
  if (!org) throw new Error('no such organization');
  return { slug: org.slug };
}
