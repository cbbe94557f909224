import { zodResolver } from '@hookform/resolvers/zod';
import type { CreateOpeningRequest, Opening } from '@scorecard/contracts';
import { useState } from 'react';
import { useForm, type FieldPath, type UseFormReturn } from 'react-hook-form';
import { Alert } from '@/components/ui/Alert';
import { ApiError } from '@/lib/api';
import { isStale, openingWriteErrorMessage } from '../opening-errors';
import {
  OpeningFormSchema,
  formFieldFor,
  toOpeningRequest,
  type OpeningFormInput,
  type OpeningFormOutput,
} from '../opening-form';
import { OpeningKitFields } from './OpeningKitFields';
import { CompensationFields, ExpectationFields, RoleFields, WorkFields } from './OpeningProfileFields';

export type OpeningFormApi = UseFormReturn<OpeningFormInput, unknown, OpeningFormOutput>;

const FIELDS: readonly string[] = [
  'title',
  'team',
  'level',
  'archetype',
  'codingSharePct',
  'peopleManagement',
  'decisionAuthority',
  'emPartnership',
  'compensation.currency',
  'compensation.min',
  'compensation.max',
  'careerPath',
  'expectations.technicalAuthority',
  'expectations.codingTime',
  'expectations.teamQuality',
  'expectations.emPartnership',
  'expectations.growthPath',
  'hiringManagerId',
  'recruiterId',
  'hideCandidateDetails',
  'rubricVersionId',
  'checklistVersionId',
];

type OpeningFormProps = {
  defaultValues: OpeningFormInput;
  /** A new opening's compensation follows its level until the person edits it. */
  isNew: boolean;
  /** The opening being edited: its current versions stay choosable even if newer ones exist. */
  current?: Pick<Opening, 'rubricVersion' | 'checklistVersion' | 'hiringManager' | 'recruiter'>;
  label: string;
  submitLabel: string;
  pendingLabel: string;
  onSubmit: (request: CreateOpeningRequest) => Promise<unknown>;
  onCancel: () => void;
  /** Offered when someone else saved the opening first. */
  onReload?: () => void;
};

export function OpeningForm(props: OpeningFormProps) {
  const form: OpeningFormApi = useForm<OpeningFormInput, unknown, OpeningFormOutput>({
    resolver: zodResolver(OpeningFormSchema),
    defaultValues: props.defaultValues,
  });
  const [failure, setFailure] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    setPending(true);
    try {
      await props.onSubmit(toOpeningRequest(values));
    } catch (error) {
      if (!placeFieldErrors(form, error)) setFailure(error);
    } finally {
      setPending(false);
    }
  });

  return (
    <form className="form opening-form" onSubmit={(e) => void submit(e)} noValidate aria-label={props.label}>
      {failure ? (
        <Alert title="Not saved" onDismiss={() => setFailure(null)}>
          <p>{openingWriteErrorMessage(failure, 'the opening')}</p>
          {isStale(failure) && props.onReload ? (
            <button
              type="button"
              className="button button--secondary button--small alert__action"
              onClick={props.onReload}
            >
              Reload the opening (discards these edits)
            </button>
          ) : null}
        </Alert>
      ) : null}
      <RoleFields form={form} />
      <WorkFields form={form} />
      <CompensationFields form={form} isNew={props.isNew} />
      <ExpectationFields form={form} />
      <OpeningKitFields form={form} current={props.current} />
      <div className="form__actions opening-form__actions">
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

/** Puts the API's field errors next to their fields; true when at least one was placed. */
function placeFieldErrors(form: OpeningFormApi, error: unknown): boolean {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return false;
  let placed = false;
  for (const fieldError of error.fieldErrors) {
    const field = formFieldFor(fieldError.path);
    if (!FIELDS.includes(field)) continue;
    form.setError(
      field as FieldPath<OpeningFormInput>,
      { type: 'server', message: fieldError.message },
      { shouldFocus: !placed },
    );
    placed = true;
  }
  return placed;
}
