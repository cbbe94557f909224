import { createHmac } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { isDatabaseUnavailable } from '../common/problem.js';
import { Foundation1764028800000 } from './migrations/1764028800000-Foundation.js';
import { LibraryAndOpenings1764032400000 } from './migrations/1764032400000-LibraryAndOpenings.js';
import { Pipeline1764036000000 } from './migrations/1764036000000-Pipeline.js';
import { Interviews1764039600000 } from './migrations/1764039600000-Interviews.js';
import { Scorecards1764043200000 } from './migrations/1764043200000-Scorecards.js';
import { Decisions1764046800000 } from './migrations/1764046800000-Decisions.js';
import { AnalyticsIndexes1764050400000 } from './migrations/1764050400000-AnalyticsIndexes.js';
import { AuditLog1764054000000 } from './migrations/1764054000000-AuditLog.js';
import { Privacy1764057600000 } from './migrations/1764057600000-Privacy.js';
import { APP_ROLE, RowLevelSecurity1764061200000 } from './migrations/1764061200000-RowLevelSecurity.js';
import { SearchKeys1764064800000 } from './migrations/1764064800000-SearchKeys.js';
import { Measurement1764068400000 } from './migrations/1764068400000-Measurement.js';
import { CandidateFiles1764072000000 } from './migrations/1764072000000-CandidateFiles.js';
import { CandidateNotes1764075600000 } from './migrations/1764075600000-CandidateNotes.js';
import { SchedulingDetails1764079200000 } from './migrations/1764079200000-SchedulingDetails.js';
import { RevisionVocabulary1764082800000 } from './migrations/1764082800000-RevisionVocabulary.js';
import { Messaging1764086400000 } from './migrations/1764086400000-Messaging.js';
import { EnterpriseAccess1764090000000 } from './migrations/1764090000000-EnterpriseAccess.js';
import { ApiTokens1764093600000 } from './migrations/1764093600000-ApiTokens.js';
import { Webhooks1764097200000 } from './migrations/1764097200000-Webhooks.js';
import { IdempotencyKeys1764100800000 } from './migrations/1764100800000-IdempotencyKeys.js';
import { ImportedScorecards1764104400000 } from './migrations/1764104400000-ImportedScorecards.js';
import { DebriefMeetings1764108000000 } from './migrations/1764108000000-DebriefMeetings.js';
import { SelfIdentification1764111600000 } from './migrations/1764111600000-SelfIdentification.js';
import { QuestionBank1764115200000 } from './migrations/1764115200000-QuestionBank.js';
import { InterviewerQualification1764118800000 } from './migrations/1764118800000-InterviewerQualification.js';
import { FigureRollups1764122400000 } from './migrations/1764122400000-FigureRollups.js';
import { BoardColumns1764126000000 } from './migrations/1764126000000-BoardColumns.js';
import { WebhookRetention1764129600000 } from './migrations/1764129600000-WebhookRetention.js';

/** Every migration, in order. Committed migrations are never edited: add a new one. */
export const migrations = [
  Foundation1764028800000,
  LibraryAndOpenings1764032400000,
  Pipeline1764036000000,
  Interviews1764039600000,
  Scorecards1764043200000,
  Decisions1764046800000,
  AnalyticsIndexes1764050400000,
  AuditLog1764054000000,
  Privacy1764057600000,
  RowLevelSecurity1764061200000,
  SearchKeys1764064800000,
  Measurement1764068400000,
  CandidateFiles1764072000000,
  CandidateNotes1764075600000,
  SchedulingDetails1764079200000,
  RevisionVocabulary1764082800000,
  Messaging1764086400000,
  EnterpriseAccess1764090000000,
  ApiTokens1764093600000,
  Webhooks1764097200000,
  IdempotencyKeys1764100800000,
  ImportedScorecards1764104400000,
  DebriefMeetings1764108000000,
  SelfIdentification1764111600000,
  QuestionBank1764115200000,
  InterviewerQualification1764118800000,
  FigureRollups1764122400000,
  BoardColumns1764126000000,
  WebhookRetention1764129600000,
];

/** One DataSource definition, shared by the app, the tests and the `db:migrate` command. */
export function createDataSource(url: string, poolSize = 10): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    migrations,
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    migrationsRun: false,
    extra: { max: poolSize, connectionTimeoutMillis: 5000 },
  });
}

/** Any number of instances may start at once: one runs the migrations, the others wait. */
export async function migrate(ds: DataSource): Promise<string[]> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('select pg_advisory_lock(727274)');
    const done = await ds.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await runner.query('select pg_advisory_unlock(727274)').catch(() => undefined);
    await runner.release();
  }
}

/**
 * The URL the API serves requests through when DATABASE_APP_URL is not given: the owner's URL with
 * the `scorecard_app` role, whose password is derived from the owner's, so every instance on one
 * database computes the same one without storing it anywhere.
 */
export function derivedAppDatabaseUrl(ownerUrl: string): string {
  const url = new URL(ownerUrl);
  const secret = decodeURIComponent(url.password) || ownerUrl;
  url.username = APP_ROLE;
  url.password = createHmac('sha256', secret).update(APP_ROLE).digest('base64url');
  return url.toString();
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return true;
  } catch (err) {
    // 28P01: wrong password; 28000: the role may not log in (yet).
    const code = (err as { code?: string }).code;
    if (code === '28P01' || code === '28000') return false;
    throw err;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Lets `scorecard_app` log in with the derived password, when it cannot already. */
async function enableAppLogin(owner: DataSource, appUrl: string): Promise<void> {
  if (await canConnect(appUrl)) return;
  const password = new URL(appUrl).password;
  for (let attempt = 1; ; attempt++) {
    try {
      await owner.query(`alter role ${APP_ROLE} with login password '${password.replace(/'/g, "''")}'`);
      return;
    } catch (err) {
      // Another instance changing the role at the same moment: its change is the same one.
      if (attempt >= 5 || !/concurrently updated/.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 50 * attempt));
    }
  }
}

/**
 * Returns once a connection to `url` succeeds, trying again with backoff for up to `ms` while the
 * database cannot be reached (still starting, restarting, failing over): an instance started
 * together with its database, or during an outage, waits instead of exiting. Any other error (a
 * wrong password, a missing database) fails at once.
 */
export async function waitForDatabase(url: string, ms: number, onWait?: (err: unknown) => void): Promise<void> {
  const deadline = Date.now() + ms;
  for (let attempt = 0; ; attempt++) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    try {
      await client.connect();
      return;
    } catch (err) {
      if (!isDatabaseUnavailable(err) || Date.now() >= deadline) throw err;
      onWait?.(err);
      await new Promise((r) => setTimeout(r, Math.min(2000, 100 * 2 ** attempt, Math.max(0, deadline - Date.now()))));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

/**
 * Brings the database up to date as its owner (DATABASE_URL) and returns the URL the API must
 * serve requests through: DATABASE_APP_URL when given (production), else the derived
 * `scorecard_app` login, enabled here. The owner's connection is closed again.
 */
export async function prepareDatabase(
  ownerUrl: string,
  appUrl: string | undefined,
  wait: { ms: number; onWait?: (err: unknown) => void } = { ms: 0 },
): Promise<{ appUrl: string; applied: string[] }> {
  await waitForDatabase(ownerUrl, wait.ms, wait.onWait);
  const owner = await createDataSource(ownerUrl, 2).initialize();
  try {
    const applied = await migrate(owner);
    const url = appUrl ?? derivedAppDatabaseUrl(ownerUrl);
    if (!appUrl) await enableAppLogin(owner, url);
    return { appUrl: url, applied };
  } finally {
    await owner.destroy();
  }
}
