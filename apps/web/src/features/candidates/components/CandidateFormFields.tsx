import {
  CandidateSource,
  DesiredCareerPath,
  LeadershipSignal,
  SIGNAL_LABELS,
  SOURCE_LABELS,
} from '@scorecard/contracts';
import { useId } from 'react';
import { Field, FormSection, OptionList } from '@/components/ui/Field';
import { CAREER_PATH_LABELS } from '../candidate-form';
import type { CandidateFormApi } from './CandidateForm';

type SectionProps = { form: CandidateFormApi };

export function ContactFields({ form }: SectionProps) {
  const { errors } = form.formState;
  const { register } = form;
  return (
    <FormSection title="Contact" description="Who the candidate is and how to reach them.">
      <div className="form-grid">
        <Field label="Name" error={errors.name?.message}>
          {(c) => <input {...c} {...register('name')} className="input" autoComplete="off" />}
        </Field>
        <Field label="Email" error={errors.email?.message}>
          {(c) => <input {...c} {...register('email')} type="email" className="input" autoComplete="off" />}
        </Field>
        <Field label="Phone" error={errors.phone?.message} hint="Optional.">
          {(c) => <input {...c} {...register('phone')} type="tel" className="input" autoComplete="off" />}
        </Field>
        <Field label="Location" error={errors.location?.message} hint="Optional, for example Berlin.">
          {(c) => <input {...c} {...register('location')} className="input" autoComplete="off" />}
        </Field>
      </div>
    </FormSection>
  );
}

export function AboutFields({ form }: SectionProps) {
  const { errors } = form.formState;
  const { register } = form;
  const id = useId();
  return (
    <FormSection title="Background" description="Where they work now, and how they reached you.">
      <div className="form-grid">
        <Field label="Current title" error={errors.currentTitle?.message}>
          {(c) => <input {...c} {...register('currentTitle')} className="input" autoComplete="off" />}
        </Field>
        <Field label="Current company" error={errors.currentCompany?.message}>
          {(c) => <input {...c} {...register('currentCompany')} className="input" autoComplete="off" />}
        </Field>
        <Field label="Source" error={errors.source?.message}>
          {(c) => (
            <select {...c} {...register('source')} className="select">
              <OptionList values={CandidateSource.options} labels={SOURCE_LABELS} empty="Choose a source" />
            </select>
          )}
        </Field>
      </div>
      <fieldset className="checks candidate-form__inline">
        <legend className="field__label">Internal or external</legend>
        {(['external', 'internal'] as const).map((value) => (
          <label key={value} className="check" htmlFor={`${id}-${value}`}>
            <input id={`${id}-${value}`} type="radio" className="radio" value={value} {...register('internal')} />
            {value === 'internal' ? 'Internal (already works here)' : 'External'}
          </label>
        ))}
      </fieldset>
      <fieldset
        className="checks"
        aria-describedby={errors.signals ? `${id}-signals-error` : `${id}-signals-hint`}
        aria-invalid={Boolean(errors.signals)}
      >
        <legend className="field__label">Signals of leadership potential</legend>
        <p id={`${id}-signals-hint`} className="field__hint">
          Tick what you have seen evidence of.
        </p>
        {LeadershipSignal.options.map((signal) => (
          <label key={signal} className="check" htmlFor={`${id}-${signal}`}>
            <input
              id={`${id}-${signal}`}
              type="checkbox"
              className="checkbox"
              value={signal}
              {...register('signals')}
            />
            {SIGNAL_LABELS[signal]}
          </label>
        ))}
        {errors.signals ? (
          <p id={`${id}-signals-error`} className="field__error">
            {errors.signals.message}
          </p>
        ) : null}
      </fieldset>
    </FormSection>
  );
}

export function LinkFields({ form }: SectionProps) {
  const { errors } = form.formState;
  const { register } = form;
  const links = [
    ['linkedin', 'LinkedIn'],
    ['github', 'GitHub'],
    ['blog', 'Blog'],
    ['talks', 'Talks'],
  ] as const;
  return (
    <FormSection
      title="Links"
      description="Optional. For example linkedin.com/in/name: https:// is added when left out."
    >
      <div className="form-grid form-grid--wide">
        {links.map(([key, label]) => (
          <Field key={key} label={label} error={errors.links?.[key]?.message}>
            {(c) => <input {...c} {...register(`links.${key}`)} type="url" className="input" autoComplete="off" />}
          </Field>
        ))}
      </div>
    </FormSection>
  );
}

export function WishFields({ form }: SectionProps) {
  const { errors } = form.formState;
  const { register } = form;
  return (
    <FormSection title="What they want" description="In their words, so the panel can check the role fits.">
      <div className="form-grid">
        <Field label="Desired career path" error={errors.desiredCareerPath?.message}>
          {(c) => (
            <select {...c} {...register('desiredCareerPath')} className="select">
              <OptionList values={DesiredCareerPath.options} labels={CAREER_PATH_LABELS} />
            </select>
          )}
        </Field>
        <Field
          label="Desired coding share (%)"
          error={errors.desiredCodingSharePct?.message}
          hint="Optional, 0 to 100."
        >
          {(c) => (
            <input {...c} {...register('desiredCodingSharePct')} inputMode="numeric" className="input input--narrow" />
          )}
        </Field>
        <Field
          label="Compensation expectation"
          error={errors.compensation?.amount?.message}
          hint="Optional, yearly, whole units."
        >
          {(c) => <input {...c} {...register('compensation.amount')} inputMode="numeric" className="input" />}
        </Field>
        <Field label="Currency" error={errors.compensation?.currency?.message}>
          {(c) => <input {...c} {...register('compensation.currency')} className="input input--narrow" maxLength={3} />}
        </Field>
      </div>
    </FormSection>
  );
}

export function NotesFields({ form }: SectionProps) {
  const { errors } = form.formState;
  const { register } = form;
  return (
    <FormSection title="Notes and tags">
      <Field label="Tags" error={errors.tags?.message} hint="Separate tags with commas, for example rust, berlin.">
        {(c) => <input {...c} {...register('tags')} className="input" autoComplete="off" />}
      </Field>
      <Field label="Notes" error={errors.notes?.message}>
        {(c) => <textarea {...c} {...register('notes')} className="textarea" rows={5} />}
      </Field>
    </FormSection>
  );
}
