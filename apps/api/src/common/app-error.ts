import type { ErrorCode, FieldError } from '@scorecard/contracts';

const TITLES: Record<ErrorCode, string> = {
  validation_failed: 'Your request has invalid fields',
  bad_request: 'Bad request',
  unauthenticated: 'Sign in required',
  invalid_credentials: 'Wrong email or password',
  account_deactivated: 'Account deactivated',
  csrf_failed: 'Request refused',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  conflict: 'Conflict',
  email_taken: 'Email already in use',
  last_admin: 'An organization needs an admin',
  version_published: 'Published versions never change',
  stale_revision: 'Changed by someone else',
  plan_check_failed: 'The interview plan check fails',
  invalid_transition: 'Not possible in the current state',
  stage_move_refused: 'That move is not allowed',
  already_applied: 'Already applied',
  import_has_errors: 'Some rows have errors',
  scorecard_incomplete: 'The scorecard is not complete',
  criterion_not_asked: 'That question was not asked in this interview',
  recommendation_contradicts_ratings: 'The recommendation contradicts the ratings',
  interview_not_started: 'The interview has not started yet',
  dealbreaker_not_acknowledged: 'A dealbreaker needs acknowledging',
  too_many_attempts: 'Too many attempts',
  payload_too_large: 'Request too large',
  unsupported_media_type: 'Unsupported media type',
  service_unavailable: 'Service unavailable',
  internal: 'Something went wrong',
};

/** An error the client should see: an HTTP status, a stable code and a human sentence. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly detail: string,
    readonly extra: { errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(detail);
  }

  get title(): string {
    return TITLES[this.code];
  }

  static notFound(what = 'resource'): AppError {
    return new AppError(404, 'not_found', `No such ${what}.`);
  }

  /** Fields that are well-formed but name something that does not fit (another org's id, a missing step…). */
  static invalid(errors: FieldError[]): AppError {
    return new AppError(400, 'validation_failed', 'Some fields are missing or invalid.', { errors });
  }
}

export function titleFor(code: ErrorCode): string {
  return TITLES[code];
}
