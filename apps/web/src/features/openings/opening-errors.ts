import { ApiError, errorMessage } from '@/lib/api';

/** True when the API refused a write because someone else saved the opening first. */
export function isStale(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'stale_revision' || error.code === 'conflict');
}

/** A sentence for a failed write to an opening, in the words of what the person tried. */
export function openingWriteErrorMessage(error: unknown, what: string): string {
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'stale_revision':
        return `Someone else changed this opening while you were working, so ${what} wasn’t saved. Reload to see their changes.`;
      case 'forbidden':
        return 'Only admins and hiring managers can change openings.';
      case 'not_found':
        return 'This opening no longer exists.';
      case 'validation_failed':
        return error.fieldErrors.length > 0
          ? `Fix these first: ${error.fieldErrors.map((e) => e.message).join(' ')}`
          : errorMessage(error);
      default:
        break;
    }
  }
  return `Couldn’t save ${what}. ${errorMessage(error)}`;
}
