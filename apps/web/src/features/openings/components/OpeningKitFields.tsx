import { ROLE_LABELS, type Opening } from '@scorecard/contracts';
import { useEffect, useId, type ReactNode } from 'react';
import { Field, FormSection } from '@/components/ui/Field';
import { errorMessage } from '@/lib/api';
import { usePeople, usePublishedChecklists, usePublishedRubrics } from '../api/opening-sources';
import type { OpeningFormApi } from './OpeningForm';

type Option = { value: string; label: string };

type KitFieldsProps = {
  form: OpeningFormApi;
  current?: Pick<Opening, 'rubricVersion' | 'checklistVersion' | 'hiringManager' | 'recruiter'> | undefined;
};

/** Who owns and recruits for the opening, and the published rubric and red-flag checklist its interviews use. */
export function OpeningKitFields({ form, current }: KitFieldsProps) {
  const { errors } = form.formState;
  const people = usePeople();
  const rubrics = usePublishedRubrics();
  const checklists = usePublishedChecklists();

  const managers: Option[] = (people.data ?? [])
    .filter((p) => p.role === 'hiring_manager' || p.role === 'admin')
    .map((p) => ({ value: p.id, label: `${p.name} (${ROLE_LABELS[p.role]})` }));
  if (current?.hiringManager && !managers.some((m) => m.value === current.hiringManager?.id)) {
    managers.unshift({ value: current.hiringManager.id, label: current.hiringManager.name });
  }

  const recruiters: Option[] = (people.data ?? [])
    .filter((p) => p.role === 'recruiter' || p.role === 'admin')
    .map((p) => ({ value: p.id, label: `${p.name} (${ROLE_LABELS[p.role]})` }));
  if (current?.recruiter && !recruiters.some((r) => r.value === current.recruiter?.id)) {
    recruiters.unshift({ value: current.recruiter.id, label: current.recruiter.name });
  }

  const rubricOptions: Option[] = (rubrics.data ?? []).map((r) => ({
    value: r.publishedVersionId ?? '',
    label: `${r.name} v${r.publishedVersion ?? ''}`,
  }));
  const cr = current?.rubricVersion;
  if (cr && !rubricOptions.some((o) => o.value === cr.id)) {
    rubricOptions.unshift({ value: cr.id, label: `${cr.name} v${cr.version} (in use; a newer version exists)` });
  }

  const checklistOptions: Option[] = (checklists.data ?? []).map((c) => ({
    value: c.publishedVersionId ?? '',
    label: `${c.name} v${c.publishedVersion ?? ''}`,
  }));
  const cc = current?.checklistVersion;
  if (cc && !checklistOptions.some((o) => o.value === cc.id)) {
    checklistOptions.unshift({ value: cc.id, label: `${cc.name} v${cc.version} (in use; a newer version exists)` });
  }

  return (
    <FormSection
      title="People and interview kit"
      description="The opening can be opened once it has a hiring manager, a published rubric and a red-flag checklist. The recruiter is optional: their home page follows this opening."
    >
      <div className="form-grid form-grid--wide">
        <SourceSelect
          label="Hiring manager"
          form={form}
          name="hiringManagerId"
          error={errors.hiringManagerId?.message}
          query={people}
          options={managers}
          empty="Not chosen yet"
          hint="Admins and hiring managers of your organization."
        />
        <SourceSelect
          label="Recruiter"
          form={form}
          name="recruiterId"
          error={errors.recruiterId?.message}
          query={people}
          options={recruiters}
          empty="No recruiter"
          hint="Admins and recruiters of your organization."
        />
        <SourceSelect
          label="Rubric"
          form={form}
          name="rubricVersionId"
          error={errors.rubricVersionId?.message}
          query={rubrics}
          options={rubricOptions}
          empty="Not chosen yet"
          hint="Published rubrics only. The plan is built from its competencies and questions."
        />
        <SourceSelect
          label="Red-flag checklist"
          form={form}
          name="checklistVersionId"
          error={errors.checklistVersionId?.message}
          query={checklists}
          options={checklistOptions}
          empty="Not chosen yet"
          hint="Published checklists only. Interviewers watch for these."
        />
      </div>
      <HideDetailsField form={form} error={errors.hideCandidateDetails?.message} />
    </FormSection>
  );
}

type SourceSelectProps = {
  label: string;
  form: OpeningFormApi;
  name: 'hiringManagerId' | 'recruiterId' | 'rubricVersionId' | 'checklistVersionId';
  error: string | undefined;
  query: { isPending: boolean; isError: boolean; error: unknown; isFetching: boolean; refetch: () => unknown };
  options: Option[];
  empty: string;
  hint: ReactNode;
};

function SourceSelect({ label, form, name, error, query, options, empty, hint }: SourceSelectProps) {
  // The saved choice is set before its option arrives; show it once the options are there.
  const optionCount = options.length;
  useEffect(() => {
    const value = form.getValues(name);
    if (value && optionCount > 0) form.setValue(name, value);
  }, [form, name, optionCount]);
  const loadError = query.isError ? (
    <span className="field__load-error">
      Couldn’t load the choices. {errorMessage(query.error)}{' '}
      <button type="button" className="link-button" onClick={() => void query.refetch()} disabled={query.isFetching}>
        Try again
      </button>
    </span>
  ) : null;
  return (
    <Field label={label} error={error} hint={loadError ?? hint}>
      {(control) => (
        <select {...control} {...form.register(name)} className="select" aria-busy={query.isPending}>
          <option value="">{query.isPending ? 'Loading…' : empty}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Control of ancillary information: interviewers can be spared the CV and judge only what they hear. */
function HideDetailsField({ form, error }: { form: OpeningFormApi; error: string | undefined }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={error ? 'check-field field--invalid' : 'check-field'}>
      <input
        type="checkbox"
        id={id}
        className="checkbox"
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        aria-invalid={Boolean(error)}
        {...form.register('hideCandidateDetails')}
      />
      <div>
        <label htmlFor={id}>Hide CV details from interviewers</label>
        <p id={hintId} className="field__hint">
          Interviewers see only the candidate’s name in their interview kit, not their current role, company, location
          or links.
        </p>
        {error ? (
          <p id={errorId} className="field__error">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
