import type { UseFormReturn } from 'react-hook-form';
import { Alert } from '@/components/ui/Alert';
import { ApiError } from '@/lib/api';
import { interviewErrorMessage } from '../interview-copy';
import { formFieldFor, type InterviewFormInput } from '../interview-form';

/** Whether the API's answer names fields the form shows (then the errors go next to them). */
function hasFieldErrors(error: unknown): error is ApiError {
  return error instanceof ApiError && error.fieldErrors.some((e) => formFieldFor(e.path) !== null);
}

/** Puts the API's field errors next to their fields and focuses the first. */
export function placeServerErrors<O>(error: unknown, form: UseFormReturn<InterviewFormInput, unknown, O>): void {
  if (!hasFieldErrors(error)) return;
  let first = true;
  for (const fieldError of error.fieldErrors) {
    const named = formFieldFor(fieldError.path);
    if (!named) continue;
    // A due-time error while "24 hours after the end" is chosen belongs to that choice.
    const field = named === 'dueDate' && form.getValues('dueMode') === 'default' ? 'dueMode' : named;
    form.setError(field, { type: 'server', message: fieldError.message }, { shouldFocus: first });
    first = false;
  }
}

/** The problem, in words, when it isn't about one field (a refused move, a conflict, the network). */
export function SubmitFailure({ error, title, onDismiss }: { error: unknown; title: string; onDismiss: () => void }) {
  if (!error || hasFieldErrors(error)) return null;
  return (
    <Alert title={title} onDismiss={onDismiss}>
      {interviewErrorMessage(error)}
    </Alert>
  );
}
