import { z } from 'zod';
import { Uuid } from './common.js';

/**
 * A bound of the audit log's time filter: an instant (`2026-11-02T09:30:00+01:00`) or a day
 * (`2026-11-02`, a whole UTC day). Both bounds are inclusive.
 */
const TimeBound = z.union([z.iso.datetime({ offset: true }), z.iso.date()], {
  message: 'Use a date such as 2026-11-01, or a date and time with its offset.',
});

/** The first instant a `from` bound covers. */
export function auditFromInstant(from: string): Date {
  return new Date(from.length === 10 ? `${from}T00:00:00Z` : from);
}

/** The first instant after a `to` bound: a day covers all of it, an instant itself. */
export function auditToInstantExclusive(to: string): Date {
  const d = new Date(to.length === 10 ? `${to}T00:00:00Z` : to);
  return new Date(d.getTime() + (to.length === 10 ? 86_400_000 : 1));
}

/**
 * Filters of the audit log, newest first, in pages of `pageSize`. Paging is by keyset: `before` (an
 * event id) asks for the events older than that one, `after` for the ones newer, so a page never
 * repeats or skips events while new ones are being recorded.
 */
export const AuditEventListQuery = z
  .strictObject({
    actor: Uuid.optional(),
    /** The operation name of the endpoint, e.g. `createCandidate`. */
    action: z
      .string()
      .max(100)
      .regex(/^[A-Za-z][A-Za-z0-9]*$/, 'An action is an operation name such as createCandidate.')
      .optional(),
    /** e.g. `candidate`, `red_flag_checklist_version`. */
    entityType: z
      .string()
      .max(100)
      .regex(/^[a-z][a-z0-9_]*$/, 'An entity type is a name such as candidate.')
      .optional(),
    entityId: Uuid.optional(),
    from: TimeBound.optional(),
    to: TimeBound.optional(),
    before: Uuid.optional(),
    after: Uuid.optional(),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .refine((q) => !q.before || !q.after, { message: 'Give before or after, not both.', path: ['after'] })
  .refine((q) => !q.from || !q.to || auditFromInstant(q.from) < auditToInstantExclusive(q.to), {
    message: 'The start must not be after the end.',
    path: ['to'],
  });
export type AuditEventListQuery = z.infer<typeof AuditEventListQuery>;

export const AuditActor = z.object({ id: Uuid, name: z.string(), email: z.string() });
export type AuditActor = z.infer<typeof AuditActor>;

export const AuditEvent = z
  .object({
    id: Uuid,
    occurredAt: z.iso.datetime({ offset: true }),
    /** Who did it; null when nobody was signed in and the request named nobody. */
    actor: AuditActor.nullable(),
    /** The operation name of the endpoint, e.g. `createCandidate`. */
    action: z.string(),
    entityType: z.string(),
    entityId: Uuid.nullable(),
    /**
     * What the entity is called today, so the log names its target: the user's or candidate's name,
     * the opening's title, "candidate · opening" for an application; an erased candidate stays
     * "Erased candidate". Null when the entity has no name (a session, an import) or no longer exists.
     */
    entityName: z.string().nullable(),
    /** Names of the fields the request set (`content.competencies` one level down); never their values, never secrets. */
    changedFields: z.array(z.string()),
    /** The request's id, as in the logs and in problem responses. */
    requestId: z.string().nullable(),
    /** The API token the actor acted through ("via API token ‹name›"); null for a person at a screen. */
    apiToken: z.object({ id: Uuid, name: z.string() }).nullable(),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditEventList = z
  .object({
    items: z.array(AuditEvent),
    pageSize: z.number().int(),
    /** Pass as `before` for the next (older) page; null on the oldest page. */
    older: Uuid.nullable(),
    /** Pass as `after` for the previous (newer) page; null on the newest page. */
    newer: Uuid.nullable(),
  })
  .meta({ id: 'AuditEventList' });
export type AuditEventList = z.infer<typeof AuditEventList>;
