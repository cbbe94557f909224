import type { ErrorCode, FieldError, ProblemOrganization } from '@scorecard/contracts';

/**
 * Every error code's HTTP status and title, in one table: `satisfies` makes the compiler prove that
 * each code of the contracts has exactly one entry. Services throw a code; the status follows from it.
 * A situation that needs another status is another code (and a contract change).
 */
export const ERRORS = {
  validation_failed: { status: 400, title: 'Your request has invalid fields' },
  bad_request: { status: 400, title: 'Bad request' },
  criterion_not_asked: { status: 400, title: 'That question was not asked in this interview' },
  unauthenticated: { status: 401, title: 'Sign in required' },
  invalid_credentials: { status: 401, title: 'Wrong email or password' },
  account_deactivated: { status: 401, title: 'Account deactivated' },
  csrf_failed: { status: 403, title: 'Request refused' },
  forbidden: { status: 403, title: 'Not allowed' },
  insufficient_scope: { status: 403, title: 'The API token lacks a scope' },
  not_found: { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict' },
  email_taken: { status: 409, title: 'Email already in use' },
  last_admin: { status: 409, title: 'An organization needs an admin' },
  version_published: { status: 409, title: 'Published versions never change' },
  stale_revision: { status: 409, title: 'Changed by someone else' },
  plan_check_failed: { status: 409, title: 'The interview plan check fails' },
  invalid_transition: { status: 409, title: 'Not possible in the current state' },
  already_applied: { status: 409, title: 'Already applied' },
  invalid_idempotency_key: { status: 400, title: 'Invalid Idempotency-Key' },
  idempotency_key_reused: { status: 422, title: 'Idempotency-Key used for another request' },
  webhook_url_refused: { status: 422, title: 'That address may not receive webhooks' },
  last_criterion: { status: 422, title: 'A competency needs at least one question' },
  training_refused: { status: 422, title: 'That training pairing is not possible' },
  not_ready_for_promotion: { status: 422, title: 'Not ready for promotion yet' },
  payload_too_large: { status: 413, title: 'Request too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  wrong_stage: { status: 422, title: 'Not possible at this stage of the application' },
  no_rubric: { status: 422, title: 'The opening has no rubric' },
  stage_move_refused: { status: 422, title: 'That move is not allowed' },
  import_has_errors: { status: 422, title: 'Some rows have errors' },
  scorecard_incomplete: { status: 422, title: 'The scorecard is not complete' },
  recommendation_contradicts_ratings: { status: 422, title: 'The recommendation contradicts the ratings' },
  interview_not_started: { status: 422, title: 'The interview has not started yet' },
  dealbreaker_not_acknowledged: { status: 422, title: 'A dealbreaker needs acknowledging' },
  too_many_attempts: { status: 429, title: 'Too many attempts' },
  token_unknown: { status: 400, title: 'This link is not valid' },
  token_expired: { status: 400, title: 'This link has expired' },
  token_used: { status: 400, title: 'This link was used already' },
  not_invited: { status: 409, title: 'No open invitation' },
  interview_not_ended: { status: 422, title: 'The interview has not ended yet' },
  nothing_to_remind: { status: 422, title: 'Nothing to remind' },
  reminder_too_soon: { status: 429, title: 'Reminded recently' },
  rate_limited: { status: 429, title: 'Too many requests' },
  organization_required: { status: 409, title: 'Choose an organization' },
  sso_required: { status: 403, title: 'Sign in with SSO' },
  sso_not_configured: { status: 404, title: 'No single sign-on for this organization' },
  sso_failed: { status: 401, title: 'Single sign-on failed' },
  invalid_code: { status: 401, title: 'Wrong code' },
  two_factor_setup_required: { status: 403, title: 'Two-factor sign-in required' },
  internal: { status: 500, title: 'Something went wrong' },
  service_unavailable: { status: 503, title: 'Service unavailable' },
} as const satisfies Record<ErrorCode, { status: number; title: string }>;

/** An error the client should see: a stable code (which fixes the HTTP status) and a human sentence. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly extra: {
      errors?: FieldError[];
      headers?: Record<string, string>;
      /** `organization_required`: the organizations to choose from. */
      organizations?: ProblemOrganization[];
    } = {},
  ) {
    super(detail);
  }

  get status(): number {
    return ERRORS[this.code].status;
  }

  get title(): string {
    return ERRORS[this.code].title;
  }

  static notFound(what = 'resource'): AppError {
    return new AppError('not_found', `No such ${what}.`);
  }

  /** Fields that are well-formed but name something that does not fit (another org's id, a missing step…). */
  static invalid(errors: FieldError[]): AppError {
    return new AppError('validation_failed', 'Some fields are missing or invalid.', { errors });
  }
}

export function titleFor(code: ErrorCode): string {
  return ERRORS[code].title;
}
