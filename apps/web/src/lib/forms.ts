import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import { ApiError } from './api';

/*
 * Focusing the first invalid field (here, and react-hook-form's own `shouldFocusError` on submit)
 * scrolls it into view with the browser's focus scrolling, which honours `scroll-padding-top` on
 * the document (the sticky header's height, published by AppShell as `--header-height`) and the
 * controls' `scroll-margin` (styles.css): the field lands below the header with its label and
 * message in view, for every form at once.
 */

/**
 * Puts the API's field errors (problem+json `errors`, whose paths are the form's field names
 * unless `fieldFor` maps them) next to their fields. Returns true when at least one was placed, so the caller can skip a form-level
 * message.
 */
export function applyServerFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly FieldPath<T>[],
  /** The form field an error's path belongs to, where the request's shape differs from the form's. */
  fieldFor: (path: string) => string = (path) => path,
): boolean {
  if (!(error instanceof ApiError)) return false;
  let placed = false;
  for (const fieldError of error.fieldErrors) {
    const path = fieldFor(fieldError.path);
    const field = fields.find((name) => name === path);
    if (!field) continue;
    setError(field, { type: 'server', message: fieldError.message }, { shouldFocus: !placed });
    placed = true;
  }
  return placed;
}
