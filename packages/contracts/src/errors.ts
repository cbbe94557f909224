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
  /** The API token lacks the scope this endpoint needs, or the endpoint refuses API tokens. */
  'insufficient_scope',
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
  /** Too many requests from this user, token or address in the current window: see `Retry-After`. */
  'rate_limited',
  /** The email has accounts in several organizations and the password fits more than one: name the organization. */
  'organization_required',
  /** The organization signs in through its identity provider only: use "Sign in with SSO". */
  'sso_required',
  /** No single sign-on is set up for that email domain or organization. */
  'sso_not_configured',
  /** The identity provider's answer was refused (signature, audience, expiry, replay, domain, account). */
  'sso_failed',
  /** The two-factor code (or recovery code) is not right. */
  'invalid_code',
  /** The organization requires two-factor sign-in: set it up before anything else. */
  'two_factor_setup_required',
  'invalid_idempotency_key', // Idempotency-Key is not 1–255 visible ASCII characters
  'idempotency_key_reused', // the Idempotency-Key was used for another request (another body or operation)
  'webhook_url_refused', // a webhook address that may not receive events (SSRF rules: http or a private address in production)
  /** A question is the only one of its competency: a competency needs one, so it cannot be taken out. */
  'last_criterion',
  /** A training pairing that may not be scheduled: the lead is not qualified, the trainee is not at that level (issue 24 §5). */
  'training_refused',
  /** A promotion before the interviewer is ready: sessions or the calibration check still missing. */
  'not_ready_for_promotion',
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

/** An organization to choose, named in an `organization_required` problem. */
export const ProblemOrganization = z.object({ slug: z.string(), name: z.string() });
export type ProblemOrganization = z.infer<typeof ProblemOrganization>;

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
    /** `organization_required`: the organizations whose account the password fits. */
    organizations: z.array(ProblemOrganization).optional(),
    requestId: z.string().optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof Problem>;
