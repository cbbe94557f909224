import { zodResolver } from '@hookform/resolvers/zod';
import type { CreateCandidateRequest } from '@scorecard/contracts';
import { useForm, type FieldPath, type UseFormReturn } from 'react-hook-form';
import { RecordForm } from '@/components/ui/RecordForm';
import { ApiError, errorMessage, isApiError } from '@/lib/api';
import { applyServerFieldErrors } from '@/lib/forms';
import {
  CandidateFormSchema,
  formFieldFor,
  toCandidateRequest,
  type CandidateFormInput,
  type CandidateFormOutput,
} from '../candidate-form';
import { AboutFields, ContactFields, LinkFields, NotesFields, WishFields } from './CandidateFormFields';

export type CandidateFormApi = UseFormReturn<CandidateFormInput, unknown, CandidateFormOutput>;

const FIELDS: readonly FieldPath<CandidateFormInput>[] = [
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
  return (
    <RecordForm
      {...props}
      form={form}
      className="candidate-form"
      onSubmit={(values) => props.onSubmit(toCandidateRequest(values))}
      placeErrors={(error) => placeFieldErrors(form, error)}
      describe={describeFailure}
      reload={{ label: 'Reload the candidate (discards these edits)', onReload: props.onReload }}
    >
      <ContactFields form={form} />
      <AboutFields form={form} />
      <LinkFields form={form} />
      <WishFields form={form} />
      <NotesFields form={form} />
    </RecordForm>
  );
}

function describeFailure(failure: unknown) {
  const stale = failure instanceof ApiError && failure.code === 'stale_revision';
  return {
    stale,
    message: stale
      ? 'Someone else changed this candidate while you were editing, so your changes weren’t saved.'
      : errorMessage(failure),
  };
}

/** Puts the API's field errors (and a taken email) next to their fields; true when one was placed. */
function placeFieldErrors(form: CandidateFormApi, error: unknown): boolean {
  if (error instanceof ApiError && error.code === 'email_taken') {
    form.setError(
      'email',
      { type: 'server', message: 'Another candidate already has this email. Search for them instead.' },
      { shouldFocus: true },
    );
    return true;
  }
  return isApiError(error, 'validation_failed') && applyServerFieldErrors(error, form.setError, FIELDS, formFieldFor);
}
