import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository root, found from this file's place in apps/api/{src,dist}/config. */
export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..');

const Bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_APP_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_LISTEN_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).optional(),
  WEB_DIST: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 7),
  COOKIE_SECURE: Bool.optional(),
  TRUST_PROXY: Bool.default(false),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(1024 * 1024),
  SEED_DEMO: Bool.optional(),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DB_WAIT_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  RUN_MIGRATIONS: Bool.default(true),
  FILE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  S3_URL: z
    .string()
    .regex(/^https?:\/\/[^/]+\/[^/?#]+/, 'must be http(s)://ACCESS_KEY:SECRET@host[:port]/bucket[?region=…]')
    .optional(),
  SMTP_URL: z
    .string()
    .refine(
      isSmtpUrl,
      'must be smtp://[user:password@]host[:port] or smtps://… (e.g. smtp://localhost:1025 for Mailpit)',
    )
    .optional(),
  MAIL_FROM: z
    .string()
    .regex(
      /^([^<>]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/,
      'must be an address, or a name and an address: Scorecard <hiring@example.com>',
    )
    .default('Scorecard <scorecard@localhost>'),
  PUBLIC_URL: z
    .string()
    .regex(
      /^https?:\/\/[^/?#]+(\/[^?#]*)?$/,
      'must be the http(s) address people open Scorecard at, e.g. https://scorecard.example.com',
    )
    .optional(),
  JOB_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  QUEUE_SCHEDULES: Bool.default(true),
  MAIL_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  MAIL_RETRY_LIMIT: z.coerce.number().int().min(0).max(20).default(6),
  SECRETS_KEY: z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -base64 32)').optional(),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  RATE_LIMIT_USER_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  RATE_LIMIT_ADDRESS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(1200),
  SIGNUP_LIMIT_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(5),
  WEBHOOK_ALLOW_PRIVATE: Bool.optional(),
  WEBHOOK_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
});

/** Whether `value` is an SMTP URL nodemailer can use: smtp or smtps, a host, an optional port. */
function isSmtpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      ['smtp:', 'smtps:'].includes(url.protocol) && url.hostname !== '' && (url.pathname === '' || url.pathname === '/')
    );
  } catch {
    return false;
  }
}

export interface AppConfig {
  env: 'development' | 'test' | 'production';
  host: string;
  port: number;
  /** Unset: start an embedded PostgreSQL under `dataDir`. */
  databaseUrl: string | undefined;
  /**
   * The role the API serves requests as: it must not own the tables, so row-level security
   * applies. Unset: the `scorecard_app` role with a password derived from DATABASE_URL's.
   */
  databaseAppUrl: string | undefined;
  /**
   * The connection live updates LISTEN on: it must be a session of its own, so behind PgBouncer in
   * transaction mode point it at PostgreSQL directly or at a session-mode entry. Unset: the app's URL.
   */
  databaseListenUrl: string | undefined;
  dataDir: string;
  webDist: string;
  logLevel: string;
  sessionTtlHours: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  bodyLimitBytes: number;
  /** Create the demo organization in an empty database (never in production). */
  seedDemo: boolean;
  dbPoolSize: number;
  /** How long start-up waits for an unreachable database before giving up. */
  dbWaitSeconds: number;
  /**
   * Apply pending migrations at start (as the owner). False when migrations are their own step
   * (`node apps/api/dist/migrate.js`): the API then refuses to start while any is pending.
   */
  runMigrations: boolean;
  /** The largest file a candidate file upload may be (FILE_MAX_BYTES, default 10 MB). */
  fileMaxBytes: number;
  /** Store candidate files in this S3-compatible bucket instead of PostgreSQL (see files/s3-url.ts). */
  s3Url: string | undefined;
  /** Send email through this SMTP server; unset: every email is held in the Email log (SMTP_URL). */
  smtpUrl: string | undefined;
  /** The sender of every email (MAIL_FROM). */
  mailFrom: string;
  /** Where people open the product, for links in emails (PUBLIC_URL; default http://localhost:PORT). */
  publicUrl: string;
  /** How often an idle queue worker looks for jobs (JOB_POLL_SECONDS, default 2). */
  jobPollSeconds: number;
  /** Run the periodic jobs (reminders, digests) on this instance (QUEUE_SCHEDULES, default true). */
  queueSchedules: boolean;
  /** The first retry of an email waits this long; each next one twice as long (MAIL_RETRY_DELAY_SECONDS). */
  mailRetryDelaySeconds: number;
  /** Retries of an email before it is `failed` (MAIL_RETRY_LIMIT, default 6: about an hour with the default delay). */
  mailRetryLimit: number;
  /**
   * Encrypts secrets kept in the database (SSO client secrets, TOTP secrets) (SECRETS_KEY). Unset:
   * a random key kept in DATA_DIR (one machine only); required in production.
   */
  secretsKey: string | undefined;
  /** The bearer token GET /api/metrics requires (METRICS_TOKEN); unset: metrics are not served. */
  metricsToken: string | undefined;
  /** Requests per minute per signed-in user or token (RATE_LIMIT_USER_PER_MINUTE). */
  rateLimitUserPerMinute: number;
  /** Requests per minute per client address (RATE_LIMIT_ADDRESS_PER_MINUTE). */
  rateLimitAddressPerMinute: number;
  /** Sign-ups per hour per email address and per client address (SIGNUP_LIMIT_PER_HOUR). */
  signupLimitPerHour: number;
  /**
   * Webhooks may go to http and to private, loopback and link-local addresses (WEBHOOK_ALLOW_PRIVATE;
   * default true outside production, false in production: https and public addresses only).
   */
  webhookAllowPrivate: boolean;
  /** Days a webhook event and its deliveries are kept before the daily sweep deletes them (WEBHOOK_RETENTION_DAYS, default 30). */
  webhookRetentionDays: number;
}

export class ConfigError extends Error {}

function roleOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return decodeURIComponent(new URL(url).username) || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Rules across variables, read from the raw values so that they are reported together with any
 * value the schema refuses. Each entry is `NAME: why`.
 */
function crossChecks(raw: Record<string, string>): string[] {
  const issues: string[] = [];
  const production = raw.NODE_ENV === 'production';
  const runMigrations = !['false', '0'].includes(raw.RUN_MIGRATIONS ?? 'true');
  if (production && !raw.DATABASE_URL && !(raw.DATABASE_APP_URL && !runMigrations)) {
    issues.push(
      'DATABASE_URL: required in production (postgres://owner:password@host:5432/db); without it the API would ' +
        'start an embedded PostgreSQL in DATA_DIR, which is for development only. ' +
        '(An instance started with RUN_MIGRATIONS=false may be given DATABASE_APP_URL alone.)',
    );
  }
  if (production && raw.SEED_DEMO && ['true', '1'].includes(raw.SEED_DEMO)) {
    issues.push('SEED_DEMO: demo data is never created in production; remove SEED_DEMO or set it to false');
  }
  if (production && !raw.SECRETS_KEY) {
    issues.push(
      'SECRETS_KEY: required in production (openssl rand -base64 32): it encrypts the SSO and two-factor secrets ' +
        'kept in the database, and every instance needs the same one',
    );
  }
  const owner = roleOf(raw.DATABASE_URL);
  if (owner && owner === roleOf(raw.DATABASE_APP_URL)) {
    issues.push(
      `DATABASE_APP_URL: names the same role as DATABASE_URL (${owner}); the API must serve requests as a role ` +
        'that owns no table (scorecard_app), or row-level security does not apply',
    );
  }
  return issues;
}

/** `loadConfig` for an entry point (`main.ts`, `migrate.ts`): a bad configuration prints what is wrong and exits 1. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}

/** Reads and validates the environment; throws a ConfigError naming every bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''),
  );
  const parsed = EnvSchema.safeParse(cleaned);
  const lines = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)),
    ...crossChecks(cleaned),
  ];
  if (!parsed.success || lines.length > 0) {
    throw new ConfigError(`Invalid configuration:\n${lines.map((l) => `  ${l}`).join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    databaseAppUrl: e.DATABASE_APP_URL,
    databaseListenUrl: e.DATABASE_LISTEN_URL,
    dataDir: resolve(e.DATA_DIR ?? resolve(REPO_ROOT, '.data')),
    webDist: resolve(e.WEB_DIST ?? resolve(REPO_ROOT, 'apps/web/dist')),
    logLevel: e.LOG_LEVEL,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    cookieSecure: e.COOKIE_SECURE ?? production,
    trustProxy: e.TRUST_PROXY,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    seedDemo: !production && (e.SEED_DEMO ?? true),
    dbPoolSize: e.DB_POOL_SIZE,
    dbWaitSeconds: e.DB_WAIT_SECONDS,
    runMigrations: e.RUN_MIGRATIONS,
    fileMaxBytes: e.FILE_MAX_BYTES,
    s3Url: e.S3_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    jobPollSeconds: e.JOB_POLL_SECONDS,
    queueSchedules: e.QUEUE_SCHEDULES,
    mailRetryDelaySeconds: e.MAIL_RETRY_DELAY_SECONDS,
    mailRetryLimit: e.MAIL_RETRY_LIMIT,
    secretsKey: e.SECRETS_KEY,
    metricsToken: e.METRICS_TOKEN,
    rateLimitUserPerMinute: e.RATE_LIMIT_USER_PER_MINUTE,
    rateLimitAddressPerMinute: e.RATE_LIMIT_ADDRESS_PER_MINUTE,
    signupLimitPerHour: e.SIGNUP_LIMIT_PER_HOUR,
    webhookAllowPrivate: e.WEBHOOK_ALLOW_PRIVATE ?? !production,
    webhookRetentionDays: e.WEBHOOK_RETENTION_DAYS,
  };
}
