import { z } from 'zod';

/** Machine-readable error codes. The web client switches on these; never rename one. */
export const ErrorCode = z.enum([
  'validation_failed',
  'bad_request',
  'unauthenticated',
  'invalid_credentials',
  'account_deactivated',
  'csrf_failed',
  'forbidden',
  'not_found',
  'conflict',
  'email_taken',
  'last_admin',
  'version_published',
  'stale_revision',
  'plan_check_failed',
  'invalid_transition',
  /** The application's stage does not allow this (scheduling after a final stage, deciding outside the debrief). */
  'wrong_stage',
  /** The opening has no rubric, so an interview has nothing to be scored against. */
  'no_rubric',
  'stage_move_refused',
  'already_applied',
  'import_has_errors',
  'scorecard_incomplete',
  'criterion_not_asked',
  'recommendation_contradicts_ratings',
  'interview_not_started',
  'dealbreaker_not_acknowledged',
  'too_many_attempts',
  /** A link's token (invitation, password reset, unsubscribe, calendar feed) is not known. */
  'token_unknown',
  /** A link's token has expired: ask for a new one. */
  'token_expired',
  /** A one-time link's token was used already. */
  'token_used',
  /** The user has accepted their invitation (or never had one): nothing to resend or revoke. */
  'not_invited',
  /** The interview has not ended yet, so its scorecard is not due. */
  'interview_not_ended',
  /** Nothing to remind: the scorecard is submitted, the interview cancelled, or the application closed. */
  'nothing_to_remind',
  /** A manual reminder for this scorecard went out less than an hour ago. */
  'reminder_too_soon',
  'payload_too_large',
  'unsupported_media_type',
  'service_unavailable',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const FieldError = z.object({
  /** Dotted path of the offending field, for example `email` or `items.0.name`. */
  path: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldError>;

/** RFC 9457 problem details, as every error of the API is answered. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: ErrorCode,
    errors: z.array(FieldError).optional(),
    requestId: z.string().optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof Problem>;
