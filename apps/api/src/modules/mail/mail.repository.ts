import { Injectable } from '@nestjs/common';
import type { EmailDetail, EmailKind, EmailListQuery, EmailStatus, EmailSummary } from '@scorecard/contracts';
import { Db, escapeLike, type Cols, type Row } from '../../database/db.js';

/** The member an email goes to, and what decides whether it goes. */
export type Recipient = Cols<'users', 'id' | 'email' | 'name' | 'active' | 'time_zone' | 'email_opt_outs'> & {
  organization_name: Row<'organizations'>['name'];
};

export interface NewEmail {
  organizationId: string;
  kind: EmailKind;
  /** The member it goes to; null for a candidate (who is no member). */
  recipientId: string | null;
  to: string;
  subject: string;
  text: string;
  html: string;
  ical: { method: 'REQUEST' | 'CANCEL'; content: string } | null;
  headers: Record<string, string>;
  candidateId: string | null;
  dedupeKey: string | null;
}

type SummaryRow = Cols<
  'emails',
  | 'id'
  | 'kind'
  | 'to_address'
  | 'recipient_id'
  | 'subject'
  | 'status'
  | 'attempts'
  | 'last_error'
  | 'created_at'
  | 'sent_at'
> & { recipient_name: Row<'users'>['name'] | null };

const SUMMARY = `e.id, e.kind, e.to_address, e.recipient_id, u.name as recipient_name, e.subject, e.status, e.attempts,
  e.last_error, e.created_at, e.sent_at`;

function toSummary(r: SummaryRow): EmailSummary {
  return {
    id: r.id,
    kind: r.kind as EmailKind,
    to: r.to_address,
    recipientId: r.recipient_id,
    recipientName: r.recipient_name,
    subject: r.subject,
    status: r.status as EmailStatus,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: r.created_at.toISOString(),
    sentAt: r.sent_at?.toISOString() ?? null,
  };
}

/** The `emails` table: the outbox the queue delivers from, and the admins' Email log. */
@Injectable()
export class MailRepository {
  constructor(private readonly db: Db) {}

  async recipient(organizationId: string, userId: string): Promise<Recipient | null> {
    const rows = await this.db.query<Recipient[]>(
      `select u.id, u.email, u.name, u.active, u.time_zone, u.email_opt_outs, o.name as organization_name
         from users u join organizations o on o.id = u.organization_id
        where u.organization_id = $1 and u.id = $2`,
      [organizationId, userId],
    );
    return rows[0] ?? null;
  }

  /** The new email's id; null when one with the same `dedupeKey` exists already. */
  async insert(e: NewEmail): Promise<string | null> {
    const rows = await this.db.query<Cols<'emails', 'id'>[]>(
      `insert into emails (organization_id, kind, recipient_id, to_address, subject, text_body, html_body,
                           ical, ical_method, headers, candidate_id, dedupe_key)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       on conflict (organization_id, dedupe_key) do nothing
       returning id`,
      [
        e.organizationId,
        e.kind,
        e.recipientId,
        e.to,
        e.subject,
        e.text,
        e.html,
        e.ical?.content ?? null,
        e.ical?.method ?? null,
        JSON.stringify(e.headers),
        e.candidateId,
        e.dedupeKey,
      ],
    );
    return rows[0]?.id ?? null;
  }

  async find(organizationId: string, id: string): Promise<Row<'emails'> | null> {
    const rows = await this.db.query<Row<'emails'>[]>(`select * from emails where organization_id = $1 and id = $2`, [
      organizationId,
      id,
    ]);
    return rows[0] ?? null;
  }

  /** Records the outcome of one delivery attempt. */
  async record(
    organizationId: string,
    id: string,
    outcome: { status: EmailStatus; error: string | null; attempted: boolean },
  ): Promise<void> {
    await this.db.query(
      `update emails
          set status = $3, last_error = $4, attempts = attempts + $5::integer, updated_at = now(),
              sent_at = case when $3 = 'sent' then now() else sent_at end
        where organization_id = $1 and id = $2`,
      [organizationId, id, outcome.status, outcome.error, outcome.attempted ? 1 : 0],
    );
  }

  async list(organizationId: string, query: EmailListQuery): Promise<{ items: EmailSummary[]; total: number }> {
    const where = ['e.organization_id = $1'];
    const params: unknown[] = [organizationId];
    if (query.status) where.push(`e.status = $${params.push(query.status)}`);
    if (query.kind) where.push(`e.kind = $${params.push(query.kind)}`);
    if (query.q) {
      const n = params.push(`%${escapeLike(query.q.toLowerCase())}%`);
      where.push(`(lower(e.to_address) like $${n} or lower(e.subject) like $${n})`);
    }
    const limit = params.push(query.pageSize);
    const offset = params.push((query.page - 1) * query.pageSize);
    const rows = await this.db.query<(SummaryRow & { total: string })[]>(
      `select ${SUMMARY}, count(*) over ()::text as total
         from emails e
         left join users u on u.organization_id = e.organization_id and u.id = e.recipient_id
        where ${where.join(' and ')}
        order by e.created_at desc, e.id desc
        limit $${limit} offset $${offset}`,
      params,
    );
    let total = Number(rows[0]?.total ?? 0);
    if (rows.length === 0 && query.page > 1) {
      const counted = await this.db.query<{ n: string }[]>(
        `select count(*)::text as n from emails e where ${where.join(' and ')}`,
        params.slice(0, limit - 1),
      );
      total = Number(counted[0]?.n ?? 0);
    }
    return { items: rows.map(toSummary), total };
  }

  async detail(organizationId: string, id: string): Promise<EmailDetail | null> {
    const rows = await this.db.query<(SummaryRow & Cols<'emails', 'text_body' | 'html_body' | 'headers' | 'ical'>)[]>(
      `select ${SUMMARY}, e.text_body, e.html_body, e.headers, e.ical
         from emails e
         left join users u on u.organization_id = e.organization_id and u.id = e.recipient_id
        where e.organization_id = $1 and e.id = $2`,
      [organizationId, id],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      ...toSummary(r),
      text: r.text_body,
      html: r.html_body,
      headers: r.headers as Record<string, string>,
      ical: r.ical,
    };
  }
}
