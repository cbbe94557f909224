import { zodResolver } from '@hookform/resolvers/zod';
import type { CreateCandidateRequest } from '@scorecard/contracts';
import { useState } from 'react';
import { useForm, type FieldPath, type UseFormReturn } from 'react-hook-form';
import { Alert } from '@/components/ui/Alert';
import { ApiError, errorMessage } from '@/lib/api';
import {
  CandidateFormSchema,
  formFieldFor,
  toCandidateRequest,
  type CandidateFormInput,
  type CandidateFormOutput,
} from '../candidate-form';
import { AboutFields, ContactFields, LinkFields, NotesFields, WishFields } from './CandidateFormFields';

export type CandidateFormApi = UseFormReturn<CandidateFormInput, unknown, CandidateFormOutput>;

const FIELDS: readonly string[] = [
  'name',
  'email',
  'phone',
  'location',
  'currentTitle',
  'currentCompany',
  'links.linkedin',
  'links.github',
  'links.blog',
  'links.talks',
  'source',
  'internal',
  'signals',
  'desiredCareerPath',
  'desiredCodingSharePct',
  'compensation.amount',
  'compensation.currency',
  'notes',
  'tags',
];

type CandidateFormProps = {
  defaultValues: CandidateFormInput;
  label: string;
  submitLabel: string;
  pendingLabel: string;
  onSubmit: (request: CreateCandidateRequest) => Promise<unknown>;
  onCancel: () => void;
  /** Offered when someone else saved the candidate first. */
  onReload?: () => void;
};

export function CandidateForm(props: CandidateFormProps) {
  const form: CandidateFormApi = useForm<CandidateFormInput, unknown, CandidateFormOutput>({
    resolver: zodResolver(CandidateFormSchema),
    defaultValues: props.defaultValues,
  });
  const [failure, setFailure] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    setPending(true);
    try {
      await props.onSubmit(toCandidateRequest(values));
    } catch (error) {
      if (!placeFieldErrors(form, error)) setFailure(error);
    } finally {
      setPending(false);
    }
  });

  const stale = failure instanceof ApiError && failure.code === 'stale_revision';
  return (
    <form className="form candidate-form" onSubmit={(e) => void submit(e)} noValidate aria-label={props.label}>
      {failure ? (
        <Alert title="Not saved" onDismiss={() => setFailure(null)}>
          <p>
            {stale
              ? 'Someone else changed this candidate while you were editing, so your changes weren’t saved.'
              : errorMessage(failure)}
          </p>
          {stale && props.onReload ? (
            <button
              type="button"
              className="button button--secondary button--small alert__action"
              onClick={props.onReload}
            >
              Reload the candidate (discards these edits)
            </button>
          ) : null}
        </Alert>
      ) : null}
      <ContactFields form={form} />
      <AboutFields form={form} />
      <LinkFields form={form} />
      <WishFields form={form} />
      <NotesFields form={form} />
      <div className="form__actions candidate-form__actions">
        <button type="button" className="button button--secondary" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? props.pendingLabel : props.submitLabel}
        </button>
      </div>
    </form>
  );
}

/** Puts the API's field errors (and a taken email) next to their fields; true when one was placed. */
function placeFieldErrors(form: CandidateFormApi, error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.code === 'email_taken') {
    form.setError(
      'email',
      { type: 'server', message: 'Another candidate already has this email. Search for them instead.' },
      { shouldFocus: true },
    );
    return true;
  }
  if (error.code !== 'validation_failed') return false;
  let placed = false;
  for (const fieldError of error.fieldErrors) {
    const field = formFieldFor(fieldError.path);
    if (!FIELDS.includes(field)) continue;
    form.setError(
      field as FieldPath<CandidateFormInput>,
      { type: 'server', message: fieldError.message },
      { shouldFocus: !placed },
    );
    placed = true;
  }
  return placed;
}
