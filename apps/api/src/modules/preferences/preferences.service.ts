import { Injectable } from '@nestjs/common';
import {
  EMAIL_KIND_LABELS,
  OPTIONAL_EMAIL_DESCRIPTIONS,
  OPTIONAL_EMAIL_KINDS,
  OptionalEmailKind,
  type Preferences,
  type Unsubscription,
  type UpdatePreferencesRequest,
} from '@scorecard/contracts';
import { AppError } from '../../common/app-error.js';
import type { Caller } from '../../common/request-context.js';
import { Db } from '../../database/db.js';
import { type FoundToken, UserTokensService } from '../tokens/user-tokens.service.js';
import { PreferencesRepository, type PreferencesRow } from './preferences.repository.js';

function toPreferences(row: PreferencesRow): Preferences {
  const off = new Set(row.email_opt_outs);
  return {
    timeZone: row.time_zone,
    emails: Object.fromEntries(OPTIONAL_EMAIL_KINDS.map((k) => [k, !off.has(k)])) as Preferences['emails'],
  };
}

/**
 * Each user's own time zone and optional emails (`users.time_zone`, `users.email_opt_outs`, which
 * MailService reads before it writes an optional email), and the unsubscribe links those emails
 * carry: an `unsubscribe` user token naming one email kind, reusable until it expires.
 */
@Injectable()
export class PreferencesService {
  constructor(
    private readonly repo: PreferencesRepository,
    private readonly tokens: UserTokensService,
    private readonly db: Db,
  ) {}

  async get(caller: Caller): Promise<Preferences> {
    const row = await this.repo.find(caller.organizationId, caller.userId);
    if (!row) throw new AppError('not_found', 'No such user.');
    return toPreferences(row);
  }

  async update(caller: Caller, body: UpdatePreferencesRequest): Promise<Preferences> {
    // The contract checks the zone against the runtime's list; the digest computes local times in
    // PostgreSQL, so it must know the zone too.
    if (body.timeZone !== undefined && !(await this.repo.knowsTimeZone(body.timeZone))) {
      throw AppError.invalid([
        { path: 'timeZone', message: 'Choose a time zone from the list, for example Europe/Berlin.' },
      ]);
    }
    const entries = Object.entries(body.emails ?? {}) as [OptionalEmailKind, boolean | undefined][];
    const row = await this.repo.update(caller.organizationId, caller.userId, {
      timeZone: body.timeZone ?? null,
      off: entries.filter(([, on]) => on === false).map(([k]) => k),
      on: entries.filter(([, on]) => on === true).map(([k]) => k),
    });
    if (!row) throw new AppError('not_found', 'No such user.');
    return toPreferences(row);
  }

  /** What the link would turn off; changes nothing (mail scanners follow links). */
  async describeUnsubscribe(token: string): Promise<Unsubscription> {
    const { found, kind } = await this.unsubscribeToken(token);
    return this.db.asTenant(found.organizationId, async () => {
      const who = await this.repo.subscriber(found.organizationId, found.userId);
      if (!who) throw new AppError('token_unknown', 'This unsubscribe link is not valid.');
      return this.unsubscription(found, kind, who, who.email_opt_outs);
    });
  }

  /** Turns off the kind of email the link came in (idempotent: a second click answers the same). */
  async unsubscribe(token: string): Promise<Unsubscription> {
    const { found, kind } = await this.unsubscribeToken(token);
    return this.db.asTenant(found.organizationId, async () => {
      const who = await this.repo.subscriber(found.organizationId, found.userId);
      if (!who) throw new AppError('token_unknown', 'This unsubscribe link is not valid.');
      const optOuts = await this.repo.optOut(found.organizationId, found.userId, kind);
      return this.unsubscription(found, kind, who, optOuts);
    });
  }

  private async unsubscribeToken(token: string): Promise<{ found: FoundToken; kind: OptionalEmailKind }> {
    const found = await this.tokens.find(token, 'unsubscribe');
    const problem = this.tokens.problem(found);
    if (problem === 'token_expired') {
      throw new AppError(
        'token_expired',
        'This unsubscribe link has expired. Sign in and choose your emails under Settings → Your notifications.',
      );
    }
    const kind = OptionalEmailKind.safeParse(found?.data.kind);
    // Unsubscribe tokens are never used up, so `token_used` cannot happen; treat anything odd as unknown.
    if (problem || !found || !kind.success) {
      throw new AppError('token_unknown', 'This unsubscribe link is not valid. Check that you copied all of it.');
    }
    return { found, kind: kind.data };
  }

  private unsubscription(
    found: FoundToken,
    kind: OptionalEmailKind,
    who: { id: string; name: string; organization_name: string },
    optOuts: readonly string[],
  ): Unsubscription {
    return {
      organization: { id: found.organizationId, name: who.organization_name },
      user: { id: who.id, name: who.name },
      kind,
      kindLabel: EMAIL_KIND_LABELS[kind],
      description: OPTIONAL_EMAIL_DESCRIPTIONS[kind],
      unsubscribed: optOuts.includes(kind),
    };
  }
}
