import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './env.js';

const OWNER = 'postgres://scorecard:secret@db:5432/scorecard';
const APP = 'postgres://scorecard_app:other@db:5432/scorecard';
/** Production with its required key (see "requires SECRETS_KEY"). */
const PRODUCTION = { NODE_ENV: 'production', SECRETS_KEY: 'a-secrets-key-of-at-least-32-characters' };

/** The message of the ConfigError that `env` causes (fails the test when there is none). */
function problems(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error(`no ConfigError for ${JSON.stringify(env)}`);
}

describe('RUN_MIGRATIONS', () => {
  it('is on unless turned off, so `pnpm start` migrates', () => {
    expect(loadConfig({}).runMigrations).toBe(true);
    expect(loadConfig({ RUN_MIGRATIONS: 'true' }).runMigrations).toBe(true);
    expect(loadConfig({ RUN_MIGRATIONS: 'false' }).runMigrations).toBe(false);
    expect(loadConfig({ RUN_MIGRATIONS: '0' }).runMigrations).toBe(false);
  });

  it('refuses anything but true/false/1/0, naming the variable', () => {
    expect(problems({ RUN_MIGRATIONS: 'no' })).toMatch(/^ {2}RUN_MIGRATIONS: /m);
  });
});

describe('production', () => {
  it('requires SECRETS_KEY: the key file in DATA_DIR suits one machine only', () => {
    expect(problems({ NODE_ENV: 'production', DATABASE_URL: OWNER })).toMatch(
      /^ {2}SECRETS_KEY: required in production/m,
    );
    expect(problems({ ...PRODUCTION, DATABASE_URL: OWNER, SECRETS_KEY: 'short' })).toMatch(
      /^ {2}SECRETS_KEY: must be at least 32/m,
    );
    expect(loadConfig({ ...PRODUCTION, DATABASE_URL: OWNER }).secretsKey).toBe(PRODUCTION.SECRETS_KEY);
    expect(loadConfig({}).secretsKey).toBeUndefined();
  });

  it('requires DATABASE_URL: the embedded PostgreSQL is for development only', () => {
    expect(problems({ ...PRODUCTION })).toMatch(/^ {2}DATABASE_URL: required in production/m);
    expect(loadConfig({ ...PRODUCTION, DATABASE_URL: OWNER }).databaseUrl).toBe(OWNER);
    expect(loadConfig({ NODE_ENV: 'development' }).databaseUrl).toBeUndefined();
    expect(loadConfig({ NODE_ENV: 'test' }).databaseUrl).toBeUndefined();
  });

  it('lets an instance that does not migrate run on DATABASE_APP_URL alone, never one that migrates', () => {
    const serving = loadConfig({ ...PRODUCTION, RUN_MIGRATIONS: 'false', DATABASE_APP_URL: APP });
    expect(serving).toMatchObject({ databaseUrl: undefined, databaseAppUrl: APP, runMigrations: false });
    expect(problems({ ...PRODUCTION, DATABASE_APP_URL: APP })).toMatch(/DATABASE_URL: required/);
    expect(problems({ ...PRODUCTION, RUN_MIGRATIONS: 'false' })).toMatch(/DATABASE_URL: required/);
  });

  it('refuses SEED_DEMO=true with a message, and never seeds', () => {
    expect(problems({ ...PRODUCTION, DATABASE_URL: OWNER, SEED_DEMO: 'true' })).toMatch(
      /^ {2}SEED_DEMO: demo data is never created in production/m,
    );
    expect(problems({ ...PRODUCTION, DATABASE_URL: OWNER, SEED_DEMO: '1' })).toMatch(/SEED_DEMO/);
    expect(loadConfig({ ...PRODUCTION, DATABASE_URL: OWNER, SEED_DEMO: 'false' }).seedDemo).toBe(false);
    expect(loadConfig({ ...PRODUCTION, DATABASE_URL: OWNER }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development' }).seedDemo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', SEED_DEMO: 'false' }).seedDemo).toBe(false);
  });

  it('sends Secure cookies unless COOKIE_SECURE=false (plain http behind nothing, e.g. localhost)', () => {
    expect(loadConfig({ ...PRODUCTION, DATABASE_URL: OWNER }).cookieSecure).toBe(true);
    expect(loadConfig({ ...PRODUCTION, DATABASE_URL: OWNER, COOKIE_SECURE: 'false' }).cookieSecure).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development' }).cookieSecure).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development', COOKIE_SECURE: 'true' }).cookieSecure).toBe(true);
  });

  it('trusts X-Forwarded-* only when told to', () => {
    expect(loadConfig({ ...PRODUCTION, DATABASE_URL: OWNER }).trustProxy).toBe(false);
    expect(loadConfig({ ...PRODUCTION, DATABASE_URL: OWNER, TRUST_PROXY: 'true' }).trustProxy).toBe(true);
  });
});

describe('the serving role', () => {
  it('must not be the owner named by DATABASE_URL, in any environment', () => {
    const same = 'postgres://scorecard:secret@db:5432/scorecard?application_name=api';
    for (const NODE_ENV of ['development', 'production']) {
      expect(problems({ NODE_ENV, DATABASE_URL: OWNER, DATABASE_APP_URL: same })).toMatch(
        /^ {2}DATABASE_APP_URL: names the same role as DATABASE_URL \(scorecard\)/m,
      );
    }
    expect(loadConfig({ DATABASE_URL: OWNER, DATABASE_APP_URL: APP }).databaseAppUrl).toBe(APP);
  });
});

describe('every problem at once', () => {
  it('lists each bad value and each broken rule on its own line, so one start names them all', () => {
    const message = problems({ ...PRODUCTION, PORT: 'eighty', LOG_LEVEL: 'loud', SEED_DEMO: 'true' });
    const lines = message.split('\n');
    expect(lines[0]).toBe('Invalid configuration:');
    expect(lines.slice(1).map((l) => l.trim().split(':')[0])).toEqual(
      expect.arrayContaining(['PORT', 'LOG_LEVEL', 'DATABASE_URL', 'SEED_DEMO']),
    );
    expect(lines).toHaveLength(5);
  });

  it('still checks URLs: only postgres:// or postgresql://', () => {
    expect(problems({ DATABASE_URL: 'mysql://x' })).toMatch(/DATABASE_URL: must be a postgres/);
    expect(problems({ DATABASE_APP_URL: 'http://x' })).toMatch(/DATABASE_APP_URL: must be a postgres/);
    expect(loadConfig({ DATABASE_URL: 'postgresql://a@b/c' }).databaseUrl).toBe('postgresql://a@b/c');
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', RUN_MIGRATIONS: '' })).toMatchObject({ port: 3000, runMigrations: true });
  });
});

describe('email settings', () => {
  it('refuses an SMTP_URL that is not smtp:// or smtps:// with a host, naming the variable', () => {
    for (const bad of ['localhost:25', 'http://mail.example.com', 'smtp://', 'smtp://host/path']) {
      expect(problems({ SMTP_URL: bad })).toMatch(/SMTP_URL: must be smtp:\/\//);
    }
    expect(loadConfig({ SMTP_URL: 'smtps://user:secret@mail.example.com:465' }).smtpUrl).toBe(
      'smtps://user:secret@mail.example.com:465',
    );
  });

  it('holds email (no SMTP_URL) and links to localhost on the port by default', () => {
    expect(loadConfig({ PORT: '4100' })).toMatchObject({
      smtpUrl: undefined,
      publicUrl: 'http://localhost:4100',
      mailFrom: 'Scorecard <scorecard@localhost>',
    });
  });

  it('takes PUBLIC_URL without its trailing slash, and refuses MAIL_FROM without an address', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://hire.example.com/' }).publicUrl).toBe('https://hire.example.com');
    expect(problems({ PUBLIC_URL: 'hire.example.com' })).toMatch(/PUBLIC_URL:/);
    expect(problems({ MAIL_FROM: 'Scorecard' })).toMatch(/MAIL_FROM:/);
    expect(loadConfig({ MAIL_FROM: 'Hiring <hiring@example.com>' }).mailFrom).toBe('Hiring <hiring@example.com>');
  });
});
