import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration, type JWK } from 'oidc-provider';

/** A person the test identity provider can sign in. */
export interface IdpAccount {
  email: string;
  name?: string;
  emailVerified?: boolean;
}

export const IDP_CLIENT_ID = 'scorecard';
export const IDP_CLIENT_SECRET = `secret-${randomUUID()}`;
/** A second client of the same provider: its ID tokens have another audience. */
const OTHER_CLIENT_ID = 'another-app';
const OTHER_CLIENT_SECRET = `other-${randomUUID()}`;

function signingKey(): JWK {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...(privateKey.export({ format: 'jwk' }) as JWK), kid: randomUUID(), use: 'sig', alg: 'RS256' };
}

/**
 * A real OpenID provider (oidc-provider, certified) on a free loopback port, for the tests. It signs
 * in whoever `signIn` names without a form (the interaction is finished by the test driver), and can
 * misbehave the ways a broken or hostile provider would: tokens for another audience, tokens already
 * expired (a clock behind), tokens signed with a key its JWKS does not publish.
 */
export class TestIdp {
  readonly issuer: string;
  private accounts = new Map<string, IdpAccount>();
  private readonly main: Provider;
  /** The same issuer and clients with another signing key (what an attacker's provider would sign with). */
  private readonly impostor: Provider;
  private mode: 'normal' | 'other-audience' | 'expired' | 'foreign-key' = 'normal';
  private pendingAccount: string | null = null;

  private constructor(
    private readonly server: Server,
    issuer: string,
    redirectUri: string,
  ) {
    this.issuer = issuer;
    this.main = this.provider(redirectUri);
    this.impostor = this.provider(redirectUri);
  }

  /** Starts a provider whose clients redirect to `redirectUri`. */
  static async start(redirectUri: string): Promise<TestIdp> {
    let handler: (req: IncomingMessage, res: ServerResponse) => void = () => undefined;
    const server = createServer((req, res) => handler(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const idp = new TestIdp(server, `http://127.0.0.1:${port}`, redirectUri);
    handler = (req, res) => void idp.handle(req, res);
    return idp;
  }

  /** The next person to come to the provider (in a real browser, say) is signed in as `account`. */
  willSignIn(account: IdpAccount): void {
    this.accounts.set(account.email, account);
    this.pendingAccount = account.email;
  }

  /** The provider misbehaves this way for the next sign-ins, until `reset`. */
  misbehave(mode: 'other-audience' | 'expired' | 'foreign-key'): void {
    this.mode = mode;
  }

  reset(): void {
    this.mode = 'normal';
  }

  /**
   * Plays the browser: opens the authorization URL, signs `account` in at the provider, and follows
   * its redirects until it sends the browser back to the relying party. Answers that address (the
   * redirect URI with `code` and `state`, or with `error`).
   */
  async signIn(authorizationUrl: string, account: IdpAccount): Promise<URL> {
    this.willSignIn(account);
    let url = new URL(authorizationUrl);
    if (this.mode === 'other-audience') url.searchParams.set('client_id', OTHER_CLIENT_ID);
    const jar = new Map<string, string>();
    for (let hop = 0; hop < 10; hop++) {
      if (url.origin !== this.issuer) return url;
      const res = await fetch(url, {
        redirect: 'manual',
        headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
      });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const eq = pair!.indexOf('=');
        jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
      }
      const location = res.headers.get('location');
      if (!location) throw new Error(`the provider answered ${res.status} without a redirect: ${await res.text()}`);
      url = new URL(location, url);
    }
    throw new Error('the provider redirected too many times');
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private provider(redirectUri: string): Provider {
    const configuration: Configuration = {
      clients: [
        {
          client_id: IDP_CLIENT_ID,
          client_secret: IDP_CLIENT_SECRET,
          redirect_uris: [redirectUri],
          token_endpoint_auth_method: 'client_secret_basic',
        },
        {
          client_id: OTHER_CLIENT_ID,
          client_secret: OTHER_CLIENT_SECRET,
          redirect_uris: [redirectUri],
          token_endpoint_auth_method: 'client_secret_basic',
        },
      ],
      jwks: { keys: [signingKey()] },
      cookies: { keys: [randomUUID()] },
      ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 600, Grant: 600 },
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      features: { devInteractions: { enabled: false } },
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      findAccount: (_ctx, id) => {
        const account = this.accounts.get(id);
        if (!account) return undefined;
        return {
          accountId: id,
          claims: () => ({
            sub: id,
            email: account.email,
            email_verified: account.emailVerified ?? true,
            name: account.name,
          }),
        };
      },
    };
    return new Provider(this.issuer, configuration);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0]!;
    // The foreign-key provider issues the tokens; the real one still publishes its own keys.
    const provider = this.mode === 'foreign-key' && path !== '/jwks' ? this.impostor : this.main;
    try {
      if (path.startsWith('/interaction/')) {
        await this.finishInteraction(provider, req, res);
        return;
      }
      if (path === '/token' && this.mode === 'other-audience') {
        // The relying party authenticates as itself; the code was issued to the other client.
        req.headers.authorization = `Basic ${Buffer.from(`${OTHER_CLIENT_ID}:${OTHER_CLIENT_SECRET}`).toString('base64')}`;
      }
      if (path === '/token' && this.mode === 'expired') {
        // A provider whose clock is two hours behind: its ID tokens are expired when they arrive.
        const realNow = Date.now;
        Date.now = () => realNow() - 2 * 3600_000;
        res.on('close', () => (Date.now = realNow));
      }
      await provider.callback()(req, res);
    } catch (err) {
      res.statusCode = 500;
      res.end(String(err));
    }
  }

  private async finishInteraction(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    const accountId = this.pendingAccount;
    if (!accountId) throw new Error('no account to sign in');
    const clientId = String(details.params.client_id);
    const grant = details.grantId
      ? ((await provider.Grant.find(details.grantId)) ?? new provider.Grant({ accountId, clientId }))
      : new provider.Grant({ accountId, clientId });
    grant.addOIDCScope('openid email profile');
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }
}
