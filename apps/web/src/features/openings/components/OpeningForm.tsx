import { zodResolver } from '@hookform/resolvers/zod';
import type { CreateOpeningRequest, Opening } from '@scorecard/contracts';
import { useForm, type FieldPath, type UseFormReturn } from 'react-hook-form';
import { RecordForm } from '@/components/ui/RecordForm';
import { isApiError } from '@/lib/api';
import { applyServerFieldErrors } from '@/lib/forms';
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

const FIELDS: readonly FieldPath<OpeningFormInput>[] = [
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
  return (
    <RecordForm
      {...props}
      form={form}
      className="opening-form"
      onSubmit={(values) => props.onSubmit(toOpeningRequest(values))}
      placeErrors={(error) =>
        isApiError(error, 'validation_failed') && applyServerFieldErrors(error, form.setError, FIELDS, formFieldFor)
      }
      describe={(failure) => ({ message: openingWriteErrorMessage(failure, 'the opening'), stale: isStale(failure) })}
      reload={{ label: 'Reload the opening (discards these edits)', onReload: props.onReload }}
    >
      <RoleFields form={form} />
      <WorkFields form={form} />
      <CompensationFields form={form} isNew={props.isNew} />
      <ExpectationFields form={form} />
      <OpeningKitFields form={form} current={props.current} />
    </RecordForm>
  );
}
